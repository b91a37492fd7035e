import { liveRange } from './ranges';

type CaretDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text node and offset under a point, by the standard API or WebKit's older one. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as CaretDoc;
  if (doc.caretPositionFromPoint) {
    let p = doc.caretPositionFromPoint(x, y);
    // Over a component the caret stops outside it, unless we name its (open) shadow root.
    if (p && p.offsetNode.nodeType !== Node.TEXT_NODE) {
      const shadow = document.elementFromPoint(x, y)?.shadowRoot;
      if (shadow) p = doc.caretPositionFromPoint(x, y, { shadowRoots: [shadow] });
    }
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** True when the point lies inside one of the range's line boxes (the caret API snaps to the nearest text). */
export function rangeContains(range: StaticRange, x: number, y: number): boolean {
  for (const rect of liveRange(range).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/**
 * One passive pointermove listener, throttled to animation frames. Reports the point and
 * whether it is over our own UI; the caller hit-tests against its index.
 */
export function watchPointer(
  signal: AbortSignal,
  onFrame: (point: { x: number; y: number }, overOwnUi: boolean) => void,
  ownsEvent: (event: Event) => boolean,
): void {
  let last: { x: number; y: number; own: boolean } | null = null;
  let frame = 0;
  const flush = () => {
    frame = 0;
    const p = last;
    last = null;
    if (p) onFrame({ x: p.x, y: p.y }, p.own);
  };
  window.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType === 'touch') return;
      // composedPath() is only filled while the event is dispatched: read it now.
      last = { x: e.clientX, y: e.clientY, own: ownsEvent(e) };
      if (!frame) frame = requestAnimationFrame(flush);
    },
    { passive: true, signal },
  );
  signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
}
