// The hand-labelled corpus in tests/fixtures/corpus, and how predictions are scored against it.
// Shared by `npm run eval` and the unit test that keeps the matcher at its targets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { INLINE, SKIP } from '../src/content/scan';
import type { Category } from '../src/knowledge/schema';
import type { Matcher } from '../src/match';
import { resolveMentions, scanBlock } from '../src/match';
import { createLocalNames } from '../src/match/local-names';

export const CORPUS_DIR = 'tests/fixtures/corpus';

/** A page's labels: is it AI news, and every mention a careful reader would highlight, in order. */
export type Label = { ai: boolean; mentions: { text: string; entity: string }[] };

/** True positives, false positives and false negatives. */
export type Tally = { tp: number; fp: number; fn: number };

/** Every page of the corpus with its labels. */
export function loadCorpus(): { file: string; html: string; label: Label }[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({
      file,
      html: readFileSync(join(CORPUS_DIR, file), 'utf8'),
      label: JSON.parse(readFileSync(join(CORPUS_DIR, file.replace(/\.html$/, '.json')), 'utf8')) as Label,
    }));
}

// The content script's own lists, so the corpus is read in the same blocks.
const SKIP_SELECTOR = [...SKIP].join(', ');

/** Blocks of visible prose, as the content script joins them (across inline markup). */
export function proseBlocks(html: string): string[] {
  const window = new Window();
  window.document.write(html);
  const doc = window.document;
  for (const el of [...doc.querySelectorAll(SKIP_SELECTOR)]) el.remove();
  for (const el of [...doc.querySelectorAll('[hidden], [style*="display:none"], [style*="display: none"]')])
    el.remove();
  const blocks: string[] = [];
  let current = '';
  let owner: unknown = null;
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let el = n.parentElement;
    while (el && INLINE.has(el.tagName.toLowerCase()) && el.parentElement) el = el.parentElement;
    if (el !== owner) {
      if (current.trim()) blocks.push(current);
      current = '';
      owner = el;
    }
    current += n.textContent ?? '';
  }
  if (current.trim()) blocks.push(current);
  window.close();
  return blocks;
}

/** A comparable key: matched text and entity (or category). */
export const key = (a: string, b: string) => `${a}\u0000${b}`;

/** Scores predicted keys against expected ones (as multisets) into per-group tallies. */
export function compare(
  predicted: string[],
  expected: string[],
  tallies: Map<string, Tally>,
  group: (k: string) => string,
) {
  const want = new Map<string, number>();
  for (const k of expected) want.set(k, (want.get(k) ?? 0) + 1);
  const misses: string[] = [];
  const extras: string[] = [];
  const tally = (k: string) => {
    const g = group(k);
    let t = tallies.get(g);
    if (!t) {
      t = { tp: 0, fp: 0, fn: 0 };
      tallies.set(g, t);
    }
    return t;
  };
  for (const k of predicted) {
    const left = want.get(k) ?? 0;
    if (left > 0) {
      tally(k).tp++;
      want.set(k, left - 1);
    } else {
      tally(k).fp++;
      extras.push(k.replace('\u0000', ' → '));
    }
  }
  for (const [k, n] of want) {
    if (n === 0) continue;
    tally(k).fn += n;
    for (let i = 0; i < n; i++) misses.push(k.replace('\u0000', ' → '));
  }
  return { misses, extras };
}

/** The mentions a reader would see in a page's blocks, as the content script decides them: text and entity, in order. */
function mentionsIn(matcher: Matcher, blocks: readonly string[]): { text: string; entity: string }[] {
  const local = createLocalNames(matcher);
  const { mentions } = resolveMentions(blocks.map((b) => scanBlock(matcher, b, local)));
  return mentions.flatMap((list, i) =>
    list.map((m) => ({ text: blocks[i]?.slice(m.start, m.end) ?? '', entity: m.entityId })),
  );
}

/** One page's misses and extras, when there are any and a log is wanted. */
function logDifferences(log: ((line: string) => void) | undefined, file: string, misses: string[], extras: string[]) {
  if (log && (misses.length || extras.length))
    log(`${file}\n  missed: ${misses.join(', ')}\n  extra: ${extras.join(', ')}`);
}

/** The tallies of several groups added up. */
export const sumTallies = (tallies: Map<string, Tally>): Tally =>
  [...tallies.values()].reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });

type Labelled = { text: string; entity: string };

/**
 * Keys for what was found, each scored as the labelled text of its entity it overlaps: a
 * highlight of "Microsoft" where the label says "Microsoft Corporation" found the name (the
 * table leaves out aliases that only lengthen another, name-index.ts), and so did "Optimus robot"
 * for "Optimus".
 */
function pairLoosely(found: readonly Labelled[], expected: readonly Labelled[]): string[] {
  const left = [...expected];
  return found.map((p) => {
    let at = left.findIndex((e) => e.entity === p.entity && e.text === p.text);
    if (at === -1)
      at = left.findIndex((e) => e.entity === p.entity && (e.text.includes(p.text) || p.text.includes(e.text)));
    const label = at === -1 ? p.text : (left.splice(at, 1)[0]?.text ?? p.text);
    return key(label, p.entity);
  });
}

