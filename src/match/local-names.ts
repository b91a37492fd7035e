import { COMMON_WORDS } from './common-words';
import type { Candidate, Matcher } from './matcher';

/** Words that end a company's name without being its name ("Thinking Machines Lab" → "Thinking Machines"). */
const SUFFIX = /\s+(?:Labs?|AI|Inc\.?|Technologies|Systems|Corp\.?|Corporation|Group|Holdings|Computing|Robotics)$/;

/** A surname as news writes it: "Amodei", "LeCun", "Lip-Bu" (not an ordinary word). */
const isName = (word: string) => /^[A-Z][a-z]*[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?$/.test(word) && !COMMON_WORDS.has(word);

/**
 * Family names written first in Chinese and Korean names ("Wang Xingxing", "Liang Wenfeng"): in
 * such a name the first word is the short one ("Wang said"). A name in Western order ("Jensen
 * Huang", "Alexandr Wang") starts with a given name that is not in this list.
 */
const FAMILY_FIRST = new Set(
  'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Hu Guo Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Lu Ding Ren Shen Yao Lei Yan Kim Park Choi Jung Kang Cho Yoon Jang Lim Shin'.split(
    ' ',
  ),
);

/**
 * The kind of body that ends a regulator's name ("European Commission", "Competition and Markets
 * Authority", "AI Litigation Task Force"): once the page names it in full, "the Commission", "the
 * Authority" and "the Task Force" mean it; so does "die Kommission" after "Europäische Kommission".
 */
const BODY = /^(?:Commission|Authority|Office|Agency|Ministry|Council|Bureau|Board|Task Force|Taskforce|Kommission)$/;

/**
 * The same kinds of body opening a name, as French, Spanish and Italian write them ("Commission
 * européenne", "Comisión Europea", "Autorità garante"): "la Commission" means it after that.
 */
const BODY_FIRST = /^(?:Commission|Comisión|Commissione|Autorité|Autoridad|Autorità|Agence|Agencia|Agenzia)$/;

/**
 * "the " (or "la ", "le ", "l’", "el ", "il ", "die ", "der ") right before a short name: the
 * text's last seven characters before it.
 */
const AFTER_THE = /(?:^|[^\p{L}])(?:[Tt]he|[Ll][ae]|[Ee]l|[Ii]l|[Dd]ie|[Dd]er|[Dd]ella) $|(?:^|[^\p{L}])[Ll]['’]$/u;

/**
 * Words after a short body's name that make it another body: "la Commission nationale de
 * l'informatique", "la Comisión de los Mercados", "the Commission on Human Rights"; not "on" before
 * a date ("the Task Force on January 9").
 */
const ANOTHER_BODY =
  /^ (?:nationale?|national|nacional|de|des|du|del|della|dei|d['’]|on(?! (?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d))|for|of|spéciale|especial|speciale)(?![\p{L}])/u;

/** Whether `start` opens its line: a headline drops the "the" ("Commission fines Meta"). */
const opensLine = (text: string, start: number) =>
  /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start));

/** A version number ending a model's name ("Mistral Medium 3.5", "Amazon Nova 2"). */
const NUMBER = /^\d+(?:\.\d+)?$/;

/** A model's version after its maker's name ("DeepSeek V4" → "V4", "Kimi K2" → "K2"). */
const VERSION = /^[A-Z]\d+(?:\.\d)?$/;

/**
 * A bare version as pages write it after naming the maker ("its G1 robots", "新一代V4模型"): a
 * capital and a digit or two, with a tier after a hyphen if any ("V4-Pro", "V4-Flash"), not inside
 * a longer Latin word, number or code ("V4-era", "GPU-R1").
 */
const BARE_VERSION =
  /(?<![\p{Script=Latin}\p{N}_.-])([A-Z]\d{1,2}(?:\.\d)?)(?:-(?:Pro|Flash|Lite|Max|Mini|Turbo|Plus|Ultra|Air|Nano))?(?![\p{Script=Latin}\p{N}_-]|\.\d)/gu;

/** An acronym in brackets right after a name: " (AP)", " (BFL)". */
const DEFINED_ACRONYM = /^ \(([A-Z][A-Z&]{1,5})\)/;

/**
 * Whether an acronym is made of a name's initials, in order, from its first word on: "AP" of
 * "Autoriteit Persoonsgegevens", "METI" of "Ministry of Economy, Trade and Industry". A country
 * code after a company ("OpenAI (US)") is not.
 */
function initialsOf(name: string, acronym: string): boolean {
  const words = name.split(/[\s,]+/);
  if (words[0]?.[0]?.toUpperCase() !== acronym[0]) return false;
  let at = 1;
  for (let i = 1; i < words.length && at < acronym.length; i++) if (words[i]?.[0]?.toUpperCase() === acronym[at]) at++;
  return at === acronym.length;
}

/** What lies between a name and a version that belongs to it: "Nvidia R1", "Nvidia’s R1". */
const AFTER_NAME = /^(?:['’]s)? ?$/;

/** The name the knowledge has for exactly this text ("DeepSeek R1" → DeepSeek-R1), if any. */
export const wholeName = (matcher: Matcher, name: string): Candidate | undefined =>
  matcher.scan(name).find((o) => o.start === 0 && o.end === name.length);

/**
 * Short names a page earns: once it names a person in full ("Dario Amodei"), their surname alone
 * ("Amodei said") refers to them on the rest of the page; once it names a company in full
 * ("Thinking Machines Lab"), its name without the suffix ("Thinking Machines") does too. Learnt
 * from sure mentions only, as the page is scanned in order; never a word the knowledge already
 * knows as a name, never an ordinary word.
 */
export function createLocalNames(matcher: Matcher) {
  /** Short name → its full mention's candidate (entity, category). */
  const names = new Map<string, Candidate>();
  /** Short names learnt from the block being scanned, and where their full name starts in it. */
  const fresh = new Map<string, number>();
  let pattern: RegExp | null = null;
  /** Companies the page has named (their aliases), in the order it named them. */
  const makers = new Set<string>();
  /** Where in this block the companies first named in it were named (the others: from its start). */
  const makersHere = new Map<string, number>();
  /** Short names that are acronyms the page defined: no "the" needed before them. */
  const acronyms = new Set<string>();
  /** The law "the Act" means: the one Act the page named in full; null once it named two. */
  let act: Candidate | null | undefined;
  /**
   * Ends of the full names the page has written, where they are another entity's ambiguous
   * name: "AISI" after "Japan AISI" is Japan's institute, though a bare "AISI" is the UK's;
   * "Atlas" after "ChatGPT Atlas" is the browser; "Fair Trade Commission" after "Korea Fair Trade
   * Commission" is Korea's. The latest full name wins: "Boston Dynamics Atlas" gives "Atlas" back
   * to the robot.
   */
  const tails = new Map<string, Candidate>();
  /**
   * The longest end of a full name, after a space or a hyphen, that is an ambiguous name, and
   * whether that name is another entity's; null when no end is: asked once per full name.
   */
  const tailsOf = new Map<string, { word: string; other: boolean } | null>();
  const tailOf = (c: Candidate) => {
    let tail = tailsOf.get(c.alias);
    if (tail === undefined) {
      tail = null;
      for (let i = 1; i < c.alias.length && tail === null; i++) {
        const at = c.alias.charCodeAt(i - 1);
        if (at !== 32 && at !== 45) continue;
        const word = c.alias.slice(i);
        const named = wholeName(matcher, word);
        if (named?.ambiguous) tail = { word, other: named.entityId !== c.entityId };
      }
      tailsOf.set(c.alias, tail);
    }
    return tail;
  };
  /** "maker version" → the model the knowledge names so, or null: asked once per page. */
  const models = new Map<string, Candidate | null>();
  const modelOf = (maker: string, version: string): Candidate | null => {
    const key = `${maker} ${version}`;
    let model = models.get(key);
    if (model === undefined) {
      const whole = wholeName(matcher, key);
      model = whole !== undefined && !whole.ambiguous ? whole : null;
      models.set(key, model);
    }
    return model;
  };
  const add = (short: string, from: Candidate, min: number) => {
    if (short.length < min || names.has(short) || matcher.scan(short).length > 0) return;
    names.set(short, from);
    fresh.set(short, from.start);
    pattern = null;
  };
  /** Bare versions of models whose maker the page named before them (BARE_VERSION). */
  const versions = (text: string, found: readonly Candidate[]): Candidate[] => {
    const out: Candidate[] = [];
    BARE_VERSION.lastIndex = 0;
    for (let m = BARE_VERSION.exec(text); m; m = BARE_VERSION.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // Not inside another name, nor right after one: "Nvidia’s R1" is no maker's R1 but Nvidia's.
      if (found.some((c) => c.start < end && start < c.end)) continue;
      if (found.some((c) => c.end <= start && start - c.end <= 3 && AFTER_NAME.test(text.slice(c.end, start))))
        continue;
      for (const maker of makers) {
        // A tier the knowledge has no name for is its version's: "V4-Pro" is DeepSeek-V4.
        const model =
          (makersHere.get(maker) ?? 0) > start
            ? null
            : (modelOf(maker, m[0]) ?? (m[1] === m[0] ? null : modelOf(maker, m[1] ?? '')));
        if (model === null) continue;
        out.push({ ...model, start, end, alias: m[0], cue: true, initialWord: false });
        break;
      }
    }
    return out;
  };
  return {
    /** Learns the short names of this block's sure mentions. */
    learn(text: string, candidates: readonly Candidate[]): void {
      fresh.clear();
      makersHere.clear();
      for (const c of candidates) {
        if (!c.ambiguous && c.category === 'company' && !makers.has(c.alias)) {
          makers.add(c.alias);
          makersHere.set(c.alias, c.start);
        }
        // "Autoriteit Persoonsgegevens (AP)": the page defines the acronym for itself.
        if (!c.ambiguous && text.charCodeAt(c.end + 1) === 40 /* ( */) {
          const acronym = DEFINED_ACRONYM.exec(text.slice(c.end, c.end + 10))?.[1];
          if (acronym !== undefined && !names.has(acronym) && initialsOf(c.alias, acronym)) {
            add(acronym, c, 2);
            if (names.get(acronym) === c) {
              acronyms.add(acronym);
              // From after the brackets: the definition itself is part of the full name's mention.
              fresh.set(acronym, c.end + acronym.length + 3);
            }
          }
        }
        if (c.ambiguous) continue;
        // "LG AI연구원(LG)", "SK텔레콤(SK)": a name of another entity in brackets, opening this
        // full name, is this entity's short name on the rest of the page.
        const open = text.charCodeAt(c.end) === 40 ? c.end : text.charCodeAt(c.end + 1) === 40 ? c.end + 1 : -1;
        if (open !== -1) {
          // Looked for within a few characters only: a page of brackets never closed costs nothing.
          const inside = text.slice(open + 1, open + 13);
          const close = inside.indexOf(')');
          const word = close > 0 ? inside.slice(0, close) : '';
          if (word && word.length < c.alias.length && c.alias.startsWith(word)) {
            const named = wholeName(matcher, word);
            if (named?.ambiguous && named.entityId !== c.entityId) tails.set(word, c);
          }
        }
        const tail = tailOf(c);
        if (tail?.other) tails.set(tail.word, c);
        else if (tail) tails.delete(tail.word);
        // "EU-Kommission" → "die Kommission".
        const part = c.category === 'regulator' ? c.alias.slice(c.alias.lastIndexOf('-') + 1) : '';
        if (part.length < c.alias.length && BODY.test(part)) add(part, c, 5);
        if (!c.alias.includes(' ')) continue;
        const words = c.alias.split(' ');
        if (c.category === 'person') {
          const first = words[0] as string;
          const familyFirst = words.length === 2 && FAMILY_FIRST.has(first) && /^[A-Z][a-z]+$/.test(words[1] as string);
          const short = familyFirst ? first : (words.at(-1) as string);
          if (isName(short)) add(short, c, 3);
        } else if (c.category === 'company' && SUFFIX.test(c.alias)) {
          const short = c.alias.replace(SUFFIX, '');
          if (short.includes(' ') && short.split(' ').every((w) => /^[A-Z]/.test(w))) add(short, c, 4);
        } else if (c.category === 'product' && words.length === 2 && VERSION.test(words[1] as string)) {
          add(words[1] as string, c, 2);
        } else if (c.category === 'product' && words.length > 2 && NUMBER.test(words.at(-1) as string)) {
          // "Mistral Medium 3.5" → "Medium 3.5", when its first word is a company's name.
          if (wholeName(matcher, words[0] as string)?.category === 'company') add(words.slice(1).join(' '), c, 4);
        } else if (c.category === 'law' && words.at(-1) === 'Act') {
          // "the AI Act" → "the Act", unless the page names two Acts ("the CHIPS Act and the AI Act").
          if (act === undefined) {
            act = c;
            add('Act', c, 3);
          } else if (act !== null && act.entityId !== c.entityId) {
            act = null;
            names.delete('Act');
            pattern = null;
          }
        } else if (c.category === 'regulator' && BODY.test(words.slice(-2).join(' '))) {
          add(words.slice(-2).join(' '), c, 5);
        } else if (c.category === 'regulator' && BODY.test(words.at(-1) as string)) {
          add(words.at(-1) as string, c, 5);
        } else if (c.category === 'regulator' && BODY_FIRST.test(words[0] as string)) {
          add(words[0] as string, c, 5);
        }
      }
    },
    /** The candidates, with an ambiguous name the page wrote in full for another entity given to it (`tails`). */
    retarget(candidates: Candidate[]): Candidate[] {
      if (tails.size === 0) return candidates;
      return candidates.map((c) => {
        const full = c.ambiguous ? tails.get(c.alias) : undefined;
        return full === undefined ? c : { ...c, entityId: full.entityId, category: full.category };
      });
    },
    /** The short names in a text, where no other name was found. */
    scan(text: string, found: readonly Candidate[]): Candidate[] {
      const out: Candidate[] = [];
      if (names.size > 0) learnt(text, found, out);
      // Versions last: a version the page wrote after its model's full name is a short name above.
      if (makers.size > 0) out.push(...versions(text, out.length === 0 ? found : [...found, ...out]));
      return out;
    },
    clear(): void {
      act = undefined;
      acronyms.clear();
      tails.clear();
      makers.clear();
      makersHere.clear();
      models.clear();
      names.clear();
      fresh.clear();
      pattern = null;
    },
  };
  /** Short names learnt from full names, into `out`. */
  function learnt(text: string, found: readonly Candidate[], out: Candidate[]): void {
    pattern ??= new RegExp(
      `(?<![\\p{L}\\p{M}\\p{N}])(?:${[...names.keys()].sort((a, b) => b.length - a.length).join('|')})(?:['’]s)?(?![\\p{L}\\p{M}\\p{N}])`,
      'gu',
    );
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const word = m[0].replace(/['’]s$/, '');
      const start = m.index;
      const end = start + word.length;
      if (found.some((c) => c.start < end && start < c.end)) continue;
      const from = names.get(word);
      // A short name learnt in this block counts only after its full name.
      if (!from || start < (fresh.get(word) ?? 0)) continue;
      // A regulator's short name ("Commission"), or a law's ("Act"), counts only after "the" or
      // opening a headline: "Commission staff" in a sentence is anyone's.
      if (
        (from.category === 'regulator' || from.category === 'law') &&
        !acronyms.has(word) &&
        ((!AFTER_THE.test(text.slice(Math.max(0, start - 7), start)) && !opensLine(text, start)) ||
          ANOTHER_BODY.test(text.slice(end, end + 12)))
      )
        continue;
      out.push({ ...from, start, end, alias: word, cue: true, initialWord: false });
    }
  }
}

/** Short names learnt on one page. */
export type LocalNames = ReturnType<typeof createLocalNames>;
