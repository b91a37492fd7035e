import type { Category } from '../knowledge/categories';
import type { EntityName, NameIndex } from '../knowledge/name-index';
import {
  asciiWord,
  codePointBefore,
  germanGenitiveAt,
  isCapitalOrDigitCode,
  isDigitCode,
  isUnspacedScript,
  isWordCode,
} from './chars.ts';
import type { PackLookup } from './pack-table.ts';

/** One name found in a text: `[start, end)` code-unit offsets, the entity and the alias that matched. */
export type Mention = { start: number; end: number; entityId: string; alias: string };

/**
 * A mention before relevance is decided, with its entity's category; `ambiguous` aliases need
 * evidence from the page. `cue` (another name or a topic word in the sentence) and
 * `initialWord` (an ordinary word opening a sentence) are filled in by `scanBlock`.
 */
export type Candidate = Mention & {
  category: Category;
  ambiguous: boolean;
  cue: boolean;
  initialWord: boolean;
  /** An ordinary word opening a sentence before a comma ("Together, they…"): an adverb, not a name. */
  opener?: boolean;
  /** A generation of a versioned family the knowledge has no entity for, as the page wrote it ("Gaudi 4"). */
  generation?: string;
};

/** A compiled name index: the alias table and a scanner for names in a text. */
export type Matcher = {
  scan(text: string): Candidate[];
  /**
   * Names in a block written all in capitals, where case says nothing ("ANTHROPIC TRAINS ON
   * TRAINIUM"): one-word names of four letters or more. (Names with a capital inside written with
   * one, "Deepmind" or "Openai", are in the table itself: see name-index.ts.)
   */
  scanCase(text: string, found: readonly Candidate[]): Candidate[];
  /** An entity's name and category, by id. */
  entity(entityId: string): EntityName | undefined;
};

/**
 * One alias in a {@link NameTable}: the alias, its entity (index in the name index), 1 if
 * ambiguous, and the aliases that extend it ("Amazon" → "Amazon Web Services"), if any.
 */
export type TableEntry = [alias: string, entity: number, ambiguous: 0 | 1, longer?: TableEntry[]];

/**
 * Aliases by their first code unit, then their second (0 for a one-unit alias). Each list holds
 * the aliases no other alias of the list is a prefix of; the rest hang under their longest
 * prefix. The aliases found at one position extend one another, so at most one per list matches:
 * a name is found by going down one path, not by trying every alias that shares two letters.
 * Plain JSON: the build makes the bundled one, so pages only parse it.
 */
export type NameTable = Record<number, Record<number, TableEntry[]>>;

/**
 * The generated module the content script imports: each bundled entity's category. The alias
 * table the matcher looks names up in is built at build time too, but the worker keeps it and
 * hands it to pages as lines (see {@link tableToLines}), about a third smaller than its JSON.
 */
export type CompiledNames = {
  /** One category letter per bundled entity, in knowledge order (see src/knowledge/keys.ts). */
  categories: string;
};

/**
 * A table as text, for the content script: one line per alias, `alias TAB entity (base 36)` and
 * `~` when ambiguous. An alias that extends another is indented by one tab per level and written
 * as what it adds ("Amazon" then "\t Web Services"): aliases hold no tabs, so the indent is never
 * confused with an added part that starts with a space. Lines come in table order, each extension
 * right after the alias it hangs under.
 */
export function tableToLines(table: NameTable): string {
  const lines: string[] = [];
  const walk = (list: readonly TableEntry[], depth: number, under: string) => {
    for (const e of list) {
      const ambiguous = e[2] === 1 ? '~' : '';
      lines.push(`${'\t'.repeat(depth)}${e[0].slice(under.length)}\t${e[1].toString(36)}${ambiguous}`);
      if (e[3]) walk(e[3], depth + 1, e[0]);
    }
  };
  for (const second of Object.values(table)) for (const list of Object.values(second)) walk(list, 0, '');
  return lines.join('\n');
}

