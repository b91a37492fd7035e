import type { TextBlock } from './scan';

/** The most blocks whose boxes are asked for: the others lie between two that are. */
const SAMPLES = 128;
/** How long to wait for the browser's answer before taking the blocks in page order. */
const PATIENCE_MS = 250;

/**
 * The blocks `[from, to)` on or within a screen of the viewport, from the boxes of up to 128 of
 * them evenly spread: document order runs mostly top to bottom (where it does not, only the order
 * of work changes), so the answer is widened to the sampled blocks on either side.
 *
 * The boxes come from an IntersectionObserver, which the browser answers after its next layout:
 * reading them ourselves (`getBoundingClientRect`) would force that layout inside our task, and
 * on a page just loaded that is the whole page's first layout. A tab that is hidden, or a browser
 * that does not answer in time, gets the blocks in page order.
 */
export function nearViewport(blocks: readonly TextBlock[], signal?: AbortSignal): Promise<[number, number]> {
  const n = blocks.length;
  if (n === 0 || document.visibilityState === 'hidden' || typeof IntersectionObserver !== 'function')
    return Promise.resolve([0, n]);
  const picks = everyNth(n, Math.max(1, Math.ceil(n / SAMPLES)));

  return new Promise((resolve) => {
    const boxes = new Map<Element, DOMRectReadOnly>();
    let height = 0;
    const done = (answer: [number, number]) => {
      io.disconnect();
      clearTimeout(timeout);
      signal?.removeEventListener('abort', inOrder);
      resolve(answer);
    };
    const inOrder = () => done([0, n]);
    const io = new IntersectionObserver((records) => {
      for (const r of records) {
        // A box of no size (hidden, or empty) says nothing of where the block is.
        const b = r.boundingClientRect;
        if (b.width > 0 || b.height > 0) boxes.set(r.target, b);
        if (r.rootBounds) height = r.rootBounds.height;
      }
      done(within(picks, (i) => boxes.get((blocks[i] as TextBlock).element), height || window.innerHeight, n));
    });
    const timeout = setTimeout(inOrder, PATIENCE_MS);
    signal?.addEventListener('abort', inOrder, { once: true });
    for (const i of picks) io.observe((blocks[i] as TextBlock).element);
  });
}

/** The indexes 0, step, 2·step… of `n` blocks, and the last one. */
export function everyNth(n: number, step: number): number[] {
  const picks: number[] = [];
  for (let i = 0; i < n; i += step) picks.push(i);
  if (picks[picks.length - 1] !== n - 1) picks.push(n - 1);
  return picks;
}

/**
 * From the boxes of the sampled blocks `picks` (indexes in page order), the range of blocks that
 * may lie between a screen above the viewport and a screen below it.
 */
export function within(
  picks: readonly number[],
  box: (i: number) => { top: number; bottom: number } | undefined,
  height: number,
  n: number,
): [number, number] {
  let from = n;
  let first = picks.length;
  for (let j = 0; j < picks.length; j++) {
    const b = box(picks[j] as number);
    if (b && b.bottom >= -height) {
      // The blocks since the sample before may reach down this far too.
      from = j > 0 ? (picks[j - 1] as number) + 1 : 0;
      first = j;
      break;
    }
  }
  let to = n;
  for (let j = first; j < picks.length; j++) {
    const b = box(picks[j] as number);
    if (b && b.top > 2 * height) {
      to = picks[j] as number;
      break;
    }
  }
  return [from, Math.max(to, Math.min(n, from + 1))];
}
