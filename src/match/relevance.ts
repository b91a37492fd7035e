import type { Candidate, Mention } from './matcher';

/** How sure we are that a page is about AI/tech, and why. */
export type Verdict = {
  relevant: boolean;
  /** Distinct entities named by unambiguous aliases. */
  entities: number;
  /** Occurrences of AI/tech topic words. */
  topicWords: number;
};

/** One block of page text (a paragraph, a heading) with the candidates found in it. */
export type ScannedBlock = { text: string; candidates: Candidate[] };

// Case-sensitive on purpose: "AI" is a topic word, "ai" (a sloth, Japanese "love") is not.
const TOPIC =
  /(?<![\p{L}\p{N}])(?:AI|A\.I\.|[Aa]rtificial [Ii]ntelligence|[Mm]achine learning|LLMs?|[Ll]arge language models?|[Gg]enerative|[Cc]hatbots?|[Mm]odels?|GPUs?|[Cc]hips?|[Ss]emiconductors?|[Dd]ata cent(?:er|re)s?|[Cc]loud|[Ss]tartups?|[Nn]eural networks?|[Ii]nference|[Cc]ompute|[Aa]ntitrust|[Ss]oftware|[Aa]lgorithms?|[Tt]ech(?:nology)?)(?![\p{L}\p{N}])/gu;

const CUE_WINDOW = 250;

const countTopic = (text: string): number => text.match(TOPIC)?.length ?? 0;

const hasTopicNear = (text: string, start: number, end: number): boolean => {
  TOPIC.lastIndex = 0;
  return TOPIC.test(text.slice(Math.max(0, start - CUE_WINDOW), end + CUE_WINDOW));
};

/** True when a name opens a sentence, where any ordinary word is capitalised too. */
export const sentenceInitial = (text: string, start: number): boolean =>
  /(?:^|[.!?:]["'”’)\]]*)\s*["'“‘([]*$/u.test(text.slice(Math.max(0, start - 8), start));

/** Scores a page from its unambiguous names and topic words. */
export function assess(blocks: ScannedBlock[]): Verdict {
  const sure = new Set<string>();
  let topicWords = 0;
  for (const b of blocks) {
    for (const c of b.candidates) if (!c.ambiguous) sure.add(c.entityId);
    topicWords += countTopic(b.text);
  }
  const entities = sure.size;
  const relevant = entities >= 4 || (entities >= 2 && topicWords >= 2) || (entities >= 1 && topicWords >= 4);
  return { relevant, entities, topicWords };
}

const strip = ({ start, end, entityId, alias }: Candidate): Mention => ({ start, end, entityId, alias });

/**
 * Keeps the mentions a reader would expect on this page. Nothing on a page that is not
 * AI news (unless `force`); an ambiguous alias ("Amazon", "Gemini") only with a cue nearby
 * (another name or a topic word in the same block), and at a sentence start only when the
 * entity is named elsewhere on the page without doubt.
 */
export function resolveMentions(
  blocks: ScannedBlock[],
  options: { force?: boolean } = {},
): { verdict: Verdict; mentions: Mention[][] } {
  const verdict = assess(blocks);
  if (!verdict.relevant && !options.force) return { verdict, mentions: blocks.map(() => []) };
  const confirmed = new Set<string>();
  const cued = blocks.map((b) =>
    b.candidates.map((c) => {
      if (!c.ambiguous) {
        confirmed.add(c.entityId);
        return true;
      }
      const cue =
        b.candidates.some((o) => !o.ambiguous && Math.abs(o.start - c.start) <= CUE_WINDOW) ||
        hasTopicNear(b.text, c.start, c.end);
      if (cue && !sentenceInitial(b.text, c.start)) confirmed.add(c.entityId);
      return cue;
    }),
  );
  const mentions = blocks.map((b, i) =>
    b.candidates
      .filter((c, j) => {
        if (!c.ambiguous) return true;
        if (!cued[i]?.[j]) return false;
        return !sentenceInitial(b.text, c.start) || confirmed.has(c.entityId);
      })
      .map(strip),
  );
  return { verdict, mentions };
}
