import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Entity } from '../src/knowledge/schema.ts';
import {
  type KnowledgeIssue,
  type KnowledgeItem,
  type Position,
  validateKnowledge,
} from '../src/knowledge/validate.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The knowledge folder the build uses: `BACKSTORY_KNOWLEDGE` (for tests of bad files) or the bundled one. */
export const knowledgeDir = (): string => resolve(root, process.env.BACKSTORY_KNOWLEDGE ?? 'src/knowledge');

/** The file beside the entities that says when the knowledge was last brought up to date. */
export const ABOUT_FILE = 'knowledge.yaml';

/** Every entity file under the folder: `<category>/<id>.yaml`, sorted. */
export function entityFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const file of readdirSync(path).sort()) if (/\.ya?ml$/.test(file)) out.push(join(path, file));
    }
  }
  return out;
}

/** Where a path of keys sits in a YAML document: the key itself, or its value. */
function locator(doc: ReturnType<typeof parseDocument>, lines: LineCounter) {
  const at = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return (path: readonly (string | number)[], key = false): Position | undefined => {
    let node: unknown = doc.contents;
    let found: Node | undefined = doc.contents ?? undefined;
    for (let i = 0; i < path.length; i++) {
      const step = path[i] as string | number;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
        if (!pair) break;
        if (key && i === path.length - 1 && isScalar(pair.key)) {
          found = pair.key;
          break;
        }
        node = pair.value;
        found = (pair.value as Node | null) ?? (pair.key as Node);
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        node = item;
        found = item;
      } else break;
    }
    const range = found?.range;
    return range ? at(range[0]) : undefined;
  };
}

/** Reads one YAML file: its data and a locator, or the syntax mistakes in it (with line and column). */
export function readEntityFile(path: string, shown: string): { item?: KnowledgeItem; issues: KnowledgeIssue[] } {
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const id = basename(path).replace(/\.ya?ml$/, '');
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const p = lines.linePos(e.pos[0]);
        const duplicate = e.code === 'DUPLICATE_KEY';
        return {
          file: shown,
          entityId: id,
          field: '(file)',
          message: duplicate
            ? 'a key is written twice in this entity: keep one'
            : `is not valid YAML: ${e.message.split('\n')[0]}`,
          position: { line: p.line, column: p.col },
        };
      }),
    };
  }
  return {
    issues: [],
    item: {
      file: shown,
      data: doc.toJS(),
      expectedId: id,
      expectedCategory: basename(dirname(path)),
      locate: locator(doc, lines),
    },
  };
}

/** What the knowledge folder says when it was last brought up to date (`asOf` in knowledge.yaml). */
export function knowledgeAsOf(dir = knowledgeDir()): string {
  const doc = parseDocument(readFileSync(join(dir, ABOUT_FILE), 'utf8'));
  const asOf = doc.get('asOf');
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new Error(`${relative(root, join(dir, ABOUT_FILE))}: \`asOf\` must be a date written YYYY-MM-DD`);
  }
  return asOf;
}

/** Reads and checks every entity file of the folder: the entities, and every mistake found. */
export function loadKnowledge(dir = knowledgeDir()): { entities: Entity[]; issues: KnowledgeIssue[] } {
  const issues: KnowledgeIssue[] = [];
  const items: KnowledgeItem[] = [];
  for (const path of entityFiles(dir)) {
    const read = readEntityFile(path, relative(root, path));
    issues.push(...read.issues);
    if (read.item) items.push(read.item);
  }
  const checked = validateKnowledge(items);
  issues.push(...checked.issues);
  const entities = checked.entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entities, issues };
}
