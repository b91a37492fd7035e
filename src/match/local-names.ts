import { COMMON_WORDS } from './common-words';
import type { Candidate, Matcher } from './matcher';

/** Words that end a company's name without being its name ("Thinking Machines Lab" → "Thinking Machines"). */
const SUFFIX = /\s+(?:Labs?|AI|Inc\.?|Technologies|Systems|Corp\.?|Corporation|Group|Holdings|Computing|Robotics)$/;

const isName = (word: string) => /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(word) && !COMMON_WORDS.has(word);

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
  let pattern: RegExp | null = null;
  const add = (short: string, from: Candidate) => {
    if (short.length < 4 || names.has(short) || matcher.scan(short).length > 0) return;
    names.set(short, from);
    pattern = null;
  };
  return {
    /** Learns the short names of this block's sure mentions. */
    learn(candidates: readonly Candidate[]): void {
      for (const c of candidates) {
        if (c.ambiguous || !c.alias.includes(' ')) continue;
        if (c.category === 'person') {
          const last = c.alias.split(' ').at(-1) ?? '';
          if (isName(last)) add(last, c);
        } else if (c.category === 'company' && SUFFIX.test(c.alias)) {
          const short = c.alias.replace(SUFFIX, '');
          if (short.includes(' ') && short.split(' ').every((w) => /^[A-Z]/.test(w))) add(short, c);
        }
      }
    },
    /** The short names in a text, where no other name was found. */
    scan(text: string, found: readonly Candidate[]): Candidate[] {
      if (names.size === 0) return [];
      pattern ??= new RegExp(
        `(?<![\\p{L}\\p{M}\\p{N}])(?:${[...names.keys()].sort((a, b) => b.length - a.length).join('|')})(?:['’]s)?(?![\\p{L}\\p{M}\\p{N}])`,
        'gu',
      );
      const out: Candidate[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const word = m[0].replace(/['’]s$/, '');
        const start = m.index;
        const end = start + word.length;
        if (found.some((c) => c.start < end && start < c.end)) continue;
        const from = names.get(word);
        if (!from) continue;
        out.push({ ...from, start, end, alias: word, cue: true, initialWord: false });
      }
      return out;
    },
    clear(): void {
      names.clear();
      pattern = null;
    },
  };
}

/** Short names learnt on one page. */
export type LocalNames = ReturnType<typeof createLocalNames>;
