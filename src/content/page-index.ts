import type { Category } from '../knowledge/categories';
import {
  accepts,
  type Candidate,
  createEvidence,
  type Matcher,
  type ScannedBlock,
  scanBlock,
  type Verdict,
} from '../match';
import { createLocalNames } from '../match/local-names';
import type { Change, Scope } from './observe';
import type { Placed } from './paint';
import { covers, LazyPlaced, visible } from './placed';
import { collectBlocks, type Segment, segmentIndex, type TextBlock } from './scan';
import { type SliceTimer, sliceTimer } from './slice';
import { pageStructure, type Structure, WHOLE_PAGE } from './structure';
import { nearViewport } from './viewport';

/** A block longer than this (one huge text node, or a paragraph of thousands) is scanned in pieces. */
const LONG_BLOCK = 32_768;

/**
 * Scans a huge block in pieces of about {@link LONG_BLOCK} characters cut after a sentence's end
 * (a name does not run across one), giving the main thread back between pieces: a 5 MB text
 * node would otherwise be one long task. The pieces' findings are put together as one block's.
 */
async function scanLongBlock(
  matcher: Matcher,
  text: string,
  local: ReturnType<typeof createLocalNames>,
  t: SliceTimer,
  signal?: AbortSignal,
): Promise<ScannedBlock> {
  const candidates: Candidate[] = [];
  const sure = new Set<string>();
  const cued = new Set<string>();
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + LONG_BLOCK);
    if (to < text.length) {
      // After the last sentence end in the piece's second half, or else its last space.
      const half = from + LONG_BLOCK / 2;
      const stop = Math.max(text.lastIndexOf('. ', to), text.lastIndexOf('\n', to));
      const space = text.lastIndexOf(' ', to);
      to = stop > half ? stop + 2 : space > half ? space + 1 : to;
    }
    const piece = scanBlock(matcher, text.slice(from, to), local);
    for (const c of piece.candidates) {
      c.start += from;
      c.end += from;
      candidates.push(c);
    }
    for (const id of piece.sure) sure.add(id);
    for (const id of piece.cued) cued.add(id);
    from = to;
    if (t.expired()) await t.next(signal);
  }
  return { text, candidates, sure: [...sure], cued: [...cued] };
}

/** One block of the page, its analysis and the mentions placed in it. */
export type Entry = {
  block: TextBlock;
  scanned: ScannedBlock;
  placed: Placed[];
  /** The text nodes its placed mentions cover: the keys it has in the hit-testing map. */
  hits?: Text[];
};

/** What an update changed: unpaint `removed`, paint `added`. */
export type Diff = { added: Placed[]; removed: Placed[] };

