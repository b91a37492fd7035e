import { COMMON_WORDS } from './common-words';
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

const countTopic = (text: string): number => text.match(TOPIC)?.length ?? 0;

/** The sentence around `[start, end)`: from the last sentence end before it to the next after it. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(0, start);
  const stop = /[.!?…]["'”’)\]]*\s+(?=[^.!?…]*$)/u.exec(before);
  const after = /[.!?…](?=["'”’)\]]*(?:\s|$))/u.exec(text.slice(end));
  return [stop ? stop.index + stop[0].length : 0, after ? end + after.index + 1 : text.length];
}

const hasTopic = (text: string): boolean => {
  TOPIC.lastIndex = 0;
  return TOPIC.test(text);
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
 * AI news (unless `force`). An ambiguous alias ("Amazon", "Gemini") counts when the page names
 * the same entity without doubt, or its sentence has another name or a topic word; an ambiguous
 * ordinary word at a sentence start ("Scale") only when the entity is confirmed elsewhere.
 */
export function resolveMentions(
  blocks: ScannedBlock[],
  options: { force?: boolean } = {},
): { verdict: Verdict; mentions: Mention[][] } {
  const verdict = assess(blocks);
  if (!verdict.relevant && !options.force) return { verdict, mentions: blocks.map(() => []) };
  const sure = new Set<string>();
  for (const b of blocks) for (const c of b.candidates) if (!c.ambiguous) sure.add(c.entityId);
  const confirmed = new Set(sure);
  const initialWord = (b: ScannedBlock, c: Candidate) => COMMON_WORDS.has(c.alias) && sentenceInitial(b.text, c.start);
  const cued = blocks.map((b) =>
    b.candidates.map((c) => {
      if (!c.ambiguous || sure.has(c.entityId)) return true;
      const [s, e] = sentenceAround(b.text, c.start, c.end);
      const cue =
        b.candidates.some((o) => o !== c && !o.ambiguous && o.start >= s && o.end <= e) || hasTopic(b.text.slice(s, e));
      if (cue && !initialWord(b, c)) confirmed.add(c.entityId);
      return cue;
    }),
  );
  const mentions = blocks.map((b, i) =>
    b.candidates.filter((c, j) => cued[i]?.[j] && (!initialWord(b, c) || confirmed.has(c.entityId))).map(strip),
  );
  return { verdict, mentions };
}
