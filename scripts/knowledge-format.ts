/**
 * The knowledge files' one canonical form: keys in a fixed order, block lists, `involves` on one
 * line, no line folding. `npm run knowledge:format` rewrites every file in it;
 * `npm run knowledge:format -- --check` (run by `npm test` through tests/unit/knowledge-files.test.ts)
 * lists the files that differ. `--from-json <file>` writes the entities of a JSON array as files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { entityFiles, knowledgeDir } from './knowledge-load.ts';

const ORDER = {
  entity: [
    'id',
    'name',
    'category',
    'family',
    'versioned',
    'generic',
    'aliases',
    'ambiguousAliases',
    'summary',
    'url',
    'facts',
    'related',
  ],
  fact: ['text', 'asOf', 'source', 'confirmedBy', 'involves'],
  relation: ['id', 'type', 'since', 'until', 'note'],
};

const rank = (order: readonly string[], key: unknown) => {
  const i = order.indexOf(String(key));
  return i === -1 ? order.length : i;
};

/** Sorts a map's keys into `order` (unknown keys last, as written, so the checker can name them). */
function sortKeys(map: YAMLMap, order: readonly string[]): void {
  map.items.sort(
    (a, b) => rank(order, (a.key as { value?: unknown })?.value) - rank(order, (b.key as { value?: unknown })?.value),
  );
}

/** The canonical text of one entity file's YAML (or the text unchanged when it does not parse). */
export function formatEntityYaml(text: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text;
  return canonical(doc);
}

function canonical(doc: Document): string {
  const root = doc.contents;
  if (!isMap(root)) return doc.toString();
  sortKeys(root, ORDER.entity);
  for (const [field, order] of [
    ['facts', ORDER.fact],
    ['related', ORDER.relation],
  ] as const) {
    const list = root.get(field, true);
    if (!isSeq(list)) continue;
    list.flow = false;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      item.flow = false;
      sortKeys(item, order);
      const involves = item.get('involves', true);
      if (isSeq(involves)) involves.flow = true;
    }
  }
  for (const field of ['aliases', 'ambiguousAliases']) {
    const list = root.get(field, true);
    if (isSeq(list)) list.flow = false;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}

/** An entity object as its canonical file text. */
export function entityToYaml(entity: unknown): string {
  const doc = new Document(entity);
  return canonical(doc);
}

function main() {
  const args = process.argv.slice(2);
  const dir = knowledgeDir();
  const from = args.indexOf('--from-json');
  if (from !== -1) {
    const list = JSON.parse(readFileSync(args[from + 1] as string, 'utf8')) as { id: string; category: string }[];
    for (const e of list) {
      mkdirSync(join(dir, e.category), { recursive: true });
      writeFileSync(join(dir, e.category, `${e.id}.yaml`), entityToYaml(e));
    }
    console.log(`Wrote ${list.length} entity files.`);
    return;
  }
  const check = args.includes('--check');
  const differ: string[] = [];
  // Files named on the command line, or every entity file.
  const named = args.filter((a) => !a.startsWith('--'));
  for (const path of named.length > 0 ? named : entityFiles(dir)) {
    const text = readFileSync(path, 'utf8');
    const formatted = formatEntityYaml(text);
    if (formatted === text) continue;
    differ.push(relative(process.cwd(), path));
    if (!check) writeFileSync(path, formatted);
  }
  if (check && differ.length > 0) {
    console.error(`Not in the canonical form (run npm run knowledge:format):\n  ${differ.join('\n  ')}`);
    process.exit(1);
  }
  if (!check)
    console.log(
      differ.length === 0 ? 'All knowledge files were formatted already.' : `Formatted ${differ.length} files.`,
    );
}

if (process.argv[1] && import.meta.url.endsWith(relative(process.cwd(), process.argv[1]).replace(/\\/g, '/'))) main();
