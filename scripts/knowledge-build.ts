import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { categoryLetters } from '../src/knowledge/keys.ts';
import { type NameIndex, toNameIndex } from '../src/knowledge/name-index.ts';
import { formatIssue, KnowledgeError } from '../src/knowledge/validate.ts';
import { isUnspacedScript } from '../src/match/chars.ts';
import { extendTable, type NameTable, tableToLines } from '../src/match/matcher.ts';
import { knowledgeAsOf, loadKnowledge } from './knowledge-load.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Checks the knowledge files and writes the modules the extension imports: the full, normalised
 * knowledge (background, popup), the category letters (content script) and the alias table
 * (background, which hands it to pages). Every mistake found throws
 * one {@link KnowledgeError} that lists them all. Written at config time because crxjs builds
 * standalone content scripts without plugins.
 */
export function prepareKnowledge(): Record<string, string> {
  const { entities, issues } = loadKnowledge();
  if (issues.length > 0) throw new KnowledgeError(issues);
  const out = resolve(root, 'node_modules/.backstory');
  mkdirSync(out, { recursive: true });
  const knowledge = resolve(out, 'knowledge.js');
  const names = resolve(out, 'name-index.js');
  const lines = resolve(out, 'name-lines.js');
  const unspaced = resolve(out, 'name-index-unspaced.js');
  const about = { asOf: knowledgeAsOf(), entities: entities.length };
  writeFileSync(
    knowledge,
    `export const about = ${JSON.stringify(about)};\nexport default JSON.parse(${JSON.stringify(JSON.stringify(entities))});\n`,
  );
  const entries = toNameIndex(entities);
  const [spaced, unspacedTable] = splitByScript(entries);
  // The content script: no ids or names, a category letter per entity; the worker and popup know
  // the rest (keys.ts). One string literal: nothing for V8 to parse but a string.
  writeFileSync(names, `export default { categories: ${JSON.stringify(categoryLetters(entries))} };\n`);
  // The alias table, kept by the worker and handed to each page with its configuration, so the
  // content script stays the same size however many names the knowledge holds.
  writeFileSync(lines, `export default ${JSON.stringify(tableToLines(spaced))};\n`);
  // Names with a Chinese, Japanese or Korean letter: the worker hands them to pages written so.
  writeFileSync(unspaced, `export default ${JSON.stringify(tableToLines(unspacedTable))};\n`);
  return {
    'backstory:knowledge': knowledge,
    'backstory:name-index': names,
    'backstory:name-lines': lines,
    'backstory:name-index-unspaced': unspaced,
  };
}

/**
 * The table split in two by the script a name is written in: most pages are written in scripts
 * with spaces and never need the 英伟达, 앤트로픽 or SK하이닉스 of the other part. A name with any
 * Chinese, Japanese or Korean letter goes there; a page that needs both joins them (joinTable).
 */
function splitByScript(entries: NameIndex): [NameTable, NameTable] {
  const unspacedIn = (alias: string) => [...alias].some((c) => isUnspacedScript(c.charCodeAt(0)));
  const part = (keep: (alias: string) => boolean): NameIndex =>
    entries.map((e) => ({ ...e, aliases: e.aliases.filter(keep), ambiguous: e.ambiguous.filter(keep) }));
  const spacedIn = (alias: string) => !unspacedIn(alias);
  return [extendTable({}, part(spacedIn)), extendTable({}, part(unspacedIn))];
}

/**
 * For the build's config: the same, but a knowledge mistake ends the process with the list of
 * mistakes in plain words, and no bundler stack trace around them.
 */
export function prepareKnowledgeOrExit(): Record<string, string> {
  try {
    return prepareKnowledge();
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    const n = error.issues.length;
    console.error(`\nThe knowledge has ${n === 1 ? 'a mistake' : `${n} mistakes`}; nothing was built:\n`);
    for (const issue of error.issues) console.error(`  ${formatIssue(issue)}`);
    console.error('\nSee docs/knowledge.md for the format.\n');
    process.exit(1);
  }
}
