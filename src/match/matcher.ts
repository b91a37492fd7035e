import type { NameIndex } from '../knowledge/name-index';
import type { Category } from '../knowledge/schema';

/** One name found in a text: `[start, end)` code-unit offsets, the entity and the alias that matched. */
export type Mention = { start: number; end: number; entityId: string; alias: string };

/**
 * A mention before relevance is decided; `ambiguous` aliases need evidence from the page.
 * `cue` (another name or a topic word in the sentence) and `initialWord` (an ordinary word
 * opening a sentence) are filled in by `scanBlock`.
 */
export type Candidate = Mention & { ambiguous: boolean; cue: boolean; initialWord: boolean };

type AliasInfo = { entityId: string; ambiguous: boolean };

/** A compiled name index: the alias → entity table and a scanner for names in a text. */
export type Matcher = {
  scan(text: string): Candidate[];
  categoryOf(entityId: string): Category | undefined;
  nameOf(entityId: string): string | undefined;
};

// Letters, marks and digits of any script make a word; a name must not touch one,
// nor run into a decimal ("GPT-4" is not in "GPT-4.5").
const WORD = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{N}/u;
const PLURAL_OK = /[\p{Lu}\p{N}]$/u;

const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The code point that ends just before `i`, as a string (surrogate pairs kept whole). */
const charBefore = (text: string, i: number): string => {
  const low = text.charCodeAt(i - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return String.fromCodePoint(text.codePointAt(from) as number);
};

/** True when a word ends right before `i` (so no name can start there). */
const wordBefore = (text: string, i: number): boolean => {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  return c < 128 ? isAsciiWord(c) : WORD.test(charBefore(text, i));
};

const isWordAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 ? isAsciiWord(c) : WORD.test(String.fromCodePoint(text.codePointAt(i) as number));
};

/** True when a name may end at `i`: no letter or digit next, no decimal ("4" of "4.5"). */
const endsAt = (text: string, i: number): boolean => {
  if (i >= text.length) return true;
  if (isWordAt(text, i)) return false;
  const c = text.charCodeAt(i);
  if ((c === 46 || c === 44) && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    return !(d < 128 ? d >= 48 && d <= 57 : DIGIT.test(String.fromCodePoint(text.codePointAt(i + 1) as number)));
  }
  return true;
};

/** Key of the table of aliases: the first two code units (a one-unit alias keys on its only one). */
const keyAt = (text: string, i: number): number =>
  text.charCodeAt(i) * 0x10000 + (i + 1 < text.length ? text.charCodeAt(i + 1) : 0xffff);

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/**
 * Compiles the name index once. `scan` is one pass of a small RegExp that stops where a word
 * starts with the first character of some alias; the aliases that share the next two characters
 * are then tried longest first. (One RegExp of all 700-odd aliases was as fast once compiled, but
 * compiling it cost V8 about 5 ms on every page: a third of the article's budget.)
 */
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
  /** Aliases by their first two code units, longest first. */
  const table = new Map<number, string[]>();
  /** One-unit aliases ("X"), by their code unit. */
  const short = new Map<number, string>();
  const firsts = new Set<number>();
  for (const a of aliases.keys()) {
    if (a.length === 0) continue;
    firsts.add(a.charCodeAt(0));
    if (a.length === 1) {
      short.set(a.charCodeAt(0), a);
      continue;
    }
    const key = keyAt(a, 0);
    const list = table.get(key);
    if (list) list.push(a);
    else table.set(key, [a]);
  }
  for (const list of table.values()) list.sort((x, y) => y.length - x.length);
  // Where a name may start: one of the aliases' first characters, not after an ASCII letter or
  // digit (other scripts' letters are checked after, by wordBefore).
  const starts = new RegExp(`(?<![A-Za-z0-9])[${[...firsts].map(hex).join('')}]`, 'g');

  /**
   * The longest name at `i` that ends at a word boundary, with a plural "s" if one follows
   * ("H100s"); `null` if none. `i` must not follow a word character.
   */
  const matchAt = (text: string, i: number): { alias: string; end: number; plural: boolean } | null => {
    const list = table.get(keyAt(text, i));
    if (list) {
      for (const alias of list) {
        if (!text.startsWith(alias, i)) continue;
        const end = i + alias.length;
        if (text.charCodeAt(end) === 115 && endsAt(text, end + 1)) return { alias, end: end + 1, plural: true };
        if (endsAt(text, end)) return { alias, end, plural: false };
      }
    }
    const one = short.get(text.charCodeAt(i));
    if (one !== undefined) {
      if (text.charCodeAt(i + 1) === 115 && endsAt(text, i + 2)) return { alias: one, end: i + 2, plural: true };
      if (endsAt(text, i + 1)) return { alias: one, end: i + 1, plural: false };
    }
    return null;
  };

  /**
   * Leftmost-longest would take "The Information" in "The Information Commissioner's Office";
   * a longer name that starts inside a multi-word match and reaches further wins instead
   * (but "Nvidia H100 GPUs" stays "Nvidia H100", the longer of the two).
   */
  const longerInside = (text: string, at: number, m: { alias: string; end: number }) => {
    const { alias, end } = m;
    for (let i = alias.indexOf(' '); i !== -1; i = alias.indexOf(' ', i + 1)) {
      const from = at + i + 1;
      const inner = matchAt(text, from);
      if (inner && inner.end > end && inner.end - from > end - at) return { from, inner };
    }
    return null;
  };

  return {
    scan(text) {
      const out: Candidate[] = [];
      starts.lastIndex = 0;
      while (starts.test(text)) {
        let at = starts.lastIndex - 1;
        if (at > 0 && text.charCodeAt(at - 1) >= 128 && wordBefore(text, at)) continue;
        let m = matchAt(text, at);
        if (!m) continue;
        if (m.alias.includes(' ')) {
          const longer = longerInside(text, at, m);
          if (longer) {
            at = longer.from;
            m = longer.inner;
          }
        }
        if (m.plural && !PLURAL_OK.test(m.alias)) {
          // "Amazons" is not a plural name: nothing starts here.
          starts.lastIndex = at + 1;
          continue;
        }
        starts.lastIndex = m.end;
        const info = aliases.get(m.alias) as AliasInfo;
        out.push({
          start: at,
          end: m.end,
          entityId: info.entityId,
          alias: m.alias,
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
