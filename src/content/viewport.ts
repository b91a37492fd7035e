import type { TextBlock } from './scan';

/**
 * The blocks `[from, to)` on or within a screen of the viewport: a binary search over their
 * boxes, since document order runs mostly top to bottom (where it does not, only the order of
 * work changes). A few dozen layout reads, on a page the browser has just laid out.
 */
export function nearViewport(blocks: readonly TextBlock[], height = window.innerHeight): [number, number] {
  const box = (i: number) => (blocks[i] as TextBlock).element.getBoundingClientRect();
  const first = (test: (i: number) => boolean, lo: number) => {
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = first((i) => box(i).bottom >= -height, 0);
  const to = first((i) => box(i).top > 2 * height, from);
  return [from, Math.max(to, Math.min(blocks.length, from + 1))];
}
