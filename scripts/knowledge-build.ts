import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompiledNames, toNameIndex } from '../src/knowledge/name-index.ts';
import { KnowledgeError, validateKnowledge } from '../src/knowledge/validate.ts';
import { extendTable } from '../src/match/matcher.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The knowledge file the build uses: `BACKSTORY_KNOWLEDGE` (for tests of bad files) or the bundled one. */
export const knowledgeSource = (): string =>
  resolve(root, process.env.BACKSTORY_KNOWLEDGE ?? 'src/knowledge/entities.json');

/**
 * Validates the knowledge file and writes the two modules the extension imports:
 * the full, normalised knowledge (background, popup) and the name index (content script).
 * A bad entry throws, so `vite build` stops with file, entity id and field.
 * Written at config time because crxjs builds standalone content scripts without plugins.
 */
export function prepareKnowledge(): Record<string, string> {
  const file = knowledgeSource();
  const shown = relative(root, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KnowledgeError(shown, '(file)', '(json)', `is not valid JSON: ${(error as Error).message}`);
  }
  const entities = validateKnowledge(raw, shown);
  const out = resolve(root, 'node_modules/.backstory');
  mkdirSync(out, { recursive: true });
  const knowledge = resolve(out, 'knowledge.json');
  const names = resolve(out, 'name-index.js');
  writeFileSync(knowledge, JSON.stringify(entities));
  const entries = toNameIndex(entities);
  const compiled: CompiledNames = {
    entries: entries.map(({ id, name, category }) => ({ id, name, category })),
    table: extendTable({}, entries),
  };
  // A JSON.parse of a string literal: V8 parses that far faster than the same data as an object literal.
  writeFileSync(names, `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});\n`);
  return { 'backstory:knowledge': knowledge, 'backstory:name-index': names };
}
