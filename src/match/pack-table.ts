import type { Category } from '../knowledge/categories';
import type { EntityName } from '../knowledge/name-index';
import { germanGenitiveAt, isCapitalOrDigitCode, isDigitCode, isUnspacedScript, isWordCode } from './chars';

/**
 * The names of the reader's knowledge packs in the compact form built once, when a pack is
 * imported (in the options page), and handed to pages ready to use: one string of lines sorted
 * by alias, and where each two-letter prefix's lines start and end. A page finds a name by a
 * binary search inside one prefix's lines, reading the string where it stands: nothing is parsed
 * or built per page, so a page's work does not grow with the number of names.
 *
 * A line is `alias \u0001 entity number (base 36) \u0001 1 if ambiguous`; each entity's id, name
 * and category are written once, in `entities` (`id \u0001 name \u0001 category`), so a
 * 100,000-alias table fits Chrome's storage with the packs themselves.
 */
export type PackNames = {
  v: 2;
  lines: string;
  /** `id \u0001 name \u0001 category` of every entity the lines name, by number. */
  entities: string[];
  /** Two-code-unit prefix → [first line's offset, offset after its last line's newline]. */
  index: Record<string, [number, number]>;
  /** Every alias's first code unit, once. */
  firsts: string;
  /** How many aliases (lines) the table holds. */
  count: number;
};

/** The separator inside a line; aliases, names and ids never hold it (packs are checked for control characters). */
const SEP = '\u0001';

/** One alias of a pack entity, for {@link buildPackNames}. */
export type PackAlias = { alias: string; id: string; name: string; category: Category; ambiguous: boolean };

/**
 * Builds the compact table (in the options page, at import). Aliases shorter than three code
 * units are left out: packs refuse them, and the index is keyed by the first two. The first
 * entity to list an alias keeps it; a plain alias wins over the same alias marked ambiguous.
 */
export function buildPackNames(aliases: readonly PackAlias[]): PackNames {
  const best = new Map<string, PackAlias>();
  for (const a of aliases) {
    if (a.alias.length < 3) continue;
    const had = best.get(a.alias);
    if (!had || (had.ambiguous && !a.ambiguous)) best.set(a.alias, a);
  }
  const sorted = [...best.values()].sort((x, y) => (x.alias < y.alias ? -1 : x.alias > y.alias ? 1 : 0));
  const index: Record<string, [number, number]> = {};
  const firsts = new Set<string>();
  const numbers = new Map<string, number>();
  const entities: string[] = [];
  let lines = '';
  for (const a of sorted) {
    const key = a.alias.slice(0, 2);
    const at = lines.length;
    let n = numbers.get(a.id);
    if (n === undefined) {
      n = entities.length;
      numbers.set(a.id, n);
      entities.push(`${a.id}${SEP}${a.name}${SEP}${a.category}`);
    }
    lines += `${a.alias}${SEP}${n.toString(36)}${SEP}${a.ambiguous ? 1 : 0}\n`;
    const range = index[key];
    if (range) range[1] = lines.length;
    else index[key] = [at, lines.length];
    firsts.add(a.alias[0] as string);
  }
  return { v: 2, lines, entities, index, firsts: [...firsts].sort().join(''), count: sorted.length };
}

/** A name found by {@link createPackLookup}: where it ends, and its line's fields. */
export type PackHit = { end: number; alias: string; entity: EntityName; ambiguous: boolean };

/** True when a name may end at `i`: no letter or digit next, no decimal ("4" of "4.5"). */
const endsAt = (text: string, i: number): boolean => {
  if (i >= text.length) return true;
  if (isWordCode(text.codePointAt(i) as number)) return false;
  const c = text.charCodeAt(i);
  if ((c === 46 || c === 44) && i + 1 < text.length) return !isDigitCode(text.codePointAt(i + 1) as number);
  return true;
};