/** The table back from its lines (once per page: a few thousand lines, well under a millisecond). */
export function tableFromLines(text: string): NameTable {
  const table: NameTable = {};
  /** The entry last seen at each depth: extensions hang under the one a level up. */
  const stack: TableEntry[] = [];
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    let depth = 0;
    while (text.charCodeAt(from + depth) === 9) depth++;
    const tab = text.indexOf('\t', from + depth);
    const added = text.slice(from + depth, tab);
    const alias = depth === 0 ? added : (stack[depth - 1] as TableEntry)[0] + added;
    const ambiguous = text.charCodeAt(to - 1) === 126;
    const entry: TableEntry = [
      alias,
      Number.parseInt(text.slice(tab + 1, ambiguous ? to - 1 : to), 36),
      ambiguous ? 1 : 0,
    ];
    if (depth === 0) {
      const c0 = alias.charCodeAt(0);
      const c1 = alias.length > 1 ? alias.charCodeAt(1) : 0;
      table[c0] ??= {};
      const second = table[c0] as Record<number, TableEntry[]>;
      second[c1] ??= [];
      (second[c1] as TableEntry[]).push(entry);
    } else {
      const parent = stack[depth - 1] as TableEntry;
      parent[3] ??= [];
      parent[3].push(entry);
    }
    stack[depth] = entry;
    from = to + 1;
  }
  return table;
}

/** Puts `entry` in `list`, under the alias that is its longest prefix; an alias met again is kept as it was. */
function insert(list: TableEntry[], entry: TableEntry): void {
  const alias = entry[0];
  for (const e of list) {
    if (e[0] === alias) return;
    if (alias.startsWith(e[0])) {
      e[3] ??= [];
      insert(e[3], entry);
      return;
    }
  }
  // Aliases that extend the new one move under it.
  const longer = list.filter((e) => e[0].startsWith(alias));
  if (longer.length > 0) {
    entry[3] = longer;
    for (const e of longer) list.splice(list.indexOf(e), 1);
  }
  list.push(entry);
}

/**
 * Adds the aliases of `entries` (entity indices counted from `offset`) to a table. An alias
 * already in it keeps its entity: the first entity that lists a name wins, and a plain alias
 * wins over the same alias marked ambiguous.
 */
export function extendTable(table: NameTable, entries: NameIndex, offset = 0): NameTable {
  entries.forEach((e, i) => {
    for (const a of e.aliases) add(table, a, offset + i, 0);
  });
  entries.forEach((e, i) => {
    for (const a of e.ambiguous) add(table, a, offset + i, 1);
  });
  return table;
}

function add(table: NameTable, alias: string, entity: number, ambiguous: 0 | 1): void {
  if (alias.length === 0) return;
  const c0 = alias.charCodeAt(0);
  const c1 = alias.length > 1 ? alias.charCodeAt(1) : 0;
  table[c0] ??= {};
  const second = table[c0] as Record<number, TableEntry[]>;
  second[c1] ??= [];
  insert(second[c1] as TableEntry[], [alias, entity, ambiguous]);
}

/**
 * Adds every alias of `more` to `table`, as {@link extendTable} would have: a page joins the names
 * the worker sends (those written in Chinese, Japanese or Korean) to the bundled ones. The two
 * share first letters ("SK" and "SK하이닉스"), so aliases go in one by one, not list by list.
 */
export function joinTable(table: NameTable, more: NameTable): NameTable {
  const walk = (list: readonly TableEntry[]) => {
    for (const e of list) {
      add(table, e[0], e[1], e[2]);
      if (e[3]) walk(e[3]);
    }
  };
  for (const second of Object.values(more)) for (const list of Object.values(second)) walk(list);
  return table;
}

// Letters, marks and digits of any script make a word; a name must not touch one,
// nor run into a decimal ("GPT-4" is not in "GPT-4.5").

/** True when a word ends right before `i` (so no name can start there). */
const wordBefore = (text: string, i: number): boolean => i > 0 && isWordCode(codePointBefore(text, i));

const isWordAt = (text: string, i: number): boolean => isWordCode(text.codePointAt(i) as number);

/** True when a name may end at `i`: no letter or digit next, no decimal ("4" of "4.5"). */
const endsAt = (text: string, i: number): boolean => {
  if (i >= text.length) return true;
  if (isWordAt(text, i)) return false;
  const c = text.charCodeAt(i);
  if ((c === 46 || c === 44) && i + 1 < text.length) return !isDigitCode(text.codePointAt(i + 1) as number);
  return true;
};

/** A plural "s" makes sense after a capital or a digit ("GPUs", "H100s"), not after a word ("Amazons"). */
const pluralOk = (alias: string): boolean => isCapitalOrDigitCode(codePointBefore(alias, alias.length));

/**
 * Where the last name found by {@link longestAt} ends, plural "s" included. A module variable
 * rather than a result object: a big page finds tens of thousands of names, and the scan loop
 * reads it right after the call.
 */
