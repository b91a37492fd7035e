import { describe, expect, it } from 'vitest';
import { everyNth as every, within } from '../../src/content/viewport';

/** Blocks 100 px tall one under the other, the viewport scrolled to `scroll`. */
const column = (scroll: number) => (i: number) => ({ top: i * 100 - scroll, bottom: i * 100 + 100 - scroll });

describe('the blocks near the viewport, from sampled boxes', () => {
  it('with every block sampled: a screen above the viewport to a screen below it', () => {
    // Viewport 800 px at 5,000 px: blocks reaching 4,200 px (from 41) to starting by 6,600 px (to 66) are near.
    expect(within(every(200, 1), column(5000), 800, 200)).toEqual([41, 67]);
  });

  it('with a sample every ten blocks: widened to the samples on either side, never narrowed', () => {
    expect(every(25, 10)).toEqual([0, 10, 20, 24]);
    const [from, to] = within(every(200, 10), column(5000), 800, 200);
    expect(from).toBeLessThanOrEqual(41);
    expect(from).toBeGreaterThan(30);
    expect(to).toBeGreaterThanOrEqual(67);
    expect(to).toBeLessThanOrEqual(70);
  });

  it('at the top of the page starts at the first block; scrolled past the end, none come first', () => {
    expect(within(every(50, 1), column(0), 800, 50)).toEqual([0, 17]);
    expect(within(every(50, 1), column(100_000), 800, 50)).toEqual([50, 50]);
  });

  it('ignores blocks whose box is unknown (hidden, or of no size)', () => {
    const box = (i: number) => (i < 5 ? undefined : column(5000)(i));
    expect(within(every(200, 1), box, 800, 200)).toEqual([41, 67]);
  });
});
