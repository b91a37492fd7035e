import { toNameIndex } from '../src/knowledge/name-index';
import { compileMatcher, scanBlock } from '../src/match';
import { createLocalNames } from '../src/match/local-names';
import { bigPage } from './bench-pages';
import { loadKnowledge } from './knowledge-load';

const mode = process.argv[2] ?? 'none';
const matcher = compileMatcher(toNameIndex(loadKnowledge().entities));
const blocks = [...bigPage().matchAll(/<(p|h[1-6])>(.*?)<\/\1>/g)].map((m) => m[2] as string);
let found = 0;
if (mode === 'scan') for (const b of blocks) found += matcher.scan(b).length;
if (mode === 'cues') for (const b of blocks) found += scanBlock(matcher, b).candidates.length;
if (mode === 'page') {
  // As a page is scanned: short names learnt from the full names before them (local-names.ts).
  const local = createLocalNames(matcher);
  for (const b of blocks) found += scanBlock(matcher, b, local).candidates.length;
}
console.log(found);
