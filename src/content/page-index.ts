import type { Category } from '../knowledge/schema';
import { accepts, createEvidence, type Matcher, type ScannedBlock, scanBlock, type Verdict } from '../match';
import type { Placed } from './paint';
import { collectBlocks, locate, type TextBlock } from './scan';
import type { SliceTimer } from './slice';

/** One block of the page, its analysis and the mentions placed in it. */
export type Entry = { block: TextBlock; scanned: ScannedBlock; placed: Placed[] };

/** What an update changed: unpaint `removed`, paint `added`. */
export type Diff = { added: Placed[]; removed: Placed[] };

const before = (a: Entry, b: Entry) => {
  const x = a.block.segments[0]?.node;
  const y = b.block.segments[0]?.node;
  return !!x && !!y && (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
};

const alive = (e: Entry) => e.block.segments.every((s) => s.node.isConnected);

/**
 * False when the text at `offset` sits in an element the reader cannot see (display:none and
 * friends). Asked only where a name was found, so most of a page never costs a style lookup.
 */
const visible = (block: TextBlock, offset: number): boolean => {
  const parent = locate(block, offset, false)[0].parentElement;
  return !parent || typeof parent.checkVisibility !== 'function' || parent.checkVisibility();
};

/**
 * Everything Backstory knows about the page, block by block, kept up to date as the page
 * changes: only changed blocks are rescanned, and decisions are redone only when page-wide
 * evidence changes (a first sure name, the page turning out to be AI news).
 */
export function createPageIndex(matcher: Matcher) {
  let entries: Entry[] = [];
  let forced = false;
  let decidedFor = '';
  let flat: Placed[] | null = null;
  const evidence = createEvidence();
  const byNode = new Map<Text, Placed[]>();

  const place = (entry: Entry, active: boolean): void => {
    entry.placed = [];
    if (!active) return;
    const { block } = entry;
    for (const m of entry.scanned.candidates) {
      if (!accepts(m, evidence) || !visible(block, m.start)) continue;
      const [startContainer, startOffset] = locate(block, m.start, false);
      const [endContainer, endOffset] = locate(block, m.end, true);
      const range = new StaticRange({ startContainer, startOffset, endContainer, endOffset });
      const p: Placed = { entityId: m.entityId, category: matcher.categoryOf(m.entityId) as Category, range };
      entry.placed.push(p);
      for (const seg of block.segments) {
        if (seg.start >= m.end) break;
        if (seg.start + seg.node.data.length <= m.start) continue;
        const list = byNode.get(seg.node);
        if (list) list.push(p);
        else byNode.set(seg.node, [p]);
      }
    }
  };

  const unplace = (entry: Entry): void => {
    for (const seg of entry.block.segments) byNode.delete(seg.node);
  };

  return {
    /**
     * Rescans `roots` (or the whole page) and returns what to paint and unpaint.
     * Blocks under a root, and blocks that lost a node, are dropped and collected again.
     */
    async update(roots: Element[] | 'all', timer: SliceTimer, signal: AbortSignal): Promise<Diff> {
      const removed: Placed[] = [];
      const all = roots === 'all';
      const fresh = all ? [document.body ?? document.documentElement] : [...roots];
      const keep: Entry[] = [];
      for (const e of entries) {
        const stale = all || !alive(e) || fresh.some((r) => r.contains(e.block.element));
        if (!stale) {
          keep.push(e);
          continue;
        }
        if (!all && e.block.element.isConnected) fresh.push(e.block.element);
        evidence.add(e.scanned, -1);
        removed.push(...e.placed);
        unplace(e);
      }
      // Outermost roots only: a root inside another is collected with it.
      const outer = fresh.filter((r, i) => r.isConnected && !fresh.some((o, j) => j !== i && o !== r && o.contains(r)));
      const unique = [...new Set(outer)];
      const blocks: TextBlock[] = [];
      for (const root of unique) blocks.push(...(await collectBlocks(root, timer, signal)));
      const added: Entry[] = [];
      for (const block of blocks) {
        const scanned = scanBlock(matcher, block.text);
        evidence.add(scanned);
        added.push({ block, scanned, placed: [] });
        if (timer.expired()) await timer.next(signal);
      }
      entries = all ? added : merge(keep, added);
      flat = null;
      const decided = this.decide(added);
      return { removed: [...removed, ...decided.removed], added: decided.added };
    },

    /** Places mentions for `fresh` entries, or for all when page-wide evidence changed. */
    decide(fresh: Entry[] = []): Diff {
      const active = evidence.verdict().relevant || forced;
      const key = `${active}|${evidence.signature()}`;
      const redo = key !== decidedFor;
      decidedFor = key;
      const removed: Placed[] = [];
      if (redo) {
        for (const e of entries) removed.push(...e.placed);
        byNode.clear();
        flat = null;
      }
      const added: Placed[] = [];
      for (const e of redo ? entries : fresh) {
        place(e, active);
        added.push(...e.placed);
      }
      return { added, removed };
    },

    /** Highlights this page even though it does not look like AI news. */
    force(): Diff {
      forced = true;
      return this.decide();
    },

    forced: () => forced,
    verdict: (): Verdict => evidence.verdict(),
    /** Every placed mention, in document order. */
    placed(): Placed[] {
      flat ??= entries.flatMap((e) => e.placed);
      return flat;
    },
    /** The blocks, in document order (for bounded painting). */
    entries: () => entries,
    /** The mention covering a caret position, if any. */
    at(node: Node, offset: number): Placed | undefined {
      const list = node.nodeType === Node.TEXT_NODE ? byNode.get(node as Text) : undefined;
      return list?.find((p) => {
        const r = p.range;
        const from = r.startContainer === node ? r.startOffset : 0;
        const to = r.endContainer === node ? r.endOffset : (node as Text).data.length;
        return offset >= from && offset <= to;
      });
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

/** Mention counts per entity, most mentioned first (ties in page order). */
export function countEntities(placed: readonly Placed[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of placed) counts.set(p.entityId, (counts.get(p.entityId) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}
