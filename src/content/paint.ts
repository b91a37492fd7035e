import type { Category } from '../knowledge/categories';
import { yieldToMain } from './slice';

/** A mention placed in the page: what it names, its block element, and its range (made on first use). */
export type Placed = {
  readonly entityId: string;
  readonly category: Category;
  readonly element: Element;
  readonly range: StaticRange;
  /** The name as the page wrote it, when the card should say why it leads to this entity. */
  readonly alias?: string;
  /** A generation of a versioned family the knowledge has no entity for ("Gaudi 4"). */
  readonly generation?: string;
};

/** Highlight names, read back by tests and tools: `backstory-<category>`, `backstory-quiet` and `backstory-active`. */
export const highlightName = (category: Category | 'active' | 'quiet') => `backstory-${category}`;

/**
 * Mentions painted in one task at most: making a range and adding it costs microseconds, but a
 * paragraph of 100,000 text nodes can hold thousands of mentions, and painting them all at once
 * freezes the tab. The rest follow a task at a time.
 */
export const PAINT_SLICE = 256;

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/**
 * Owns every `backstory-*` entry of `CSS.highlights`: nothing else touches the registry.
 * The page's DOM is never changed; ranges are StaticRanges, which cost nothing on DOM edits.
 */
export function createPainter() {
  const own = new Map<string, Highlight>();
  const get = (name: string): Highlight => {
    let h = own.get(name);
    if (!h) {
      h = new Highlight();
      // Above the page's own highlights (e.g. find-in-page libraries) but below ours for "active".
      h.priority = name === highlightName('active') ? 2 : 1;
      own.set(name, h);
      CSS.highlights.set(name, h);
    }
    return h;
  };
  /** Mentions waiting for a later task (a long list is painted a slice at a time), and whether quiet. */
  const pending = new Map<Placed, boolean>();
  let pumping = false;
  const paintOne = (p: Placed, quiet: boolean) =>
    get(quiet ? highlightName('quiet') : highlightName(p.category)).add(p.range);
  /** Paints what is pending, {@link PAINT_SLICE} a task; stops when nothing is left (reset, remove). */
  const pump = async () => {
    pumping = true;
    while (pending.size > 0) {
      await yieldToMain();
      let n = 0;
      for (const [p, quiet] of pending) {
        pending.delete(p);
        paintOne(p, quiet);
        if (++n === PAINT_SLICE) break;
      }
    }
    pumping = false;
  };
  /** A quiet mention painted in full while the pointer is on it. */
  let hovered: Placed | null = null;
  /**
   * Registers again the highlights a page removed or replaced (`CSS.highlights.clear()` from its
   * own scripts): the ranges are still ours. Answers how many had to be put back.
   */
  const heal = (): number => {
    if (!supported()) return 0;
    let healed = 0;
    for (const [name, h] of own) {
      if (CSS.highlights.get(name) !== h) {
        CSS.highlights.set(name, h);
        healed++;
      }
    }
    return healed;
  };
  return {
    heal,
    /** Paints these mentions (adding to what is painted); `quiet` ones nearly invisibly, until hovered. */
    add(placed: readonly Placed[], quiet = false): void {
      if (!supported() || placed.length === 0) return;
      heal();
      // Behind others already waiting, so that the page is painted in order.
      let i = pending.size > 0 ? 0 : Math.min(placed.length, PAINT_SLICE);
      for (let k = 0; k < i; k++) paintOne(placed[k] as Placed, quiet);
      for (; i < placed.length; i++) pending.set(placed[i] as Placed, quiet);
      if (pending.size > 0 && !pumping) void pump();
    },
    /** Unpaints these mentions; ranges not painted are ignored. */
    remove(placed: readonly Placed[]): void {
      if (!supported()) return;
      const q = own.get(highlightName('quiet'));
      for (const p of placed) {
        pending.delete(p);
        own.get(highlightName(p.category))?.delete(p.range);
        q?.delete(p.range);
      }
    },
    /**
     * Shows the mention under the pointer in its category's colours (a quiet mention becomes
     * visible); `null` puts it back as it was.
     */
    setHover(p: Placed | null): void {
      if (!supported()) return;
      if (hovered) {
        own.get(highlightName(hovered.category))?.delete(hovered.range);
        hovered = null;
      }
      if (!p) return;
      const h = get(highlightName(p.category));
      if (h.has(p.range)) return;
      h.add(p.range);
      hovered = p;
    },
    /** Marks the mention under the pointer or keyboard focus; `null` unmarks. */
    setActive(range: StaticRange | null): void {
      if (!supported()) return;
      const h = get(highlightName('active'));
      h.clear();
      if (range) h.add(range);
    },
    /** Unpaints every mention (keeps the active mark). */
    reset(): void {
      hovered = null;
      pending.clear();
      for (const [name, h] of own) if (name !== highlightName('active')) h.clear();
    },
    /** Removes every highlight Backstory registered. */
    clear(): void {
      if (!supported()) return;
      for (const [name, h] of own) {
        if (CSS.highlights.get(name) === h) CSS.highlights.delete(name);
      }
      own.clear();
      pending.clear();
      hovered = null;
    },
  };
}

/** The painter's interface. */
export type Painter = ReturnType<typeof createPainter>;