/**
 * Finds pack names in a text, reading the table where it stands. Entities are made only for
 * names a page actually contains.
 */
export function createPackLookup(table: PackNames) {
  const { lines, index } = table;
  const entities = new Map<string, EntityName>();

  /** Where the line holding offset `at` starts, not before `from`. */
  const lineStart = (at: number, from: number) => Math.max(from, lines.lastIndexOf('\n', at - 1) + 1);

  /**
   * Compares the alias of the line at `at` with the text from `i`, over at most `limit` units of
   * the text: negative when the alias sorts first, 0 when it is a prefix of those units, positive
   * when it sorts after. `common` gets how many units agree.
   */
  let common = 0;
  const compare = (at: number, text: string, i: number, limit: number): number => {
    let k = 0;
    for (;;) {
      const a = lines.charCodeAt(at + k);
      if (a === 1) {
        common = k;
        return 0;
      }
      if (k === limit) {
        common = k;
        return 1;
      }
      const b = text.charCodeAt(i + k);
      if (a !== b) {
        common = k;
        return a - b;
      }
      k++;
    }
  };

  /** The offset of the last line in [from, to) whose alias sorts at or before the text's first `limit` units; -1 if none. */
  const lastAtOrBefore = (from: number, to: number, text: string, i: number, limit: number): number => {
    let lo = from;
    let hi = to;
    let found = -1;
    while (lo < hi) {
      const mid = lineStart((lo + hi) >> 1, lo);
      if (compare(mid, text, i, limit) <= 0) {
        found = mid;
        lo = lines.indexOf('\n', mid) + 1;
      } else hi = mid;
    }
    return found;
  };

  const hitAt = (at: number, end: number, aliasLength: number): PackHit => {
    const stop = lines.indexOf('\n', at);
    const parts = lines.slice(at, stop).split(SEP);
    const n = parts[1] as string;
    let entity = entities.get(n);
    if (!entity) {
      const [id = '', name = '', category = 'company'] = (table.entities[Number.parseInt(n, 36)] ?? '').split(SEP);
      entity = { id, name, category: category as Category };
      entities.set(n, entity);
    }
    return { end, alias: (parts[0] as string).slice(0, aliasLength), entity, ambiguous: parts[2] === '1' };
  };

  return {
    /** Every alias's first code unit: where a name may start. */
    firsts: table.firsts,
    /**
     * The longest pack name at `i` (a word start) that ends at a word boundary, with a plural "s"
     * after a capital or digit ("GPUs") or a German genitive's "s" left out ("Acmes Chips"); null
     * if none.
     */
    at(text: string, i: number): PackHit | null {
      const range = index[text.slice(i, i + 2)];
      if (!range) return null;
      let limit = Math.min(200, text.length - i);
      // The greatest alias at or before the text is the longest one that is a prefix of it, if any
      // is; otherwise the longest prefix alias is within what they have in common, so look again there.
      while (limit >= 2) {
        const at = lastAtOrBefore(range[0], range[1], text, i, limit);
        if (at === -1) return null;
        const sign = compare(at, text, i, limit);
        const length = common;
        if (sign === 0) {
          const end = i + length;
          if (text.charCodeAt(end) === 115 && isCapitalOrDigitCode(text.charCodeAt(end - 1)) && endsAt(text, end + 1)) {
            return hitAt(at, end + 1, length);
          }
          // A name in a script written without spaces ends where it ends ("宇树G1"), as in matcher.ts.
          if (endsAt(text, end) || germanGenitiveAt(text, end) || isUnspacedScript(text.charCodeAt(end - 1))) {
            return hitAt(at, end, length);
          }
          limit = length - 1;
        } else limit = Math.min(limit - 1, length);
      }
      return null;
    },
    entity: (id: string): EntityName | undefined => entities.get(id),
  };
}

/** A pack lookup's interface. */
export type PackLookup = ReturnType<typeof createPackLookup>;
