import { describe, expect, it } from 'vitest';
import {
  codePointBefore,
  isCapitalOrDigitCode,
  isDigitCode,
  isLetterOrDigitCode,
  isUnspacedScript,
  isWordCode,
} from '../../src/match/chars';
import { countTopic } from '../../src/match/relevance';

/** Every code point where `fast` and the Unicode property RegExp disagree. */
function disagreements(fast: (c: number) => boolean, exact: RegExp, unspaced = true): number[] {
  const out: number[] = [];
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    // Scripts written without spaces (CJK, kana, Hangul) count as no word for boundaries.
    const want = exact.test(String.fromCodePoint(c)) && (unspaced || !isUnspacedScript(c));
    if (fast(c) !== want) out.push(c);
  }
  return out;
}

describe('character classes answered without a RegExp where they can be', () => {
  it('agree with the Unicode property classes on every code point', () => {
    expect(disagreements(isWordCode, /^[\p{L}\p{M}\p{N}]$/u, false)).toEqual([]);
    expect(disagreements(isLetterOrDigitCode, /^[\p{L}\p{N}]$/u, false)).toEqual([]);
    expect(disagreements(isDigitCode, /^\p{N}$/u)).toEqual([]);
    expect(disagreements(isCapitalOrDigitCode, /^[\p{Lu}\p{N}]$/u)).toEqual([]);
  });
  it('reads a surrogate pair before a position whole, and a lone half as itself', () => {
    expect(codePointBefore('a𝐀', 3)).toBe(0x1d400);
    expect(codePointBefore('a\udc00', 2)).toBe(0xdc00);
    expect(codePointBefore('ab', 2)).toBe(98);
  });
});

// What topic words were counted with before: one RegExp with Unicode lookarounds.
// Characters of unspaced scripts (ナ) count as no word now: a topic word may touch them.
// biome-ignore lint/complexity/useRegexLiterals: the `v` flag is newer than the TypeScript target.
const TOPIC_BEFORE = new RegExp(
  String.raw`(?<![[\p{L}\p{N}]--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]])(?:AI|A\.I\.|[Aa]rtificial [Ii]ntelligence|[Mm]achine learning|LLMs?|[Ll]arge language models?|[Gg]enerative|[Cc]hatbots?|[Mm]odels?|GPUs?|[Cc]hips?|[Ss]emiconductors?|[Dd]ata cent(?:er|re)s?|[Cc]loud|[Ss]tartups?|[Nn]eural networks?|[Ii]nference|[Cc]ompute|[Aa]ntitrust|[Ss]oftware|[Aa]lgorithms?|[Tt]ech(?:nology)?)(?![[\p{L}\p{N}]--[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]])`,
  'gv',
);
const countBefore = (text: string, cap: number) => {
  TOPIC_BEFORE.lastIndex = 0;
  let n = 0;
  while (n < cap && TOPIC_BEFORE.exec(text)) n++;
  return n;
};

describe('topic words', () => {
  it('count only words of their own, in any script', () => {
    expect(countTopic('AI models run on GPUs in data centres.', 9)).toBe(4);
    expect(countTopic('AIs, Modelsx, éAI, AIé, 3AI, Technologyx, A.I.s', 9)).toBe(0);
    expect(countTopic('“AI”—models’ chips…', 9)).toBe(3);
    expect(countTopic('AI AI AI AI AI', 4)).toBe(4);
  });
  it('counts what the Unicode RegExp counted, on 100,000 random texts', () => {
    const pieces = [
      'AI',
      'A.I.',
      'Models',
      'model',
      'Tech',
      'technology',
      'Data centres',
      'chips',
      'LLM',
      'x',
      's',
      'é',
      '\u0301',
      '’',
      '—',
      ' ',
      '.',
      '3',
      '𝐀',
      'ナ',
      '\u00a0',
    ];
    let seed = 11;
    const pick = (k: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % k;
    };
    const differ: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      let text = '';
      for (let j = 1 + pick(8); j > 0; j--) text += pieces[pick(pieces.length)];
      if (countTopic(text, 4) !== countBefore(text, 4)) differ.push(text);
    }
    expect(differ).toEqual([]);
  });
});
