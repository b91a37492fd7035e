import type { Mentions } from '../lib/settings-defaults';
import type { Diff, Entry, PageIndex } from './page-index';
import type { Painter, Placed } from './paint';
import { sliceTimer } from './slice';

/** Above this many mentions, only blocks near the viewport are painted. */
export const PAINT_BOUND = 1500;
/** How far beyond the viewport blocks stay painted: two screens each way. */
const MARGIN = '200% 0px 200% 0px';

/** The index as painting needs it: mentions, blocks and which mentions a calm page keeps quiet. */
type Paintable = Pick<PageIndex, 'placed' | 'entries' | 'placedIn' | 'isQuiet'>;

/**
 * Applies index changes to the painter, in the reader's mode: calm (the first screen and each
 * name's first mention per section in full, the rest quiet), every mention, or the first of each
 * name. Chromium rebuilds every registered highlight on frames where the page's DOM changes, so
 * on very large pages only blocks within a few screens of the viewport are registered (an
 * IntersectionObserver, no layout reads of ours).
 */
export function createPaintWindow(painter: Painter, index: Paintable, signal: AbortSignal) {
  let io: IntersectionObserver | null = null;
  let mode: Mentions = 'all';
  const near = new Set<Element>();

  /** Paints these mentions as the mode says: quiet ones apart in calm mode. */
  const paint = (list: readonly Placed[]) => {
    if (mode !== 'calm') return painter.add(list);
    const loud: Placed[] = [];
    const soft: Placed[] = [];
    for (let i = 0; i < list.length; i++) {
      const p = list[i] as Placed;
      (index.isQuiet(p) ? soft : loud).push(p);
    }
    painter.add(loud);
    painter.add(soft, true);
  };

  const startBounding = () => {
    painter.reset();
    io = new IntersectionObserver(
      (records) => {
        for (const r of records) {
          if (r.isIntersecting === near.has(r.target)) continue;
          if (r.isIntersecting) {
            near.add(r.target);
            paint(index.placedIn(r.target));
          } else {
            near.delete(r.target);
            painter.remove(index.placedIn(r.target));
          }
        }
      },
      { rootMargin: MARGIN },
    );
    void observeAll(io, index.entries(), signal);
  };
  signal.addEventListener('abort', () => io?.disconnect(), { once: true });

  return {
    apply(diff: Diff): void {
      if (mode === 'first') {
        // Few enough to repaint whole: one range per entity.
        painter.reset();
        painter.add(firstPerEntity(index.placed()));
        return;
      }
      painter.remove(diff.removed);
      if (!io && index.placed().length > PAINT_BOUND) {
        startBounding();
        return;
      }
      if (!io) {
        // A new mention can change which others are quiet (a first mention earlier in a section):
        // a page of ordinary size is painted again whole in calm mode.
        if (mode === 'calm' && (diff.added.length > 0 || diff.removed.length > 0)) {
          painter.reset();
          paint(index.placed());
        } else paint(diff.added);
        return;
      }
      const observer = io;
      paint(diff.added.filter((p) => near.has(p.element)));
      for (const p of diff.added) observer.observe(p.element);
    },
    /** The reader's choice of which mentions to paint (options): everything is painted again. */
    setMode(next: Mentions): void {
      if (next === mode) return;
      mode = next;
      painter.reset();
      near.clear();
      io?.disconnect();
      io = null;
      this.apply({ added: index.placed(), removed: [] });
    },
  };
}

/**
 * Observes every block element with a mention, a slice at a time: tens of thousands of calls add
 * up. (A block that gains mentions later arrives through `apply`, which observes it then.)
 */
async function observeAll(io: IntersectionObserver, entries: readonly Entry[], signal: AbortSignal) {
  const timer = sliceTimer();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Entry;
    if (entry.placed.length > 0) io.observe(entry.block.element);
    if ((i & 255) === 255 && timer.expired()) await timer.next(signal).catch(() => undefined);
    if (signal.aborted) return;
  }
}

/** The first mention of each entity, in page order. */
export function firstPerEntity(placed: readonly Placed[]): Placed[] {
  const seen = new Set<string>();
  return placed.filter((p) => !seen.has(p.entityId) && seen.add(p.entityId));
}
