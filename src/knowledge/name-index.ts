import * as OpenCC from 'opencc-js';
import type { Category } from './categories.ts';
import type { Entity } from './schema.ts';

/** What the content script needs to find names: no summaries, no facts. */
export type NameEntry = {
  id: string;
  name: string;
  category: Category;
  aliases: string[];
  ambiguous: string[];
  /** A family whose generations are written as its name and a number. */
  versioned?: boolean;
};

/**
 * An entity as the content script knows it: its id and category (and, for a pack's, its name).
 * Bundled names are not shipped in the script; the card and popup have them from the worker.
 */
export type EntityName = Pick<NameEntry, 'id' | 'category' | 'versioned'> & { name?: string };

/** Every entity's names, in knowledge-file order. */
export type NameIndex = NameEntry[];

/** Both apostrophes: pages write "Commissioner’s" as often as "Commissioner's". */
const withApostrophes = (list: string[]): string[] =>
  list.flatMap((a) => (/['’]/.test(a) ? [...new Set([a, a.replace(/’/g, "'"), a.replace(/'/g, '’')])] : [a]));

/**
 * Names with a capital inside ("DeepMind", "OpenAI", "CoreWeave") as pages also write them, with
 * one capital ("Deepmind", "Openai"): added to the table at build time, so finding them costs a
 * page nothing more.
 */
const withOneCapital = (list: string[]): string[] => {
  const out = [...list];
  for (const a of list) {
    if (a.length < 5 || !/^[A-Z][A-Za-z]+$/.test(a) || !/[A-Z]/.test(a.slice(1)) || !/[a-z]/.test(a)) continue;
    const once = a[0] + a.slice(1).toLowerCase();
    if (!out.includes(once)) out.push(once);
  }
  return out;
};

/** Small words a headline in title case may leave in lower case ("Bureau of Industry and Security"). */
const SMALL_WORDS = new Set(
  'a an and as at but by for from in into of on or per the to via vs with de des du la le les et del di da y e und der die das von'.split(
    ' ',
  ),
);

/**
 * Names whose later words the knowledge writes in lower case ("Atlas humanoid", "Helios rack") as
 * a headline in title case writes them ("Atlas Humanoid", "Helios Rack"): added at build time
 * (withVariants), so finding them costs a page nothing more. Small words keep their case.
 */
const titleCased = (alias: string): string[] => {
  if (!/^[\p{Lu}\p{N}]/u.test(alias)) return [];
  const titled = alias
    .split(' ')
    .map((w, i) => (i > 0 && /^[a-z][a-z-]+$/.test(w) && !SMALL_WORDS.has(w) ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(' ');
  return titled === alias ? [] : [titled];
};

/** Chinese characters in a name written without Japanese kana or Korean Hangul. */
const CHINESE = /^(?=.*\p{Script=Han})(?!.*[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/u;
/**
 * The Traditional scripts (Taiwan, Hong Kong) a Simplified name may be written in: pages in Taipei
 * write 寒武紀 and 長鑫存儲, in Hong Kong 昆侖芯, in Beijing 寒武纪 and 昆仑芯. Not the other way:
 * Simplified turns brand letters into ordinary words (昇腾, Huawei's Ascend, would become 升腾,
 * "to rise"), so the knowledge writes its Simplified names itself.
 */
const CONVERTERS = [
  // Character by character too, with OpenCC's character table alone (the second of its `cn`
  // dictionaries; the first is phrases): the phrases write 昆仑 as 崑崙, many pages as 昆侖.
  OpenCC.ConverterFactory(OpenCC.Locale.from.cn?.[0]?.slice(1) ?? []),
  OpenCC.Converter({ from: 'cn', to: 't' }),
  OpenCC.Converter({ from: 'cn', to: 'tw' }),
  OpenCC.Converter({ from: 'cn', to: 'hk' }),
];
const chineseScripts = (alias: string): string[] =>
  CHINESE.test(alias) ? [...new Set(CONVERTERS.map((convert) => convert(alias)))].filter((v) => v !== alias) : [];

/**
 * Adds each name's variants (`variantsOf`) to the table at build time: the table grows, a page's
 * work does not. A spelling that another entity has, or that two entities' names both turn into,
 * is left out: the knowledge's own names decide.
 */
function withVariants(index: NameIndex, variantsOf: (alias: string) => string[]): void {
  const taken = new Set(allAliases(index));
  const made = new Map<string, Set<string>>();
  const variants = index.map((e) => {
    const of = (list: string[]) => list.flatMap(variantsOf).filter((v) => !taken.has(v));
    const plain = of(e.aliases);
    const ambiguous = of(e.ambiguous).filter((v) => !plain.includes(v));
    for (const v of [...plain, ...ambiguous]) made.set(v, (made.get(v) ?? new Set()).add(e.id));
    return { plain, ambiguous };
  });
  const once = (v: string) => (made.get(v)?.size ?? 0) === 1;
  index.forEach((e, i) => {
    const { plain, ambiguous } = variants[i] as { plain: string[]; ambiguous: string[] };
    e.aliases = [...new Set([...e.aliases, ...plain.filter(once)])];
    e.ambiguous = [...new Set([...e.ambiguous, ...ambiguous.filter(once)])];
  });
}

const WORD = /[\p{L}\p{M}\p{N}]/u;

/** True when `name` stands in `text` between word boundaries. */
function namedIn(text: string, name: string): boolean {
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const before = text[i - 1];
    const after = text[i + name.length];
    if ((before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after))) return true;
  }
  return false;
}

/**
 * The entity's plain aliases less those that only lengthen another of them ("Alibaba Group",
 * "Broadcom Inc." beside "Alibaba", "Broadcom"): the shorter one finds the same names, so the
 * longer is left out of the table the content script ships (a page lights "Alibaba" of "Alibaba
 * Group"). Kept when its tail names something itself ("AWS Lambda": "Lambda" must not light on
 * its own there), or when it does not start with the other and a word boundary ("Claude 3.5").
 * People's names are never shortened (see toNameIndex).
 */
function withoutLengthenings(aliases: string[], every: readonly string[]): string[] {
  return aliases.filter((a) => {
    const shorter = aliases.find(
      (s) =>
        s !== a &&
        a.startsWith(s) &&
        !WORD.test(a[s.length] as string) &&
        !(/[.,]/.test(a[s.length] as string) && /\d/.test(a[s.length + 1] ?? '')),
    );
    if (shorter === undefined) return true;
    const tail = a.slice(shorter.length);
    return every.some((name) => namedIn(tail, name));
  });
}

/**
 * A generation's names as pages also write them after the maker, as its family's longer names do:
 * "Meta Llama 4" for "Llama 4" (the family has "Meta Llama"), "Google Gemini 2.5 Pro" for
 * "Gemini 2.5 Pro". Added at build time, so it costs a page nothing; never a name the knowledge
 * gives to something else. Without them the family's longer name took the generation for one it
 * has no entity for ("Meta Llama 4" lit as the Llama family).
 */
function withMakerPrefixes(entities: readonly Entity[], index: NameIndex): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const taken = new Set(allAliases(index));
  entities.forEach((e, i) => {
    const family = e.family === undefined ? undefined : byId.get(e.family);
    const entry = index[i];
    if (!family?.versioned || entry === undefined) return;
    const bases = [...family.aliases, ...family.ambiguousAliases];
    // "Meta Llama" is "Meta " before the family's own "Llama".
    const prefixes = family.aliases.flatMap((a) =>
      bases.filter((b) => a.length > b.length && a.endsWith(` ${b}`)).map((b) => [a.slice(0, -b.length), b] as const),
    );
    for (const [prefix, base] of prefixes)
      for (const name of e.aliases) {
        if (!name.startsWith(base) || !/^[ -][\p{L}\p{N}]/u.test(name.slice(base.length))) continue;
        const longer = prefix + name;
        if (taken.has(longer)) continue;
        taken.add(longer);
        entry.aliases.push(longer);
      }
  });
}

/** Strips a validated knowledge file down to the names the matcher compiles. */
export function toNameIndex(entities: Entity[]): NameIndex {
  const index = entities.map(({ id, name, category, aliases, ambiguousAliases, generic, versioned }) => ({
    id,
    name,
    category,
    ...(versioned ? { versioned: true } : {}),
    // A generic kind of technology (HBM4) keeps its card and ties but is never highlighted.
    aliases: generic ? [] : withOneCapital(withApostrophes(aliases)),
    ambiguous: generic ? [] : withApostrophes(ambiguousAliases),
  }));
  // Each Chinese name in the Traditional scripts, then names as headlines in title case write them.
  withVariants(index, chineseScripts);
  withMakerPrefixes(entities, index);
  withVariants(index, titleCased);
  const every = allAliases(index);
  // A person's longer name is kept: "President Xi" would light only part of "President Xi Jinping".
  for (const e of index) if (e.category !== 'person') e.aliases = withoutLengthenings(e.aliases, every);
  return index;
}

/** Every alias the matcher compiles, plain and ambiguous (a plain alias wins a clash). */
export const allAliases = (index: NameIndex): string[] => [
  ...new Set(index.flatMap((e) => [...e.aliases, ...e.ambiguous])),
];
