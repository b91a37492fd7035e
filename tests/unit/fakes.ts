/**
 * What happy-dom lacks and the content script uses: StaticRange, Highlight, CSS.highlights and
 * IntersectionObserver, as small fakes that record what was asked of them.
 */

/** The four ends of a range, as the spec's StaticRange holds them. */
export class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed: boolean;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
    this.collapsed = this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/** A Highlight is a set of ranges with a priority. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

/** IntersectionObservers made so far: tests call `intersect` to play what the browser would. */
export const observers: FakeIntersectionObserver[] = [];

export class FakeIntersectionObserver {
  readonly targets = new Set<Element>();
  disconnected = false;
  constructor(
    private readonly callback: (records: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options?: { rootMargin?: string },
  ) {
    observers.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.disconnected = true;
    this.targets.clear();
  }
  /** Plays the browser: these targets now intersect (or not). */
  intersect(records: { target: Element; isIntersecting: boolean }[]) {
    this.callback(records);
  }
}

/** The text a StaticRange covers. */
export function rangeText(r: AbstractRange): string {
  if (r.startContainer === r.endContainer) return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

/** Installs the fakes on the global object (and a fresh highlight registry). */
export function installFakes(): void {
  const g = globalThis as Record<string, unknown>;
  g.StaticRange = FakeStaticRange;
  g.Highlight = FakeHighlight;
  g.IntersectionObserver = FakeIntersectionObserver;
  // happy-dom's CSS is made afresh on every read: replace it with one that keeps a registry.
  const css = g.CSS as { escape?: unknown; supports?: unknown };
  Object.defineProperty(globalThis, 'CSS', {
    value: { escape: css.escape, supports: css.supports, highlights: new Map<string, FakeHighlight>() },
    configurable: true,
    writable: true,
  });
  observers.length = 0;
}

/** The registry the fakes keep: highlight name → texts of its ranges, in insertion order. */
export function registry(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
    out[name] = [...h].map(rangeText);
  }
  return out;
}
