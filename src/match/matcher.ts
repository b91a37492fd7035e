import type { NameIndex } from '../knowledge/name-index';
import type { Category } from '../knowledge/schema';
import { aliasPattern } from './pattern';

/** One name found in a text: `[start, end)` code-unit offsets, the entity and the alias that matched. */
export type Mention = { start: number; end: number; entityId: string; alias: string };

/** A mention before relevance is decided; `ambiguous` aliases need evidence from the page. */
export type Candidate = Mention & { ambiguous: boolean };

type AliasInfo = { entityId: string; ambiguous: boolean };

/** A compiled name index: one RegExp for every alias, and the alias → entity table. */
export type Matcher = {
  scan(text: string): Candidate[];
  categoryOf(entityId: string): Category | undefined;
  nameOf(entityId: string): string | undefined;
};

// Letters, marks and digits of any script make a word; a name must not touch one.
const WORD = '[\\p{L}\\p{M}\\p{N}]';
const PLURAL_OK = /[\p{Lu}\p{N}]$/u;

/** Compiles the name index once; `scan` is then a single pass of one RegExp. */
export function compileMatcher(index: NameIndex): Matcher {
  const aliases = new Map<string, AliasInfo>();
  const categories = new Map<string, Category>();
  const names = new Map<string, string>();
  for (const e of index) {
    categories.set(e.id, e.category);
    names.set(e.id, e.name);
    for (const a of e.aliases) aliases.set(a, { entityId: e.id, ambiguous: false });
    for (const a of e.ambiguous) if (!aliases.has(a)) aliases.set(a, { entityId: e.id, ambiguous: true });
  }
  // Group 1: the alias; group 2: a plural "s" ("H100s", "GPUs"), kept only after a capital or digit.
  const re = new RegExp(`(?<!${WORD})(${aliasPattern(aliases.keys())})(s?)(?!${WORD})`, 'gu');

  return {
    scan(text) {
      const out: Candidate[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const alias = m[1] as string;
        const plural = m[2] === 's';
        if (plural && !PLURAL_OK.test(alias)) continue;
        const info = aliases.get(alias) as AliasInfo;
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          entityId: info.entityId,
          alias,
          ambiguous: info.ambiguous,
        });
      }
      return out;
    },
    categoryOf: (id) => categories.get(id),
    nameOf: (id) => names.get(id),
  };
}