let foundEnd = 0;

/**
 * Entities (by index) that are versioned families, for the scan under way: their name may run
 * straight into a generation number ("Trainium5"). Set by each matcher's `scan`.
 */
let versioned: Uint8Array | null = null;

/**
 * Where a generation number after a versioned family's name ends ("Gaudi 4", "TPU v8",
 * "Trainium5", "Llama-5", "Qwen 3.5"), or -1: one to three digits (not a year), an optional
 * decimal, a letter or two ("v5p"), then a word boundary.
 */
function versionAfter(text: string, at: number): number {
  let i = at;
  const c = text.charCodeAt(i);
  if (c === 32 || c === 45) i++;
  if (text.charCodeAt(i) === 118 || text.charCodeAt(i) === 86) i++;
  const digits = i;
  while (i < text.length && i - digits < 4 && isAsciiDigit(text.charCodeAt(i))) i++;
  const n = i - digits;
  if (n === 0 || n > 3) return -1;
  if (text.charCodeAt(i) === 46 && isAsciiDigit(text.charCodeAt(i + 1))) {
    i += 2;
    if (isAsciiDigit(text.charCodeAt(i))) i++;
  }
  for (let k = 0; k < 2 && isLowerAscii(text.charCodeAt(i)); k++) i++;
  return endsAt(text, i) ? i : -1;
}

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
const isLowerAscii = (c: number) => c >= 97 && c <= 122;

/** A small letter, then a capital that starts a word another word follows: where a glued name may start. */
const GLUED = /[a-z][A-Z](?=[a-z]+[ -])/g;

/**
 * True when `alias` stands in `text` at `i`, its first `from` code units known to match. A loop,
 * not `startsWith`: it skips the units known already, and the builtin's call costs more than
 * comparing the few left; a big page tries tens of thousands.
 */
function startsAt(text: string, i: number, alias: string, from: number): boolean {
  const n = alias.length;
  if (i + n > text.length) return false;
  for (let k = from; k < n; k++) if (!sameUnit(text.charCodeAt(i + k), alias.charCodeAt(k))) return false;
  return true;
}

/** A unit of the text against one of an alias: a space in an alias also takes a hyphen ("Claude-Opus-4.6"). */
const sameUnit = (t: number, a: number): boolean => t === a || (a === 32 && t === 45);

/**
 * The longest alias in `list` (or under it) at `i` that ends at a word boundary, plural "s" or
 * not (its end in {@link foundEnd}). Every alias of `list` is known to match the text's first
 * `from` units: the table's two, or under an alias all of that alias ("Nvidia H100" under
 * "Nvidia" is compared from its seventh). At most one alias of a list matches at `i`: the ones
 * that extend it are tried first.
 */
function longestAt(text: string, i: number, list: TableEntry[] | undefined, from = 2): TableEntry | null {
  if (!list) return null;
  // Most aliases tried differ from the text at the first unit not known yet: tested here, inline.
  const next = text.charCodeAt(i + from);
  // An index loop: this runs before V8 optimises it, where `for…of` pays for an iterator.
  for (let k = 0; k < list.length; k++) {
    const entry = list[k] as TableEntry;
    const alias = entry[0];
    if (alias.length > from && !sameUnit(next, alias.charCodeAt(from))) continue;
    if (!startsAt(text, i, alias, from + 1)) continue;
    const longer = entry[3] && longestAt(text, i, entry[3], alias.length);
    if (longer) return longer;
    const end = i + alias.length;
    if (text.charCodeAt(end) === 115 && endsAt(text, end + 1)) {
      // "Amazons" is not a plural name, and "Trainium3 chips" is "Trainium3" (the alias it extends);
      // "Nvidias Chips" is German for Nvidia's chips: the name alone is lit.
      if (pluralOk(alias)) foundEnd = end + 1;
      else if (germanGenitiveAt(text, end)) foundEnd = end;
      else return null;
      return entry;
    }
    // A name in a script written without spaces ends where it ends, even before Latin letters
    // ("宇树G1" is Unitree's G1); a versioned family's name may run into its generation number
    // ("Trainium5"): scan checks it.
    if (!endsAt(text, end) && !isUnspacedScript(alias.charCodeAt(alias.length - 1))) {
      if (versioned === null || versioned[entry[1]] !== 1 || !isAsciiDigit(text.charCodeAt(end))) return null;
    }
    foundEnd = end;
    return entry;
  }
  return null;
}