const before = (a: Entry, b: Entry) => {
  const x = a.block.segments[0]?.node;
  const y = b.block.segments[0]?.node;
  return !!x && !!y && (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
};

const alive = (e: Entry) => e.block.segments.every((s) => s.node.isConnected);

/** A block with more candidates than this is placed a slice at a time. */
const MANY_CANDIDATES = 256;

/** Pages with more text than this are scanned on-screen blocks first, the rest when idle. */
const LONG_PAGE = 30_000;

/** Headings start a section: the calm style shows each name's first mention in every section. */
const HEADING = /^h[1-6]$/;

/**
 * Everything Backstory knows about the page, block by block, kept up to date as the page
 * changes: only changed blocks are rescanned, and decisions are redone only when page-wide
 * evidence changes (a first sure name, the page turning out to be AI news). Each open shadow
 * root a scan finds is handed to `onShadowRoot`.
 */
export function createPageIndex(matcher: Matcher, onShadowRoot?: (root: ShadowRoot) => void) {
  let entries: Entry[] = [];
  let forced = false;
  let decidedFor = '';
  /** Categories the reader wants highlighted (options page). */
  let wanted: (category: Category) => boolean = () => true;
  let wantedKey = '';
  let flat: Placed[] | null = null;
  const evidence = createEvidence();
  /** Where the page's article is, decided at each full scan (structure.ts); the whole page when the reader asks. */
  let wholePage = false;
  let structure: Structure = WHOLE_PAGE;
  /** Surnames and short names the page has earned by naming someone in full (local-names.ts). */
  const local = createLocalNames(matcher);
  /** Text node → the block it belongs to, for hit-testing. */
  const byNode = new Map<Text, Entry>();
  /** Block element → its blocks (an element split by nested blocks has several). */
  const byElement = new Map<Element, Entry[]>();

  /** Bumped whenever placements change: the calm classification is redone when asked after that. */
  let version = 0;
  let classified = -1;
  const quiet = new WeakSet<Placed>();

  /**
   * Which mentions a calm page shows in full: every one in the article's first screen, and the
   * first mention of each name in every section (a heading starts one); the rest are quiet.
   * One pass in page order, with a layout read per block only until the first screen ends.
   */
  const classify = () => {
    if (classified === version) return;
    classified = version;
    let seen = new Set<string>();
    let screenBottom = -1;
    let firstScreen = true;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as Entry;
      if (HEADING.test(e.block.element.localName)) seen = new Set();
      if (e.placed.length === 0) continue;
      if (firstScreen) {
        const top = e.block.element.getBoundingClientRect().top + window.scrollY;
        if (screenBottom === -1) screenBottom = top + window.innerHeight;
        else if (top > screenBottom) firstScreen = false;
      }
      for (let k = 0; k < e.placed.length; k++) {
        const p = e.placed[k] as Placed;
        const first = !seen.has(p.entityId);
        seen.add(p.entityId);
        if (firstScreen || first) quiet.delete(p);
        else quiet.add(p);
      }
    }
  };

  /** Mentions per entity, kept as blocks come and go: the popup and badge ask on every change. */
  const counts = new Map<string, number>();
  const clearPlaced = (entry: Entry): void => {
    version++;
    for (const p of entry.placed) {
      const n = (counts.get(p.entityId) ?? 0) - 1;
      if (n > 0) counts.set(p.entityId, n);
      else counts.delete(p.entityId);
    }
    entry.placed = [];
    if (entry.hits) for (const node of entry.hits) if (byNode.get(node) === entry) byNode.delete(node);
    entry.hits = undefined;
  };

  // Index loops below: this runs once per mention, mostly before V8 optimises it, where
  // `for…of` pays for an iterator.
  /** Places the block's candidates `from`..`to` (the reader's categories, visible text only). */
  const placeSome = (entry: Entry, from: number, to: number, seen: Map<Element, boolean>): void => {
    const { block } = entry;
    const candidates = entry.scanned.candidates;
    for (let i = from; i < to; i++) {
      const m = candidates[i] as Candidate;
      // "Highlight anyway" is the reader overruling relevance: what was held back, ambiguous names too.
      if (!(forced || accepts(m, evidence)) || !wanted(m.category)) continue;
      let k = segmentIndex(block, m.start, false);
      const seg = block.segments[k] as Segment;
      if (!visible(seg.parent, seen)) continue;
      entry.placed.push(
        new LazyPlaced(m.entityId, m.category, block, seg.node, m.start - seg.start, m.end, m.alias, m.generation),
      );
      counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      // Findable from each text node it covers (most mentions sit in one).
      entry.hits ??= [];
      const hits = entry.hits;
      for (let s: Segment | undefined = seg; s && s.start < m.end; s = block.segments[++k]) {
        byNode.set(s.node, entry);
        hits.push(s.node);
      }
    }
  };
  const place = (entry: Entry, active: boolean, seen: Map<Element, boolean>): void => {
    clearPlaced(entry);
    if (!active) return;
    placeSome(entry, 0, entry.scanned.candidates.length, seen);
    version++;
  };
  /**
   * {@link place} for a block with thousands of candidates (a paragraph of 100,000 text nodes),
   * a slice at a time.
   */
  const placeLong = async (
    entry: Entry,
    seen: Map<Element, boolean>,
    timer: SliceTimer,
    signal: AbortSignal,
  ): Promise<void> => {
    clearPlaced(entry);
    const n = entry.scanned.candidates.length;
    for (let from = 0; from < n; from += MANY_CANDIDATES) {
      placeSome(entry, from, Math.min(n, from + MANY_CANDIDATES), seen);
      if (timer.expired()) await timer.next(signal);
    }
    version++;
  };

  const unplace = (entry: Entry): void => {
    clearPlaced(entry);
    const list = byElement.get(entry.block.element);
    const rest = list?.filter((e) => e !== entry) ?? [];
    if (rest.length > 0) byElement.set(entry.block.element, rest);
    else byElement.delete(entry.block.element);
  };

  /** Blocks under these roots: the roots' own, then their descendants' (no pass over the whole page). */
  const staleUnder = (roots: readonly Scope[]): Entry[] => {
    const out: Entry[] = [];
    for (const root of roots) {
      if (root.nodeType === Node.ELEMENT_NODE) out.push(...(byElement.get(root as Element) ?? []));
      if (byElement.size === 0) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(...(byElement.get(n as Element) ?? []));
    }
    return out;
  };

  return {
    /**
     * Rescans what a change touched (or the whole page) and returns what to paint and unpaint.
     * Blocks under the change's roots, and blocks that lost a node, are dropped and collected again.
     */
    async update(change: Change, timer: SliceTimer, signal: AbortSignal, early?: (diff: Diff) => void): Promise<Diff> {
      const removed: Placed[] = [];
      const all = change === 'all';
      // A full scan starts in a task of its own, apart from whatever work led to it.
      if (all) {
        await timer.next(signal);
        local.clear();
        structure = wholePage ? WHOLE_PAGE : pageStructure(document);
      }
      const fresh: Scope[] = all ? [document.body ?? document.documentElement] : [...change.roots];
      const stale = new Set<Entry>(all ? entries : staleUnder(fresh));
      // Only a batch that removed nodes can leave blocks with text that left the page.
      if (!all && change.removals) for (const e of entries) if (!alive(e)) stale.add(e);
      for (const e of stale) {
        if (!all && e.block.element.isConnected) fresh.push(e.block.element);
        evidence.add(e.scanned, -1);
        for (const p of e.placed) removed.push(p);
        unplace(e);
      }
      const keep = all || stale.size === 0 ? entries : entries.filter((e) => !stale.has(e));
      // Outermost roots only: a root inside another is collected with it.
      const outer = fresh.filter((r, i) => r.isConnected && !fresh.some((o, j) => j !== i && o !== r && o.contains(r)));
      const unique = [...new Set(outer)];
      const blocks: TextBlock[] = [];
      for (const root of unique) blocks.push(...(await collectBlocks(root, timer, signal, onShadowRoot, structure)));

      const scanned: Entry[] = new Array(blocks.length);
      // The clock is read every few kilobytes of text, not after every block.
      let sinceCheck = 0;
      const scan = async (from: number, to: number, t: SliceTimer) => {
        for (let i = from; i < to; i++) {
          const block = blocks[i] as TextBlock;
          const scannedBlock =
            block.text.length > LONG_BLOCK
              ? await scanLongBlock(matcher, block.text, local, t, signal)
              : scanBlock(matcher, block.text, local);
          const entry: Entry = { block, scanned: scannedBlock, placed: [] };
          evidence.add(entry.scanned);
          scanned[i] = entry;
          sinceCheck += block.text.length;
          if (sinceCheck > 4096) {
            sinceCheck = 0;
            if (t.expired()) await t.next(signal);
          }
        }
      };
      const index = (list: readonly Entry[]) => {
        for (const e of list) {
          const at = byElement.get(e.block.element);
          if (at) at.push(e);
          else byElement.set(e.block.element, [e]);
        }
      };

      // A long page: what the reader sees is scanned and painted first, the rest when the page is idle.
      let text = 0;
      if (all && early) for (const b of blocks) text += b.text.length;
      const [from, to] = text > LONG_PAGE ? await nearViewport(blocks, signal) : [0, blocks.length];
      await scan(from, to, timer);
      if (from > 0 || to < blocks.length) {
        const first = scanned.slice(from, to);
        entries = first;
        index(first);
        flat = null;
        const shown = await this.decide(timer, signal, first);
        early?.({ removed: [...removed, ...shown.removed], added: shown.added });
        removed.length = 0;
        const idle = sliceTimer(undefined, true);
        await idle.next(signal);
        await scan(0, from, idle);
        await scan(to, blocks.length, idle);
        const rest = [...scanned.slice(0, from), ...scanned.slice(to)];
        entries = scanned;
        index(rest);
        flat = null;
        const decided = await this.decide(idle, signal, rest);
        return { removed: decided.removed, added: decided.added };
      }

      const added = scanned;
      entries = all ? added : merge(keep, added);
      if (timer.expired()) await timer.next(signal);
      index(added);
      flat = null;
      const decided = await this.decide(timer, signal, added);
      return { removed: [...removed, ...decided.removed], added: decided.added };
    },

    /** Places mentions for `fresh` entries, or for all when page-wide evidence changed. */
    async decide(timer: SliceTimer, signal: AbortSignal, fresh: Entry[] = []): Promise<Diff> {
      const active = evidence.verdict().relevant || forced;
      const key = `${active}|${wantedKey}|${evidence.signature()}`;
      const redo = key !== decidedFor;
      decidedFor = key;
      const removed: Placed[] = [];
      const targets = redo ? entries : fresh;
      if (redo) {
        for (const e of entries) {
          removed.push(...e.placed);
          e.hits = undefined;
        }
        byNode.clear();
      }
      flat = null;
      const seen = new Map<Element, boolean>();
      const added: Placed[] = [];
      for (let i = 0; i < targets.length; i++) {
        const e = targets[i] as Entry;
        if (active && e.scanned.candidates.length > MANY_CANDIDATES) await placeLong(e, seen, timer, signal);
        else place(e, active, seen);
        for (let k = 0; k < e.placed.length; k++) added.push(e.placed[k] as Placed);
        if ((i & 3) === 3 && timer.expired()) await timer.next(signal);
      }
      return { added, removed };
    },

    /** Reads the whole page, furniture included (the reader's option); applies at the next full scan. */
    setWholePage(on: boolean): void {
      wholePage = on;
    },
    /** Highlights this page even though it does not look like AI news; call `decide` to apply. */
    setForced(): void {
      forced = true;
    },

    /** Keeps only these categories; the next `decide` redoes every block if the choice changed. */
    setCategories(categories: Readonly<Record<Category, boolean>>): void {
      wanted = (c) => categories[c] !== false;
      wantedKey = JSON.stringify(categories);
    },

    verdict: (): Verdict => evidence.verdict(),
    /** Every placed mention, in document order. */
    placed(): Placed[] {
      flat ??= entries.flatMap((e) => e.placed);
      return flat;
    },
    /** Mentions per entity, most mentioned first (ties: the entity seen first). */
    counts(): [string, number][] {
      return [...counts].sort((a, b) => b[1] - a[1]);
    },
    /** True for a mention a calm page shows only under the pointer (see classify). */
    isQuiet(p: Placed): boolean {
      classify();
      return quiet.has(p);
    },
    /** The blocks, in document order (for bounded painting). */
    entries: () => entries,
    /** The mentions placed in one block element. */
    placedIn(element: Element): Placed[] {
      const list = byElement.get(element);
      if (!list) return [];
      return list.length === 1 ? (list[0] as Entry).placed : list.flatMap((e) => e.placed);
    },
    /** The mention covering a caret position, if any. */
    at(node: Node, offset: number): Placed | undefined {
      const entry = node.nodeType === Node.TEXT_NODE ? byNode.get(node as Text) : undefined;
      return entry?.placed.find((p) => covers(p, node, offset));
    },
  };
}

/** Merges new entries into a document-ordered list (appends are the common case). */
function merge(kept: Entry[], added: Entry[]): Entry[] {
  const out = kept;
  for (const e of added) {
    let i = out.length;
    if (i > 0 && !before(out[i - 1] as Entry, e)) {
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(out[mid] as Entry, e)) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    out.splice(i, 0, e);
  }
  return out;
}

/** The page index's interface. */
export type PageIndex = ReturnType<typeof createPageIndex>;
