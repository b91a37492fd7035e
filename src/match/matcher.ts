import type { NameIndex } from '../knowledge/name-index';
import type { Category } from '../knowledge/schema';
import { aliasPattern } from './pattern';

/** One name found in a text: `[start, end)` code-unit offsets, the entity and the alias that matched. */
export type Mention = { start: number; end: number; entityId: string; alias: string };

/**
 * A mention before relevance is decided; `ambiguous` aliases need evidence from the page.
 * `cue` (another name or a topic word in the sentence) and `initialWord` (an ordinary word
 * opening a sentence) are filled in by `scanBlock`.
 */
export type Candidate = Mention & { ambiguous: boolean; cue: boolean; initialWord: boolean };

type AliasInfo = { entityId: string; ambiguous: boolean };

/** A compiled name index: one RegExp for every alias, and the alias → entity table. */
export type Matcher = {
  scan(text: string): Candidate[];
  categoryOf(entityId: string): Category | undefined;
  nameOf(entityId: string): string | undefined;
};

// Letters, marks and digits of any script make a word; a name must not touch one,
// nor run into a decimal ("GPT-4" is not in "GPT-4.5").
const WORD = '[\\p{L}\\p{M}\\p{N}]';
const AFTER = `(?!${WORD}|[.,]\\p{N})`;
const PLURAL_OK = /[\p{Lu}\p{N}]$/u;

/**
 * Compiles the name index once; `scan` is then a single pass of one RegExp. The alias pattern
 * may come precompiled from the build (`aliasPattern` of every alias), saving work on each page.
 */
export function compileMatcher(index: NameIndex, pattern?: string): Matcher {
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
  const MAX_ALIAS = Math.max(0, ...[...aliases.keys()].map((a) => a.length));
  const source = `(?<!${WORD})(${pattern ?? aliasPattern(aliases.keys())})(s?)${AFTER}`;
  const re = new RegExp(source, 'gu');

  /**
   * Leftmost-longest would take "The Information" in "The Information Commissioner's Office";
   * a longer name that starts inside a multi-word match and reaches further wins instead
   * (but "Nvidia H100 GPUs" stays "Nvidia H100", the longer of the two).
   */
  const longerInside = (text: string, m: RegExpExecArray): RegExpExecArray | null => {
    const alias = m[1] as string;
    const end = m.index + m[0].length;
    const resume = re.lastIndex;
    let found: RegExpExecArray | null = null;
    // The same RegExp on a window of the text (no second pattern to compile): a match at the
    // window's start is a name starting right after the space. The window ends past any alias,
    // or at the text's end, so its end never fakes a word boundary.
    for (let i = alias.indexOf(' '); i !== -1 && !found; i = alias.indexOf(' ', i + 1)) {
      const from = m.index + i + 1;
      const window = text.slice(from, from + MAX_ALIAS + 2);
      re.lastIndex = 0;
      const inner = re.exec(window);
      if (inner && inner.index === 0 && from + inner[0].length > end && inner[0].length > m[0].length) {
        inner.index = from;
        found = inner;
      }
    }
    re.lastIndex = resume;
    return found;
  };

  return {
    scan(text) {
      const out: Candidate[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if ((m[1] as string).includes(' ')) {
          const inner = longerInside(text, m);
          if (inner) {
            m = inner;
            re.lastIndex = inner.index + inner[0].length;
          }
        }
        const alias = m[1] as string;
        const plural = m[2] === 's';
        if (plural && !PLURAL_OK.test(alias)) {
          // "Amazons" is not a plural name; a shorter name may still start here.
          re.lastIndex = m.index + 1;
          continue;
        }
        const info = aliases.get(alias) as AliasInfo;
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          entityId: info.entityId,
          alias,
          ambiguous: info.ambiguous,
          cue: !info.ambiguous,
          initialWord: false,
        });
      }
      return out;
    },
    categoryOf: (id) => categories.get(id),
    nameOf: (id) => names.get(id),
  };
}