/** Lists longer than this are looked up by their aliases' next unit too. */
const SPLIT_OVER = 6;

/**
 * A long list split by its aliases' unit at `at`, or null if one alias ends before it (it would
 * be a prefix of the others, and then it stands alone in its list). A list found by its first two
 * units ("Co", forty aliases) is split by the third ("Com", ten), and on while a part is long
 * ("Comp", three): a big page stops at "Co" and "AI " thousands of times.
 */
function splitAt(list: readonly TableEntry[], at: number): Record<number, TableEntry[]> | null {
  for (let k = 0; k < list.length; k++) if ((list[k] as TableEntry)[0].length <= at) return null;
  const parts: Record<number, TableEntry[]> = {};
  for (let k = 0; k < list.length; k++) {
    const e = list[k] as TableEntry;
    const c = e[0].charCodeAt(at);
    const part = parts[c];
    if (part) part.push(e);
    else parts[c] = [e];
  }
  return parts;
}

/** `c` as it stands in a RegExp character class. */
const inClass = (c: number) => {
  const ch = String.fromCharCode(c);
  return ch === '\\' || ch === ']' || ch === '^' || ch === '-' ? `\\${ch}` : ch;
};

/**
 * The RegExps that stop where a name may start: one of the aliases' first characters, not after
 * an ASCII letter or digit (other scripts' letters are checked after, by wordBefore). When every
 * first character is an ASCII letter or digit, `\b` says the same for any text without "_" (the
 * one other character `\b` counts as a word's), and V8 runs it about twice as fast as the
 * lookbehind; `exact` serves texts with "_" and tables with other first characters.
 */
function startPatterns(table: NameTable, more = ''): { fast: RegExp; exact: RegExp; others: RegExp | null } {
  const firsts = [...new Set([...Object.keys(table).map(Number), ...[...more].map((c) => c.charCodeAt(0))])];
  const chars = firsts.map(inClass).join('');
  const exact = new RegExp(`(?<![A-Za-z0-9])[${chars}]`, 'g');
  const ascii = firsts.filter(asciiWord);
  // Names in other scripts (英伟达, 엔비디아) are rare on a page: `others` says whether a text has
  // any of their first characters, and only such a text needs the slower `exact`.
  const rest = firsts.filter((c) => !asciiWord(c));
  const others = rest.length > 0 ? new RegExp(`[${rest.map(inClass).join('')}]`) : null;
  return { fast: new RegExp(`\\b[${ascii.map(inClass).join('')}]`, 'g'), exact, others };
}

/**
 * Compiles the name index once (the bundled index comes with its table built). `scan` is one
 * pass of a small RegExp that stops where a word starts with the first character of some alias;
 * the aliases that share the next character are then tried longest first. (One RegExp of all
 * 700-odd aliases was as fast once compiled, but compiling it cost V8 about 5 ms on every page:
 * a third of the article's budget.)
 */
export function compileMatcher(index: NameIndex): Matcher;
/**
 * A matcher for names whose table is built already (`extendTable` of the same names, in order),
 * and the reader's packs in their compact form, if any.
 */
