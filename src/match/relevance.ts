import {
  asciiForms,
  codePointBefore,
  germanGenitiveAt,
  isCapitalOrDigitCode,
  isHangulSyllable,
  isLetterOrDigitCode,
  isUnspacedScript,
} from './chars';
import { COMMON_WORDS } from './common-words';
import { withoutInvisible } from './invisible';
import { type LocalNames, wholeName } from './local-names';
import { type Candidate, isAllCaps, type Matcher, type Mention } from './matcher';

/** How sure we are that a page is about AI/tech, and why. */
export type Verdict = {
  relevant: boolean;
  /** Distinct entities named by unambiguous aliases. */
  entities: number;
};

/** One block of page text analysed on its own: cached, so page changes rescan only what changed. */
export type ScannedBlock = {
  text: string;
  candidates: Candidate[];
  /** Entities this block names without doubt. */
  sure: readonly string[];
  /** Ambiguous entities this block names with a cue, not at a sentence start. */
  cued: readonly string[];
  /** First words of the longer names this block names without doubt ("Mistral" of "Mistral Medium 3.5"). */
  brands?: readonly string[];
  /**
   * AI/tech topic words in the block (up to 4), counted only if relevance comes to need them:
   * a page naming four entities is AI news whatever its words, and most are.
   */
  topicWords?: number;
};

// Case-sensitive on purpose: "AI" is a topic word, "ai" (a sloth, Japanese "love") is not.
// A word must not touch a letter or digit of any script; that is checked in code (see chars.ts),
// which spares the page compiling a Unicode RegExp. Topic words of the main European and East
// Asian languages follow the English ones (the cards stay English; relevance is judged in the
// page's own language). Chinese, Japanese and Korean words need no boundary: they are written
// without spaces, and chars.ts counts their characters as no word.
const TOPIC = new RegExp(
  [
    // English (and "model" in Spanish, Portuguese, Italian, German and Dutch, which start alike)
    'AI|A\\.I\\.|[Aa]rtificial [Ii]ntelligence|[Mm]achine learning|LLMs?|[Ll]arge language models?|[Gg]enerative|[Cc]hatbots?|[Mm]odell(?:en|e|[io])?|[Mm]odelos?|[Mm]odels?|GPUs?|[Cc]hips?|[Ss]emiconductors?|[Dd]ata cent(?:er|re)s?|[Cc]loud|[Ss]tartups?|[Nn]eural networks?|[Ii]nference|[Cc]ompute|[Aa]ntitrust|[Ss]oftware|[Aa]lgorithms?|[Tt]ech(?:nology)?|[Rr]obot(?:s|ics)?|[Hh]umanoids?|[Dd]eepfakes?',
    // French, Spanish, Italian, Portuguese: IA, intelligence artificielle, puces, semi-conducteurs, modèle…
    'IA|[Ii]ntelligence artificielle|[Ii]nteligencia artificial|[Ii]ntelligenza artificiale|[Ii]ntelig[êe]ncia artificial|[Pp]uces?|[Ss]emi-?conducteurs?|[Ss]emiconductores?|[Ss]emiconduttori|[Ss]emicondutores?|[Cc]entres? de données|[Cc]entros? de datos|[Cc]entros? de dados|[Mm]od[èe]les?|[Aa]pprentissage automatique|[Aa]prendizaje automático|[Nn]uvem|[Tt]echnologie|[Tt]ecnolog[íi]a|[Tt]ecnologia|[Rr]obotique|[Rr]ob[óo]tica|[Rr]obotica|[Hh]umano[ïi]des?',
    // German and Dutch: KI, künstliche Intelligenz, Halbleiter, Rechenzentrum…
    'KI|[Kk]ünstliche[nr]? Intelligenz|[Kk]unstmatige intelligentie|[Hh]albleiter|[Hh]alfgeleiders?|[Rr]echenzentr(?:um|en)|[Dd]atacent(?:er|ra|ers)|[Ss]prachmodell(?:e|en)?|[Tt]aalmodel(?:len)?|[Tt]echnologie|[Rr]oboter|[Rr]obotik',
    // Chinese, Japanese, Korean
    '人工智能|人工智慧|大模型|模型|モデル|모델|芯片|晶片|半导体|半導體|算力|数据中心|生成式|人工知能|生成AI|半導体|大規模言語モデル|データセンター|인공지능|반도체|데이터센터|생성형|거대언어모델|机器人|機器人|具身智能|ロボット|ヒューマノイド|로봇|휴머노이드|深度伪造|深度偽造|深偽|ディープフェイク|딥페이크',
  ].join('|'),
  'g',
);

