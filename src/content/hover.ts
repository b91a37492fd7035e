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
 * whether it is over our own UI; the caller hit-tests against its index. Only the reader's own
 * pointer counts (`isTrusted`): a page cannot open cards by dispatching events.
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
      if (!e.isTrusted || e.pointerType === 'touch') return;
      // composedPath() is only filled while the event is dispatched: read it now.
      last = { x: e.clientX, y: e.clientY, own: ownsEvent(e) };
      if (!frame) frame = requestAnimationFrame(flush);
    },
    { passive: true, signal },
  );
  signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
}

/** What a tap on the page asks of Backstory. */
export type TapActions = {
  /** The mention under a point, as the index the card session knows it by; -1 for none. */
  mentionAt(x: number, y: number): number;
  /** The mention whose card is open; -1 for none. */
  open(): number;
  show(index: number, point: { x: number; y: number }): void;
  close(): void;
  ownsEvent(event: Event): boolean;
};

/**
 * Touch and pen (phones and tablets have no hover): a tap on a highlighted name opens its card. If
 * the name sits in a link, that first tap only opens the card; a second tap on the same name,
 * with its card open, follows the link as usual (so does a long press, which the browser handles
 * itself). A tap elsewhere on the page closes the card.
 */
export function watchTaps(signal: AbortSignal, actions: TapActions): void {
  let touch = false;
  window.addEventListener(
    'pointerdown',
    (e) => {
      if (e.isTrusted) touch = e.pointerType === 'touch' || e.pointerType === 'pen';
    },
    { capture: true, passive: true, signal },
  );
  window.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || !touch || actions.ownsEvent(e)) return;
      const at = actions.mentionAt(e.clientX, e.clientY);
      if (at === -1) {
        if (actions.open() !== -1) actions.close();
        return;
      }
      if (at === actions.open()) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('a[href], button, [role="button"], [role="link"], summary, label')) {
        // The first tap on a name inside a link shows the card; the page does not navigate.
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      actions.show(at, { x: e.clientX, y: e.clientY });
    },
    { capture: true, signal },
  );
}