export function compileMatcher(index: readonly EntityName[], table: NameTable, pack?: PackLookup | null): Matcher;
export function compileMatcher(index: readonly EntityName[], prebuilt?: NameTable, pack?: PackLookup | null): Matcher {
  const table = prebuilt ?? extendTable({}, index as NameIndex);
  let byId: Map<string, EntityName> | null = null;
  const entity = (id: string) => {
    byId ??= new Map(index.map((e) => [e.id, e]));
    return byId.get(id) ?? pack?.entity(id);
  };
  const { fast, exact, others } = startPatterns(table, pack?.firsts);
  let folds: Folds | null = null;
  let families: Uint8Array | null = null;
  for (let i = 0; i < index.length; i++) {
    if (!(index[i] as EntityName).versioned) continue;
    families ??= new Uint8Array(index.length);
    families[i] = 1;
  }

  /** The long lists met so far, split (see splitAt): made as a page meets them, most never are. */
  const splits = new Map<TableEntry[], Record<number, TableEntry[]> | null>();
  /**
   * The longest name at `i` that ends at a word boundary, with a plural "s" if one follows
   * ("H100s"; its end in {@link foundEnd}); `null` if none. `i` must not follow a word character.
   */
  const matchAt = (text: string, i: number): TableEntry | null => {
    const second = table[text.charCodeAt(i)];
    if (!second) return null;
    const next = text.charCodeAt(i + 1);
    let list = second[next];
    let from = 2;
    while (list !== undefined && list.length > SPLIT_OVER) {
      let parts = splits.get(list);
      if (parts === undefined) {
        parts = splitAt(list, from);
        splits.set(list, parts);
      }
      if (parts === null) break;
      const c = text.charCodeAt(i + from);
      list = parts[c] ?? (c === 45 ? parts[32] : undefined);
      from++;
    }
    // Two-unit prefixes first: a one-unit alias is shorter than any of them.
    return longestAt(text, i, list, from) ?? (next === 0 ? null : longestAt(text, i, second[0]));
  };

  /**
   * Leftmost-longest would take "The Information" in "The Information Commissioner's Office";
   * a longer name that starts inside a multi-word match and reaches further wins instead
   * (but "Nvidia H100 GPUs" stays "Nvidia H100", the longer of the two). Answers where that
   * name starts, or -1; its entry is left in `inner`, its end in {@link foundEnd}.
   */
  let inner: TableEntry | null = null;
  const longerInside = (text: string, at: number, alias: string, end: number): number => {
    for (let i = alias.indexOf(' '); i !== -1; i = alias.indexOf(' ', i + 1)) {
      const from = at + i + 1;
      inner = matchAt(text, from);
      if (inner && foundEnd > end && foundEnd - from > end - at) return from;
    }
    foundEnd = end;
    return -1;
  };

  /**
   * The generation whose name `text` writes from `at` up to a point release's decimal ("GLM-5" in
   * "GLM-5.2", which ends at `end`), or null: when the number has no decimal, when the knowledge
   * has no such generation, or when it gives that generation's point releases cards of their own
   * ("Claude Opus 4.5" under "Claude Opus 4"), so that one it lacks ("Opus 4.9") is no more the
   * generation's than the next one's: the family's card names it. Only reached for a versioned
   * family's name followed by a number: rare.
   */
  const pointReleaseOf = (text: string, at: number, end: number): TableEntry | null => {
    const dot = text.lastIndexOf('.', end - 2);
    if (dot <= at || !isAsciiDigit(text.charCodeAt(dot - 1))) return null;
    const head = text.slice(at, dot);
    const found = matchAt(head, 0);
    if (found === null || foundEnd !== head.length) return null;
    const n = head.length;
    const releases = found[3]?.some((e) => e[0].charCodeAt(n) === 46 && isAsciiDigit(e[0].charCodeAt(n + 1)));
    return releases ? null : found;
  };

  /**
   * Adds to `out` (in text order) the names of several words that a page glued to the word before
   * them, where its markup lost a space ("Information TechnologyAshwini Vaishnaw",
   * "Tesla'sOptimus robots"): a capital right after a small letter, not inside a name found
   * already. One word is not enough ("iPhone", "OpenAI" and "YouTube" have such capitals), and
   * neither is an ambiguous name.
   */
  const glued = (text: string, out: Candidate[]): Candidate[] => {
    GLUED.lastIndex = 0;
    for (let m = GLUED.exec(text); m; m = GLUED.exec(text)) {
      const at = m.index + 1;
      const entry = matchAt(text, at);
      if (entry === null || entry[2] === 1 || !entry[0].includes(' ')) continue;
      const end = foundEnd;
      let k = out.length;
      while (k > 0 && (out[k - 1] as Candidate).start > at) k--;
      const before = out[k - 1];
      const after = out[k];
      if ((before && before.end > at) || (after && after.start < end)) continue;
      const named = index[entry[1]] as EntityName;
      out.splice(k, 0, {
        start: at,
        end,
        entityId: named.id,
        category: named.category,
        alias: entry[0],
        ambiguous: false,
        cue: true,
        initialWord: false,
      });
      GLUED.lastIndex = end;
    }
    return out;
  };

  return {
    scan(text) {
      const out: Candidate[] = [];
      versioned = families;
      const starts = text.includes('_') || others?.test(text) ? exact : fast;
      starts.lastIndex = 0;
      while (starts.test(text)) {
        let at = starts.lastIndex - 1;
        if (at > 0 && text.charCodeAt(at - 1) >= 128 && wordBefore(text, at)) continue;
        let entry = matchAt(text, at);
        if (pack) {
          // A pack name longer than the bundled one found here (or the only one) wins.
          const end = entry ? foundEnd : at;
          const hit = pack.at(text, at);
          if (hit && hit.end > end) {
            starts.lastIndex = hit.end;
            out.push({
              start: at,
              end: hit.end,
              entityId: hit.entity.id,
              category: hit.entity.category,
              alias: hit.alias,
              ambiguous: hit.ambiguous,
              cue: !hit.ambiguous,
              initialWord: false,
            });
            continue;
          }
          if (entry) foundEnd = end;
        }
        if (!entry) continue;
        if (entry[0].includes(' ')) {
          const from = longerInside(text, at, entry[0], foundEnd);
          if (from !== -1) {
            at = from;
            entry = inner as TableEntry;
          }
        }
        // Indexes, not `[alias, id] = entry`: destructuring an array runs its iterator.
        const alias = entry[0];
        const end = foundEnd;
        if (end > at + alias.length && !pluralOk(alias)) {
          // "Amazons" is not a plural name: nothing starts here.
          starts.lastIndex = at + 1;
          continue;
        }
        const named = index[entry[1]] as EntityName;
        if (named.versioned) {
          // A generation the knowledge has no entity for: the family's card says which was named.
          const v = versionAfter(text, at + alias.length);
          if (v !== -1) {
            starts.lastIndex = v;
            // A point release of a generation the knowledge has ("GLM-5.2" of "GLM-5") is that
            // generation's, not the family's.
            const release = pointReleaseOf(text, at, v);
            const owner = release === null ? named : (index[release[1]] as EntityName);
            const flag = (release ?? entry)[2];
            out.push({
              start: at,
              end: v,
              entityId: owner.id,
              category: owner.category,
              alias: text.slice(at, v),
              ambiguous: flag === 1,
              cue: flag === 0,
              initialWord: false,
              generation: text.slice(at, v),
            });
            continue;
          }
          if (!endsAt(text, end)) {
            starts.lastIndex = at + 1;
            continue;
          }
        }
        starts.lastIndex = end;
        out.push({
          start: at,
          end,
          entityId: named.id,
          category: named.category,
          alias,
          ambiguous: entry[2] === 1,
          cue: entry[2] === 0,
          initialWord: false,
        });
      }
      return glued(text, out);
    },
    entity,
    scanCase(text, found) {
      if (!isAllCaps(text)) return [];
      folds ??= foldPatterns(table);
      const re = folds.caps;
      if (!re) return [];
      const out: Candidate[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if ((start > 0 && wordBefore(text, start)) || !endsAt(text, end)) continue;
        // Only a case the table does not hold, and never inside a name found already.
        if (found.some((c) => c.start < end && start < c.end)) continue;
        const hit = (folds as Folds).byLower.get(m[0].toLowerCase());
        if (!hit) continue;
        const named = index[hit[1]] as EntityName;
        out.push({
          start,
          end,
          entityId: named.id,
          category: named.category,
          alias: hit[0],
          ambiguous: false,
          cue: true,
          initialWord: false,
        });
      }
      return out;
    },
  };
}

