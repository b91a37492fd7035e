/**
 * What kind of character sits at a position: word characters (letters, marks and digits of any
 * script), digits, capitals. ASCII, Latin-1 and the General Punctuation block (curly quotes,
 * dashes, special spaces: what stands next to names on most pages) are answered with
 * arithmetic. Anything else asks a Unicode property RegExp, made on first use: compiling one
 * costs V8 0.2–0.5 ms, and most pages never need one.
 */

let word: RegExp | null = null;
let letterOrDigit: RegExp | null = null;
let digit: RegExp | null = null;
let capitalOrDigit: RegExp | null = null;

/**
 * True for a German genitive "s" at `end`, right after a name: "Nvidias Chips", "Trumps Ungnade".
 * It follows a lower-case letter (names ending in s, x or z take an apostrophe instead) and comes
 * before a space and a capital, as German nouns are written, or a brand with a small letter first
 * ("Musks xAI"); "the Amazons of myth" is a word.
 */
export function germanGenitiveAt(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 115 || text.charCodeAt(end + 1) !== 32) return false;
  const before = text.charCodeAt(end - 1);
  if (before < 97 || before > 122 || before === 115 || before === 120 || before === 122) return false;
  const next = text.charCodeAt(end + 2);
  if ((next >= 65 && next <= 90) || next === 0xc4 || next === 0xd6 || next === 0xdc) return true;
  // A brand written with a small letter first: "Elon Musks xAI", "Apples iPhone".
  const after = text.charCodeAt(end + 3);
  return next >= 97 && next <= 122 && after >= 65 && after <= 90;
}

/**
 * Full-width digits, capitals and small letters, the full-width hyphen, full stop and ampersand,
 * and Unicode's own hyphens (U+2010, and U+2011, which OpenAI's pages put in "GPT‑5.6").
 */
const WIDE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d\uff0e\uff06\u2010\u2011]/g;

/**
 * The text with full-width Latin letters, digits and the marks names use in them read as ASCII
 * ("チャットＧＰＴ", "ＧＰＴ－５．５", as Japanese papers write them), and a hyphen of any kind as
 * "-" ("GPT‑5.6" with a non-breaking hyphen). One character for one, so offsets stay the page's;
 * the text itself when there is none, which is nearly always.
 */
export function asciiForms(text: string): string {
  WIDE.lastIndex = 0;
  if (!WIDE.test(text)) return text;
  return text.replace(WIDE, (c) => (c < '\uff00' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** True for an ASCII letter or digit. */
export const asciiWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Latin-1's digits: ² ³ ¹ ¼ ½ ¾. */
const latin1Digit = (c: number) => c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);

/** Latin-1's letters: ª µ º and À–ÿ but × and ÷. */
const latin1Letter = (c: number) => c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);

/** General Punctuation (U+2000–U+206F) holds no letter, mark or digit. */
const generalPunctuation = (c: number) => c >= 0x2000 && c <= 0x206f;

/** Hangul syllables (가–힯): Korean as it is written. */
export const isHangulSyllable = (c: number): boolean => c >= 0xac00 && c <= 0xd7af;

/**
 * Scripts written without spaces between words: CJK ideographs, kana, Hangul (and their
 * punctuation and full-width forms). A name right beside them is still a name ("英伟达的Nvidia
 * H20", "생성형AI"), so for boundaries they count as no word at all.
 */
export const isUnspacedScript = (c: number): boolean =>
  (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
  isHangulSyllable(c) ||
  (c >= 0x1100 && c <= 0x11ff) || // Hangul jamo
  (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
  (c >= 0xff00 && c <= 0xffef) || // half- and full-width forms
  (c >= 0x20000 && c <= 0x3ffff); // CJK extensions

/** True for a letter, mark or digit of any script (`\p{L}`, `\p{M}`, `\p{N}`), by code point. */
export function isWordCode(c: number): boolean {
  if (c < 128) return asciiWord(c);
  if (c < 256) return latin1Letter(c) || latin1Digit(c);
  if (generalPunctuation(c) || isUnspacedScript(c)) return false;
  word ??= /[\p{L}\p{M}\p{N}]/u;
  return word.test(String.fromCodePoint(c));
}

/** True for a letter or digit of any script (`\p{L}`, `\p{N}`; marks are not), by code point. */
export function isLetterOrDigitCode(c: number): boolean {
  if (c < 128) return asciiWord(c);
  if (c < 256) return latin1Letter(c) || latin1Digit(c);
  if (generalPunctuation(c) || isUnspacedScript(c)) return false;
  letterOrDigit ??= /[\p{L}\p{N}]/u;
  return letterOrDigit.test(String.fromCodePoint(c));
}

/** True for a digit of any script (`\p{N}`), by code point. */
export function isDigitCode(c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57;
  if (c < 256) return latin1Digit(c);
  if (generalPunctuation(c)) return false;
  digit ??= /\p{N}/u;
  return digit.test(String.fromCodePoint(c));
}

/** True for a capital letter or a digit of any script (`\p{Lu}`, `\p{N}`), by code point. */
export function isCapitalOrDigitCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (generalPunctuation(c)) return false;
  capitalOrDigit ??= /[\p{Lu}\p{N}]/u;
  return capitalOrDigit.test(String.fromCodePoint(c));
}

/** The code point that ends just before `i` (a surrogate pair taken whole). */
export function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(i - 2) as number;
  }
  return low;
}
