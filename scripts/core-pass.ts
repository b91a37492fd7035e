// One cold pass of the pure core over the 1 MB bench page, for scripts/bench-core.ts to count
// under callgrind. `none` prepares the same data and matcher but runs nothing, so the difference
// of two counts is the pass alone.
import { readFileSync } from 'node:fs';
import { toNameIndex } from '../src/knowledge/name-index';
import { validateKnowledge } from '../src/knowledge/validate';
import { compileMatcher, scanBlock } from '../src/match';
import { bigPage } from './bench-pages';

const mode = process.argv[2] ?? 'none';
const matcher = compileMatcher(
  toNameIndex(validateKnowledge(JSON.parse(readFileSync('src/knowledge/entities.json', 'utf8')))),
);
const blocks = [...bigPage().matchAll(/<(p|h[1-6])>(.*?)<\/\1>/g)].map((m) => m[2] as string);
let found = 0;
if (mode === 'scan') for (const b of blocks) found += matcher.scan(b).length;
if (mode === 'cues') for (const b of blocks) found += scanBlock(matcher, b).candidates.length;
console.log(found);
