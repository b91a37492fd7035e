import { createLocalNames } from './local-names';
import type { Matcher, Mention } from './matcher';
import { resolveMentions, scanBlock } from './relevance';

export {
  type Candidate,
  compileMatcher,
  extendTable,
  type Matcher,
  type Mention,
  type NameTable,
} from './matcher';
export {
  accepts,
  createEvidence,
  decideBlock,
  type Evidence,
  resolveMentions,
  type ScannedBlock,
  scanBlock,
  sentenceAround,
  type Verdict,
} from './relevance';

/**
 * The pure core: text → mentions, treating the text as a whole page
 * (paragraphs split on blank lines).
 */
export function findMentions(matcher: Matcher, text: string, options: { force?: boolean } = {}): Mention[] {
  const blocks: { text: string; offset: number }[] = [];
  const re = /\n\s*\n/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ text: text.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
  }
  blocks.push({ text: text.slice(last), offset: last });
  const local = createLocalNames(matcher);
  const { mentions } = resolveMentions(
    blocks.map((b) => scanBlock(matcher, b.text, local)),
    options,
  );
  return mentions.flatMap((list, i) => {
    const offset = blocks[i]?.offset ?? 0;
    return list.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
  });
}
