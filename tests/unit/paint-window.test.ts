import { beforeEach, describe, expect, it } from 'vitest';
import type { Entry, PageIndex } from '../../src/content/page-index';
import type { Painter, Placed } from '../../src/content/paint';
import { createPaintWindow, firstPerEntity, PAINT_BOUND } from '../../src/content/paint-window';
import type { TextBlock } from '../../src/content/scan';
import { installFakes, observers } from './fakes';

beforeEach(() => installFakes());

/** A painter that records what is painted, as a set of "entity@block" keys. */
function fakePainter() {
  const painted = new Set<Placed>();
  const quiet = new Set<Placed>();
  const painter: Painter = {
    add: (list, soft) => {
      for (const p of list) (soft ? quiet : painted).add(p);
    },
    remove: (list) => {
      for (const p of list) {
        painted.delete(p);
        quiet.delete(p);
      }
    },
    setActive: () => undefined,
    setHover: () => undefined,
    heal: () => 0,
    reset: () => {
      painted.clear();
      quiet.clear();
    },
    clear: () => painted.clear(),
  };
  return { painter, painted, quiet };
}

/** `blocks` block elements with `perBlock` mentions each, and an index over them. */
function fakeIndex(blocks: number, perBlock: number) {
  const entries: Entry[] = [];
  for (let b = 0; b < blocks; b++) {
    const element = document.createElement('p');
    const placed: Placed[] = Array.from({ length: perBlock }, (_, i) => ({
      entityId: `e${i % 3}`,
      category: 'company',
      element,
      range: {} as StaticRange,
    }));
    entries.push({ block: { element, text: '', segments: [] } as TextBlock, scanned: {} as Entry['scanned'], placed });
  }
  const all = () => entries.flatMap((e) => e.placed);
  const index = {
    placed: all,
    entries: () => entries,
    placedIn: (el: Element) => entries.find((e) => e.block.element === el)?.placed ?? [],
    // In calm mode, every mention after each block's first is quiet.
    isQuiet: (p: Placed) => entries.some((e) => e.placed.indexOf(p) > 0),
  } as unknown as PageIndex;
  return { index, all, entries };
}

const life = () => new AbortController().signal;

describe('the paint window', () => {
  it('paints what is added and unpaints what is removed, on a page of ordinary size', () => {
    const { painter, painted } = fakePainter();
    const { index, all } = fakeIndex(10, 3);
    const w = createPaintWindow(painter, index, life());
    w.apply({ added: all(), removed: [] });
    expect(painted.size).toBe(30);
    w.apply({ added: [], removed: all().slice(0, 3) });
    expect(painted.size).toBe(27);
    w.apply({ added: [], removed: [] });
    expect(painted.size).toBe(27);
    expect(observers).toHaveLength(0);
  });

  it('with "first mention only", paints one mention per entity, and every one again when switched back', () => {
    const { painter, painted } = fakePainter();
    const { index, all } = fakeIndex(10, 3);
    const w = createPaintWindow(painter, index, life());
    w.setMode('first');
    w.apply({ added: all(), removed: [] });
    expect([...painted]).toEqual(firstPerEntity(all()));
    expect([...painted].map((p) => p.entityId)).toEqual(['e0', 'e1', 'e2']);
    w.setMode('all');
    expect(painted.size).toBe(30);
  });

  it('in calm mode, paints the mentions the index calls quiet apart, and again whole when mentions change', () => {
    const { painter, painted, quiet } = fakePainter();
    const { index, all, entries } = fakeIndex(10, 3);
    const w = createPaintWindow(painter, index, life());
    w.setMode('calm');
    w.apply({ added: all(), removed: [] });
    expect(painted.size).toBe(10);
    expect(quiet.size).toBe(20);
    // The first block loses its mentions: the index no longer has them.
    const gone = (entries[0] as { placed: Placed[] }).placed;
    (entries[0] as { placed: Placed[] }).placed = [];
    w.apply({ added: [], removed: gone });
    expect([painted.size, quiet.size]).toEqual([9, 18]);
  });

  it(`on a flood (more than ${PAINT_BOUND} mentions), registers only blocks near the viewport`, async () => {
    const { painter, painted } = fakePainter();
    const { index, all, entries } = fakeIndex(600, 3);
    const w = createPaintWindow(painter, index, life());
    w.apply({ added: all(), removed: [] });
    expect(painted.size).toBe(0);
    const [io] = observers;
    // Blocks are handed to the observer a slice at a time.
    await expect.poll(() => io?.targets.size).toBe(600);
    expect(io?.options?.rootMargin).toBe('200% 0px 200% 0px');
    io?.intersect(entries.slice(0, 5).map((e) => ({ target: e.block.element, isIntersecting: true })));
    expect(painted.size).toBe(15);
    io?.intersect([{ target: entries[0]?.block.element as Element, isIntersecting: false }]);
    expect(painted.size).toBe(12);
    // A block added later is painted only if it is near.
    w.apply({ added: entries[1]?.placed ?? [], removed: [] });
    expect(painted.size).toBe(12);
  });

  it('stops watching when its run ends', async () => {
    const { painter } = fakePainter();
    const { index, all } = fakeIndex(600, 3);
    const run = new AbortController();
    createPaintWindow(painter, index, run.signal).apply({ added: all(), removed: [] });
    run.abort();
    expect(observers[0]?.disconnected).toBe(true);
  });
});
