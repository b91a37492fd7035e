import { CATEGORIES, type Category } from '../knowledge/schema';

/** A mention placed in the page: its range and what it names. */
export type Placed = {
  entityId: string;
  category: Category;
  range: StaticRange;
};

/** Highlight names, read back by tests and tools: `backstory-<category>` and `backstory-active`. */
export const highlightName = (category: Category | 'active') => `backstory-${category}`;

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
  return {
    /** Replaces what is painted with these mentions. */
    paint(placed: readonly Placed[]): void {
      if (!supported()) return;
      const byCategory = new Map<Category, StaticRange[]>(CATEGORIES.map((c) => [c, []]));
      for (const p of placed) byCategory.get(p.category)?.push(p.range);
      for (const [category, ranges] of byCategory) {
        const name = highlightName(category);
        if (ranges.length === 0) {
          if (own.has(name)) get(name).clear();
          continue;
        }
        const h = get(name);
        h.clear();
        for (const r of ranges) h.add(r);
      }
    },
    /** Marks the mention under the pointer or keyboard focus; `null` unmarks. */
    setActive(range: StaticRange | null): void {
      if (!supported()) return;
      const h = get(highlightName('active'));
      h.clear();
      if (range) h.add(range);
    },
    /** Removes every highlight Backstory registered. */
    clear(): void {
      if (!supported()) return;
      for (const [name, h] of own) {
        if (CSS.highlights.get(name) === h) CSS.highlights.delete(name);
      }
      own.clear();
    },
  };
}

/** The painter's interface. */
export type Painter = ReturnType<typeof createPainter>;