/** The case-folding patterns of a table, made the first time a page needs one. */
type Folds = { caps: RegExp | null; byLower: Map<string, TableEntry> };

/**
 * True for a block written in capitals: a headline in caps, where case says nothing. Of the
 * 400 letters it reads at most, no more than one in 21 may be lower case, so a 20th settles it:
 * most blocks are answered within their first few words.
 */
export function isAllCaps(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length && upper + lower < 400; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122 && ++lower === 20) return false;
  }
  return upper >= 12 && lower <= upper / 20;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One-word plain names of 4 letters or more, for headlines in caps, made the first time a page has one. */
function foldPatterns(table: NameTable): Folds {
  const byLower = new Map<string, TableEntry>();
  const caps: string[] = [];
  const visit = (list: readonly TableEntry[]) => {
    for (const e of list) {
      const a = e[0];
      if (e[2] === 0 && a.length >= 4 && /^[A-Za-z][A-Za-z0-9]+$/.test(a)) {
        const key = a.toLowerCase();
        if (!byLower.has(key)) {
          byLower.set(key, e);
          caps.push(escapeRe(a));
        }
      }
      if (e[3]) visit(e[3]);
    }
  };
  for (const second of Object.values(table)) for (const list of Object.values(second)) visit(list);
  const longestFirst = (xs: string[]) => xs.sort((x, y) => y.length - x.length).join('|');
  return {
    caps: caps.length ? new RegExp(`(?:${longestFirst(caps)})`, 'gi') : null,
    byLower,
  };
}