/** Where the first topic word at or after `from` ends, standing as a word of its own; -1 if none. */
function topicEnd(text: string, from: number): number {
  TOPIC.lastIndex = from;
  for (let m = TOPIC.exec(text); m; m = TOPIC.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // A word of an unspaced script needs no boundary on its side ("Stargateデータセンター").
    const free =
      (start === 0 || isUnspacedScript(text.charCodeAt(start)) || !isLetterOrDigitCode(codePointBefore(text, start))) &&
      (end >= text.length ||
        isUnspacedScript(text.charCodeAt(end - 1)) ||
        !isLetterOrDigitCode(text.codePointAt(end) as number));
    if (free) return end;
    TOPIC.lastIndex = start + 1;
  }
  return -1;
}

/** Topic words in a text, counted up to `cap`: relevance needs only a few, and big pages have many. */
export function countTopic(text: string, cap: number): number {
  let n = 0;
  let at = 0;
  while (n < cap) {
    at = topicEnd(text, at);
    if (at === -1) break;
    n++;
  }
  return n;
}

const hasTopic = (text: string): boolean => topicEnd(text, 0) !== -1;

// A sentence ends at a stop (. ! ? …), perhaps closing quotes or brackets, then a space.
const STOPS = ['.', '!', '?', '\u2026'];
/** From just after a stop: closing quotes and brackets, then the spaces before the next sentence. */
const NEXT_SENTENCE = /["'\u201d\u2019)\]]*\s+/y;
/** The first sentence end: a stop, closers, then a space or the end of the text searched. */
const SENTENCE_END = /[.!?\u2026](?=["'\u201d\u2019)\]]*(?:\s|$))/g;

/** Where the last stop at or before `at` is in `text`; -1 if none. */
function lastStop(text: string, at: number): number {
  let stop = -1;
  for (let i = 0; i < STOPS.length; i++) stop = Math.max(stop, text.lastIndexOf(STOPS[i] as string, at));
  return stop;
}

/**
 * The sentence around `[start, end)`, within 400 characters each way: from just after the last
 * sentence end before it (a stop, closing quotes, spaces) to the first stop after it that is
 * followed by closing quotes and a space or the end. Pages call this for every ambiguous name,
 * mostly before V8 optimises it: `lastIndexOf` and two small RegExps on the 400-character
 * windows do the looking, natively, and `test` leaves no match arrays to collect.
 */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const lo = Math.max(0, start - 400);
  let from = lo;
  const before = text.slice(lo, start);
  // The last stop that ends a sentence: one inside a number ("3.5") is passed over, up to a few
  // (text dense with dots, like a list of domains, would otherwise cost a pass per name).
  let stop = lastStop(before, before.length - 1);
  for (let tries = 0; stop !== -1 && tries < 8; tries++) {
    NEXT_SENTENCE.lastIndex = stop + 1;
    if (NEXT_SENTENCE.test(before)) {
      from = lo + NEXT_SENTENCE.lastIndex;
      break;
    }
    stop = stop > 0 ? lastStop(before, stop - 1) : -1;
  }
  const hi = Math.min(text.length, end + 400);
  SENTENCE_END.lastIndex = end;
  return [from, SENTENCE_END.test(hi === text.length ? text : text.slice(0, hi)) ? SENTENCE_END.lastIndex : hi];
}

/**
 * True when a name opens a sentence or a list item ("• Scale of the build-out…"), where any
 * ordinary word is capitalised too. Not after a colon: English writes on in small letters there,
 * so a capital is a name ("a clear structure: Meta's Llama…").
 */
export const sentenceInitial = (text: string, start: number): boolean =>
  /(?:^|[.!?]["'”’)\]]*|[•▪►‣◦])\s*["'“‘([]*$/u.test(text.slice(Math.max(0, start - 8), start));

const NONE: readonly string[] = [];

/** Ordinary words that open a sentence as adverbs before a comma ("Together, they…"; "Alphabet, Google's parent" is a name). */
const ADVERBS = new Set(['Together', 'Still', 'Instead', 'Further', 'Again', 'Meanwhile', 'Overall', 'Separately']);

/**
 * Finds the candidates of one block and what the block itself says about them. Invisible
 * characters inside words (soft hyphens, zero-width spaces) are read as if absent, full-width
 * Latin letters and Unicode hyphens as ASCII; the candidates' offsets are in the block's own text.
 */
export function scanBlock(matcher: Matcher, original: string, local?: LocalNames): ScannedBlock {
  const narrow = asciiForms(original);
  const invisible = withoutInvisible(narrow);
  if (!invisible) return scanClean(matcher, narrow, local);
  const scanned = scanClean(matcher, invisible.text, local);
  const at = invisible.at;
  for (const c of scanned.candidates) {
    c.start = at[c.start] as number;
    c.end = (at[c.end - 1] as number) + 1;
  }
  return scanned;
}

/** Words that may follow a regulator's acronym without making a longer name ("FTC Chair Ferguson"). */
const TITLES =
  /^(?:Chair|Chairman|Chairwoman|Commissioner|Commissioners|Chief|Director|Secretary|President|Head|Staff|Spokesperson|Spokesman|Spokeswoman|Officials?|Rules?|Report|Act)\b/;
/** Words that make an acronym the start of another organisation's name ("FTC Solar", "SEC Network"). */
const ORG_WORDS =
  /^(?:Solar|Energy|Group|Holdings|Capital|Partners|Records|Bank|Network|Networks|Media|Sports|Labs?|Inc|Corp|Ltd|Limited|Pharma|Motors|Airlines|Foods|Entertainment|Games|Studios)\b/;

/**
 * True for a short block written in title case, as headlines and section titles are: most of its
 * words start with a capital ("FTC Sets Standards for AI Accuracy and Bias").
 */
function titleCased(text: string): boolean {
  if (text.length > 160) return false;
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => isCapitalOrDigitCode(w.codePointAt(0) as number)).length;
  return capitalised >= 0.7 * words.length;
}

/**
 * True for an acronym that is only the first word of a longer capitalised name: "FTC Solar" (a
 * solar company) is not the FTC. A regulator's or a law's acronym followed by any capitalised
 * word but a title, except in a title-case headline, where every word has a capital ("FTC Targets
 * AI Bias"); anyone's acronym followed by a word that names organisations.
 */
function acronymOfLongerName(text: string, c: Candidate): boolean {
  // The space first: most names are followed by something else, and a RegExp costs more.
  if (text.charCodeAt(c.end) !== 32 || !/^[A-Z][A-Z0-9&]{1,5}$/.test(c.alias)) return false;
  const next = /^[A-Z][A-Za-z]+/.exec(text.slice(c.end + 1, c.end + 24))?.[0];
  if (!next || TITLES.test(next)) return false;
  if (ORG_WORDS.test(next)) return true;
  return (c.category === 'regulator' || c.category === 'law') && !titleCased(text);
}

/** A word of Latin capitals right after a name, or right before it. */
const CAPS_AFTER = /^ [A-Z]{2,}(?![\p{L}\p{N}])/u;
const CAPS_BEFORE = /(?:^|[^\p{L}\p{N}])[A-Z]{2,} $/u;

/**
 * True for an ambiguous name written in capitals ("UN", "NEC") among words in capitals, in a
 * block written in capitals, where case says nothing: a French or Italian headline in caps writes
 * "un" as "UN". Not in Chinese, Japanese or Korean text, whose Latin letters are mostly capitals
 * anyway ("LG AI연구원").
 */
const shoutedAcronym = (text: string, c: Candidate): boolean =>
  c.ambiguous &&
  /^[A-Z][A-Z.&]*$/.test(c.alias) &&
  (CAPS_AFTER.test(text.slice(c.end, c.end + 24)) ||
    CAPS_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start))) &&
  isAllCaps(text);

/** A word of posting, then within the sentence "on" or "to": "Musk wrote on", "in a post on Thursday to". */
const POSTED_ON =
  /\b(?:posts?|posted|posting|wrote|writes|writing|said|says|announced|announces|shared|shares|reported|tweeted|published)\b[^.!?\n]{0,40}\b(?:on|to) $/i;

/**
 * True for a one-letter name where the page does not post on it: "X" is X Corp's in "Musk wrote on
 * X", not in "Model X", "Project X" or "X-ray".
 */
const notPostedOn = (text: string, c: Candidate): boolean =>
  c.alias.length === 1 && !POSTED_ON.test(text.slice(Math.max(0, c.start - 64), c.start));

/** Words that, right before a regulator's name, make it another body's name. */
const LONGER_BODY = /(?:^|[^\p{L}\p{N}])(?:Personal|National|Provincial|Regional|Municipal) $/u;

/**
 * True for a regulator's name that ends another body's: Singapore's "Personal Data Protection
 * Commission" is not Ireland's "Data Protection Commission". A list of words rather than any
 * capital: a headline in title case capitalises every word before a name.
 */
function tailOfLongerName(text: string, c: Candidate): boolean {
  if (c.category !== 'regulator' || text.charCodeAt(c.start - 1) !== 32 || !c.alias.includes(' ')) return false;
  return LONGER_BODY.test(text.slice(Math.max(0, c.start - 16), c.start));
}

/** Words that put a person's name next: "the astronomer Vera Rubin" is not the chip. */
const PERSON_BEFORE =
  /(?:astronomer|physicist|mathematician|statistician|scientist|chemist|inventor|pioneer|admiral)\s+$/;

const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * The capitalised word right before a name, when it is part of a longer name the knowledge does
 * not know: in mid-sentence, not a weekday or a month, and not the end of a name the matcher found
 * ("Nvidia Blackwell"). Undefined otherwise.
 */
function unknownCapitalBefore(text: string, c: Candidate, found: readonly Candidate[]): string | undefined {
  if (text.charCodeAt(c.start - 1) !== 32) return undefined;
  const word = /(?:^|[^\p{L}\p{N}])([A-Z][a-z]{2,}) $/u.exec(text.slice(Math.max(0, c.start - 24), c.start))?.[1];
  if (word === undefined || CALENDAR.test(word) || sentenceInitial(text, c.start - 1 - word.length)) return undefined;
  return found.some((o) => o.end === c.start - 1) ? undefined : word;
}

/**
 * True for a chip named after a person where the page means the person: after a word like
 * "physicist", or as the surname of a full name the knowledge does not know ("David Blackwell",
 * "Richard Feynman"; "Nvidia Blackwell" and "Grace Blackwell" are names the matcher found).
 */
function namesake(text: string, c: Candidate, found: readonly Candidate[]): boolean {
  if (c.category !== 'chip' && c.category !== 'product') return false;
  const before = text.slice(Math.max(0, c.start - 24), c.start);
  if (PERSON_BEFORE.test(before)) return true;
  if (c.category !== 'chip' || c.alias.includes(' ')) return false;
  const word = unknownCapitalBefore(text, c, found);
  return word !== undefined && !COMMON_WORDS.has(word);
}

/** Words that end the name of an institution or a scheme: "Financial Stability Board", "Horizon Fund". */
const INSTITUTION_AFTER =
  /^ (?:Board|Bank|Fund|Council|Forum|Institute|Index|Report|Commission|Authority|Office|Agency|Ministry|Programme|Program|Pact|Facility|Mechanism)(?![\p{L}\p{N}])/u;

/**
 * True for an ambiguous name that is an ordinary word inside a longer capitalised name: after a
 * capitalised word in mid-sentence that no name was found for ("the Financial Stability Board"),
 * or before a word that ends an institution's name. Another name before it keeps it
 * ("OpenAI Codex"), and so does a weekday or a month ("on Tuesday Cadence said").
 */
function wordOfLongerName(text: string, c: Candidate, found: readonly Candidate[]): boolean {
  if (!c.ambiguous || !COMMON_WORDS.has(c.alias)) return false;
  return INSTITUTION_AFTER.test(text.slice(c.end, c.end + 13)) || unknownCapitalBefore(text, c, found) !== undefined;
}

/** Law names that many places give their own laws; the knowledge's one is the EU's. */
const GENERIC_LAW = /^(?:AI Act|Artificial Intelligence Act)$/;
/** Who may own the EU's law in "X's AI Act" or "X AI Act". */
const EU_OWNERS = /^(?:EU|E\.U|Europe|European|Union|Brussels|Commission|Parliament|Council)$/;
/** Words with a possessive that own nothing: "What's", "Today's". */
const NOT_OWNERS = /^(?:It|What|That|There|Here|Who|Today|Let)$/;
/**
 * Places the news names before their own AI acts without a possessive ("the Texas AI Act",
 * "New York AI Act", "Korean AI Act"): US states (the last word of two-word names) and a few
 * countries. A list, not any capitalised word: a headline in title case capitalises "Of" and "The".
 */
const PLACES = new RegExp(
  `^(?:${[
    'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho',
    'Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota',
    'Mississippi|Missouri|Montana|Nebraska|Nevada|Hampshire|Jersey|Mexico|York|Carolina|Dakota|Ohio',
    'Oklahoma|Oregon|Pennsylvania|Island|Tennessee|Texas|Utah|Vermont|Virginia|Washington|Wisconsin',
    'Wyoming|Korea|Korean|Japan|Japanese|China|Chinese|India|Indian|Brazil|Brazilian|Canada|Canadian',
    'UK|British|US|U\\.S|American|Federal|State',
  ].join('|')})$`,
);
/**
 * An owner right before a name, maybe with one small-letter word between: "Colorado's ", "Texas ",
 * "the state's ", "Colorado's landmark " (group 1 the owner, 2 the possessive).
 */
const OWNER_BEFORE =
  /(?:^|[^\p{L}\p{N}.])(\p{Lu}[\p{L}.]*|state|country|nation|province|city)(['’]s?)? (?:\p{Ll}+ )?$/u;

/** "its" or "their" right before a name, maybe with one small-letter word between. */
const PRONOUN_BEFORE = /(?:^|[^\p{L}])(?:its|their) (?:\p{Ll}+ )?$/u;

/**
 * The place a sentence gives a generic law to by a pronoun: "Colorado passed its AI Act",
 * "lawmakers in Texas amended their AI Act". The place named last before it owns it; the EU
 * ("Brussels finalised its AI Act") or no place at all ("the bloc will enforce its AI Act") keeps
 * it the EU's (undefined).
 */
function placeOfSentence(text: string, c: Candidate): string | undefined {
  const [from] = sentenceAround(text, c.start, c.end);
  const owners = [...text.slice(Math.max(from, c.start - 200), c.start).matchAll(/\p{Lu}[\p{L}.]*/gu)]
    .map((m) => m[0].replace(/\.$/, ''))
    .filter((w) => EU_OWNERS.test(w) || (PLACES.test(w) && !/^(?:Federal|State)$/.test(w)));
  const owner = owners.at(-1);
  return owner === undefined || EU_OWNERS.test(owner) ? undefined : owner;
}

/**
 * The owner of another place's law of the same generic name: "Colorado" of "Colorado's AI Act"
 * and "Colorado's landmark AI Act", "Texas" of "the Texas AI Act", "state" of "the state's AI
 * Act". Undefined for the EU AI Act ("Europe's AI Act", "The AI Act", "the EU's landmark AI Act").
 */
function ownerOfAnotherLaw(text: string, c: Candidate): string | undefined {
  if (c.category !== 'law' || !GENERIC_LAW.test(c.alias)) return undefined;
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  if (PRONOUN_BEFORE.test(before)) return placeOfSentence(text, c);
  const owner = OWNER_BEFORE.exec(before);
  if (!owner) return undefined;
  const word = (owner[1] as string).replace(/\.$/, '');
  if (EU_OWNERS.test(word)) return undefined;
  // A possessive says whose law it is; a bare word only when it names a place.
  if (owner[2] !== undefined) return NOT_OWNERS.test(word) ? undefined : word;
  return PLACES.test(word) || /^[a-z]/.test(word) ? word : undefined;
}

/**
 * The place's own law, where the knowledge has it under the place's name ("Colorado AI Act" for
 * "Colorado's AI Act"): the same words on the page, read as that law.
 */
function placesOwnLaw(matcher: Matcher, c: Candidate, owner: string): Candidate | undefined {
  const law = wholeName(matcher, `${owner} ${c.alias}`);
  return law?.category === 'law' ? { ...law, start: c.start, end: c.end, alias: c.alias } : undefined;
}

/**
 * Korean particles and endings that may follow a name in the same word ("애플은", "메타의",
 * "엔비디아와", "삼성전자도"), by their first syllable.
 */
const KOREAN_PARTICLE = new Set([...'은는이가을를의에와과도로으만까부보처나랑하측들엔께서']);

/**
 * True for a Korean name that is only the start or the end of a longer Korean word: Korean puts
 * spaces between words, and a name runs on only into a particle. "애플리케이션" (application) is
 * not Apple, nor "메타버스" (metaverse) Meta.
 */
function insideKoreanWord(text: string, c: Candidate): boolean {
  const first = c.alias.charCodeAt(0);
  const last = c.alias.charCodeAt(c.alias.length - 1);
  if (isHangulSyllable(last) && isHangulSyllable(text.charCodeAt(c.end)) && !KOREAN_PARTICLE.has(text.charAt(c.end)))
    return true;
  return isHangulSyllable(first) && c.start > 0 && isHangulSyllable(text.charCodeAt(c.start - 1));
}

/** Katakana letters and the long-vowel mark, not the middle dot (・) that separates names. */
const isKatakana = (c: number): boolean => (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;

/**
 * True for an ambiguous katakana name inside a longer katakana word: メタバース ("metaverse") is
 * not Meta, トランプカード ("playing cards") not Trump. Plain names keep compounds (ソフトバンクグループ).
 */
function insideKatakanaWord(text: string, c: Candidate): boolean {
  if (!c.ambiguous) return false;
  if (isKatakana(c.alias.charCodeAt(c.alias.length - 1)) && isKatakana(text.charCodeAt(c.end))) return true;
  return isKatakana(c.alias.charCodeAt(0)) && c.start > 0 && isKatakana(text.charCodeAt(c.start - 1));
}

/**
 * True for an ambiguous name that is another project's code name: "Project Prometheus" (Jeff
 * Bezos's start-up) is not Meta's Prometheus cluster. Names the knowledge gives with "Project"
 * ("Project Stargate") are aliases of their own and match whole.
 */
const codeNameOfAnother = (text: string, c: Candidate): boolean =>
  c.ambiguous && c.start >= 8 && text.startsWith('Project ', c.start - 8);

/**
 * True for an ambiguous name that ends another name joined to it by a hyphen: "SHADE-Arena" (a
 * benchmark) is not LMArena. So for a name opening with an ordinary word, in a headline's
 * compound: "Gigawatt-Scale AI Campuses" names no Scale AI. A name before the hyphen keeps both
 * ("the Microsoft-Apple deal"), and so does a prefix in lower case ("ex-Meta researchers").
 */
function endOfHyphenName(text: string, c: Candidate, found: readonly Candidate[], i: number): boolean {
  if (c.start < 2 || text.charCodeAt(c.start - 1) !== 45) return false;
  if (!c.ambiguous && !COMMON_WORDS.has(c.alias.split(' ', 1)[0] as string)) return false;
  let word = c.start - 1;
  while (word > 0 && isLetterOrDigitCode(codePointBefore(text, word))) word--;
  if (word === c.start - 1 || !isCapitalOrDigitCode(text.codePointAt(word) as number)) return false;
  const before = found[i - 1];
  return before === undefined || before.end !== c.start - 1;
}

/** A version written right after a possessive: "’s R1" of "DeepSeek’s R1". */
const POSSESSIVE_VERSION = /^['’]s ([A-Z]\d+(?:\.\d)?)(?![\p{L}\p{N}])/u;

/**
 * Models named by their maker's possessive and a version ("DeepSeek’s R1", "Unitree’s G1"): the
 * version is the model the knowledge names for the two together ("DeepSeek R1"). Nothing for a
 * version the maker has no model for, or after a name that is not a company, or for one found
 * already.
 */
function makersVersions(matcher: Matcher, text: string, found: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < found.length; i++) {
    const c = found[i] as Candidate;
    const quote = text.charCodeAt(c.end);
    if ((quote !== 39 && quote !== 0x2019) || c.category !== 'company') continue;
    const version = POSSESSIVE_VERSION.exec(text.slice(c.end, c.end + 12))?.[1];
    // A version that is a name of its own ("Nvidia’s H20") was found already.
    if (version === undefined || found[i + 1]?.start === c.end + 3) continue;
    const name = `${text.slice(c.start, c.end)} ${version}`;
    const model = wholeName(matcher, name);
    if (model === undefined) continue;
    const start = c.end + 3;
    out.push({ ...model, start, end: start + version.length, alias: version });
  }
  return out;
}

function scanClean(matcher: Matcher, text: string, local?: LocalNames): ScannedBlock {
  const found = matcher.scan(text);
  /** Generic law names that are another place's own law the knowledge has ("Colorado's AI Act"). */
  let owned: Candidate[] | undefined;
  let exact =
    found.length === 0
      ? found
      : found.filter((c, i) => {
          const owner = ownerOfAnotherLaw(text, c);
          if (owner !== undefined) {
            const law = placesOwnLaw(matcher, c, owner);
            if (law) {
              owned = owned ?? [];
              owned.push(law);
            }
            return false;
          }
          if (notPostedOn(text, c) || namesake(text, c, found) || tailOfLongerName(text, c)) return false;
          if (shoutedAcronym(text, c)) return false;
          if (insideKoreanWord(text, c) || insideKatakanaWord(text, c) || codeNameOfAnother(text, c)) return false;
          if (endOfHyphenName(text, c, found, i) || wordOfLongerName(text, c, found)) return false;
          // An acronym followed by another name the knowledge has stays that acronym.
          const next = found[i + 1];
          return !acronymOfLongerName(text, c) || (next !== undefined && next.start === c.end + 1);
        });
  if (owned) exact = [...exact, ...owned].sort((a, b) => a.start - b.start);
  const folded = matcher.scanCase(text, exact);
  let candidates = folded.length === 0 ? exact : [...exact, ...folded].sort((a, b) => a.start - b.start);
  const versions = makersVersions(matcher, text, candidates);
  if (versions.length > 0) candidates = [...candidates, ...versions].sort((a, b) => a.start - b.start);
  if (local) {
    // Surnames and short names of what the page has named in full before (local-names.ts).
    local.learn(text, candidates);
    candidates = local.retarget(candidates);
    const short = local.scan(text, candidates);
    if (short.length > 0) candidates = [...candidates, ...short].sort((a, b) => a.start - b.start);
  }
  // Most blocks of a page name nothing: no sets to build for them.
  if (candidates.length === 0) return { text, candidates, sure: NONE, cued: NONE };
  // A block names a handful of entities: arrays beat sets here. Index loops throughout: this
  // runs on every block, mostly before V8 optimises it, where `for…of` pays for an iterator.
  const sure: string[] = [];
  const cued: string[] = [];
  let brands: string[] | undefined;
  // Names in one sentence share its cue: it is worked out once per sentence.
  let from = -1;
  let to = -1;
  let cue = false;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as Candidate;
    if (!c.ambiguous) {
      if (!sure.includes(c.entityId)) sure.push(c.entityId);
      const space = c.alias.indexOf(' ');
      if (space > 0) {
        const brand = c.alias.slice(0, space);
        if (brands === undefined) brands = [brand];
        else if (!brands.includes(brand)) brands.push(brand);
      }
      continue;
    }
    const sentence = sentenceAround(text, c.start, c.end);
    const s = sentence[0];
    const e = sentence[1];
    if (s !== from || e !== to) {
      from = s;
      to = e;
      cue = sureWithin(candidates, s, e) || hasTopic(text.slice(s, e));
    }
    c.cue = cue;
    // An ordinary word's capital proves nothing at a sentence start, nor before an "s" read as a
    // German genitive: "Snaps Up" in an English headline is a verb.
    c.initialWord = COMMON_WORDS.has(c.alias) && (sentenceInitial(text, c.start) || germanGenitiveAt(text, c.end));
    if (c.initialWord && ADVERBS.has(c.alias) && text.charCodeAt(c.end) === 44 /* , */) c.opener = true;
    if (c.cue && !c.initialWord && !cued.includes(c.entityId)) cued.push(c.entityId);
  }
  return brands === undefined ? { text, candidates, sure, cued } : { text, candidates, sure, cued, brands };
}

/** True when an unambiguous name lies within `[from, to)`; `candidates` are in text order. */
function sureWithin(candidates: readonly Candidate[], from: number, to: number): boolean {
  for (let i = 0; i < candidates.length; i++) {
    const o = candidates[i] as Candidate;
    if (o.start >= to) return false;
    if (!o.ambiguous && o.start >= from && o.end <= to) return true;
  }
  return false;
}

const bump = (map: Map<string, number>, keys: readonly string[], by: number) => {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const n = (map.get(k) ?? 0) + by;
    if (n > 0) map.set(k, n);
    else map.delete(k);
  }
};

/** Page-wide evidence, kept as counts so blocks can come and go. */
export function createEvidence() {
  const sure = new Map<string, number>();
  const cued = new Map<string, number>();
  const brands = new Map<string, number>();
  /** Topic words of the blocks counted so far; `uncounted` blocks are counted when a verdict needs them. */
  let topicWords = 0;
  const uncounted = new Set<ScannedBlock>();
  const countAll = () => {
    for (const b of uncounted) {
      b.topicWords ??= countTopic(b.text, 4);
      topicWords += b.topicWords;
    }
    uncounted.clear();
  };
  return {
    add(b: ScannedBlock, sign: 1 | -1 = 1): void {
      bump(sure, b.sure, sign);
      bump(cued, b.cued, sign);
      if (b.brands) bump(brands, b.brands, sign);
      if (sign === 1) {
        if (b.topicWords === undefined) uncounted.add(b);
        else topicWords += b.topicWords;
      } else if (!uncounted.delete(b)) topicWords -= b.topicWords ?? 0;
    },
    verdict(): Verdict {
      const entities = sure.size;
      // Topic words only decide pages naming one to three entities: the more names, the fewer
      // words it takes (three names and "データセンター" are AI news; one name needs four words).
      // A page whose only names are ambiguous needs four words too, and one of those names in a
      // sentence with a cue ("AI search company Perplexity"): a suit against Perplexity is AI news.
      if (entities >= 4) return { relevant: true, entities };
      if (entities === 0 && cued.size === 0) return { relevant: false, entities };
      countAll();
      return {
        relevant: (entities >= 3 && topicWords >= 1) || (entities >= 2 && topicWords >= 2) || topicWords >= 4,
        entities,
      };
    },
    isConfirmed: (id: string) => sure.has(id) || cued.has(id),
    /** Whether the page names, without doubt, a longer name that starts with this word ("Mistral Medium 3.5"). */
    isBrand: (word: string) => brands.has(word),
    /** Changes whenever a decision about some ambiguous name could change. */
    signature: () =>
      `${[...sure.keys()].sort().join()}|${[...cued.keys()].sort().join()}|${[...brands.keys()].sort().join()}`,
  };
}

/** Page-wide evidence. */
export type Evidence = ReturnType<typeof createEvidence>;

const strip = ({ start, end, entityId, alias }: Candidate): Mention => ({ start, end, entityId, alias });

/**
 * Whether a reader would expect this candidate highlighted. An ambiguous alias ("Amazon",
 * "Gemini") counts when its sentence has a cue (another name, a topic word), or when the page
 * confirms the entity elsewhere (an unambiguous alias, or a cued mention, or a longer name that
 * starts with it: "Mistral Medium 3.5" makes "Mistral" the company); an ordinary word at a
 * sentence start ("Scale") only in the second case, and never as an adverb before a comma
 * ("Together, they…").
 */
export const accepts = (c: Candidate, evidence: Evidence): boolean =>
  !c.ambiguous ||
  (c.cue && !c.initialWord) ||
  (!c.opener && (evidence.isConfirmed(c.entityId) || evidence.isBrand(c.alias)));

/** The mentions of one block a reader would expect (see {@link accepts}). */
export const decideBlock = (block: ScannedBlock, evidence: Evidence): Mention[] =>
  block.candidates.filter((c) => accepts(c, evidence)).map(strip);

/**
 * Keeps the mentions a reader would expect on a whole page: nothing on a page that is not
 * AI news (unless `force`), and ambiguous names only with evidence (see {@link decideBlock}).
 */
export function resolveMentions(
  blocks: readonly ScannedBlock[],
  options: { force?: boolean } = {},
): { verdict: Verdict; mentions: Mention[][] } {
  const evidence = createEvidence();
  for (const b of blocks) evidence.add(b);
  const verdict = evidence.verdict();
  if (!verdict.relevant && !options.force) return { verdict, mentions: blocks.map(() => []) };
  return { verdict, mentions: blocks.map((b) => decideBlock(b, evidence)) };
}