/** Runs the pure matcher on every page; tallies by category, and counts names found on non-AI pages. */
export function evaluateMatcher(
  matcher: Matcher,
  categoryOf: (id: string) => Category | undefined,
  log?: (line: string) => void,
) {
  const tallies = new Map<string, Tally>();
  let nonAi = 0;
  for (const { file, html, label } of loadCorpus()) {
    const predicted = pairLoosely(mentionsIn(matcher, proseBlocks(html)), label.mentions);
    if (!label.ai) nonAi += predicted.length;
    const expected = label.mentions.map((m) => key(m.text, m.entity));
    const { misses, extras } = compare(
      predicted,
      expected,
      tallies,
      (k) => categoryOf(k.split('\u0000')[1] ?? '') ?? 'company',
    );
    logDifferences(log, file, misses, extras);
  }
  return { tallies, nonAi };
}

/** Precision and recall of a tally (1 when there is nothing to count). */
export const precision = (t: Tally) => t.tp / (t.tp + t.fp || 1);
export const recall = (t: Tally) => t.tp / (t.tp + t.fn || 1);

export const REAL_DIR = 'tests/fixtures/real';

/**
 * A real news excerpt (2025–26, found with the library's search, labelled by a reader who had not
 * seen Backstory's output): its text, language, whether it is AI news, and the mentions a careful
 * reader would highlight. `unknown` lists names the knowledge lacked when it was labelled.
 */
export type RealPage = {
  url: string;
  lang: string;
  ai: boolean;
  published?: string;
  text: string;
  mentions: { text: string; entity: string }[];
  unknown?: string[];
};

/** Every real excerpt, by file name. */
export function loadReal(): { file: string; page: RealPage }[] {
  return readdirSync(REAL_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, page: JSON.parse(readFileSync(join(REAL_DIR, file), 'utf8')) as RealPage }));
}

/**
 * True when a highlight finds a name the labeller marked unknown: it holds the name, or the name
 * is now one of its entity's aliases and the highlight is how the table writes it ("RTX Spark" of
 * "RTX Spark Superchip": the table leaves out aliases that only lengthen another, name-index.ts).
 */
const findsUnknown = (
  f: { text: string; entity: string },
  unknown: readonly string[],
  aliasesOf: (id: string) => readonly string[],
) => unknown.some((u) => f.text.includes(u) || (u.startsWith(f.text) && aliasesOf(f.entity).includes(u)));

/**
 * The labelled mentions of a page, plus the highlights that find a name the labeller marked as
 * real but unknown to the knowledge then ("英偉達", "Tim Cook"): right when the highlight holds
 * the name ("Optimus" in "Optimus robot"), and then each time its entity is lit on the page
 * ("Cook" after "Tim Cook"), since the labeller listed each unknown name once, in its fullest
 * form. Its entity was checked by hand when the name was added.
 */
export function withUnknownFound(
  labels: readonly { text: string; entity: string }[],
  found: readonly { text: string; entity: string }[],
  unknown: readonly string[],
  aliasesOf: (id: string) => readonly string[] = () => [],
): { text: string; entity: string }[] {
  const expected = [...labels];
  const credited = new Set(found.filter((f) => findsUnknown(f, unknown, aliasesOf)).map((f) => f.entity));
  const labelled = new Map<string, number>();
  for (const m of expected) labelled.set(m.text, (labelled.get(m.text) ?? 0) + 1);
  for (const f of found) {
    if (!credited.has(f.entity)) continue;
    const left = labelled.get(f.text) ?? 0;
    if (left > 0) labelled.set(f.text, left - 1);
    else expected.push(f);
  }
  return expected;
}

/**
 * Runs the pure matcher on the real excerpts (paragraphs are blocks), tallied by category, for
 * English and for other languages apart; counts names found on pages that are not AI news.
 * Labels of generic technologies (memory standards such as HBM4) are left out: Backstory leaves
 * them unlit by design (docs/knowledge.md).
 */
export function evaluateReal(
  matcher: Matcher,
  entityOf: (id: string) => { category: Category; generic?: boolean; aliases?: readonly string[] } | undefined,
  log?: (line: string) => void,
) {
  const english = new Map<string, Tally>();
  const other = new Map<string, Tally>();
  /** Distinct names a reader would look up on each AI page, and those the knowledge still lacks. */
  const coverage = { en: { names: 0, lacking: [] as string[] }, other: { names: 0, lacking: [] as string[] } };
  let nonAi = 0;
  for (const { file, page } of loadReal()) {
    const found = mentionsIn(matcher, page.text.split(/\n\s*\n/));
    if (!page.ai) {
      // Nothing is highlighted on a page that is not AI news: its labels are not scored.
      nonAi += found.length;
      if (log && found.length) log(`${file} (not AI news)\n  extra: ${found.map((f) => f.text).join(', ')}`);
      continue;
    }
    const unknown = [...new Set(page.unknown ?? [])];
    const aliasesOf = (id: string) => entityOf(id)?.aliases ?? [];
    const expected = withUnknownFound(
      page.mentions.filter((m) => !entityOf(m.entity)?.generic),
      found,
      unknown,
      aliasesOf,
    );
    const tally = page.lang === 'en' ? coverage.en : coverage.other;
    tally.names += new Set([...page.mentions.map((m) => m.text), ...unknown]).size;
    for (const name of unknown)
      if (!found.some((f) => findsUnknown(f, [name], aliasesOf))) tally.lacking.push(`${name} (${file})`);
    const predicted = pairLoosely(found, expected);
    const { misses, extras } = compare(
      predicted,
      expected.map((m) => key(m.text, m.entity)),
      page.lang === 'en' ? english : other,
      (k) => entityOf(k.split('\u0000')[1] ?? '')?.category ?? 'company',
    );
    logDifferences(log, file, misses, extras);
  }
  return { english, other, nonAi, coverage };
}
