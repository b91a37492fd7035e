import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { Card, type CardProps } from './card';
import { CARD_CSS } from './card-style';
import { liveRange } from './ranges';

/** Tag of the one element Backstory adds to a page (appended to <html>, not <body>). */
export const HOST_TAG = 'backstory-ui';

/** A virtual reference for floating-ui built from a range's client rects (right line when it wraps). */
export function rangeReference(range: StaticRange): VirtualElement {
  const live = () => liveRange(range);
  const parent = range.startContainer.parentElement;
  return {
    getBoundingClientRect: () => live().getBoundingClientRect(),
    getClientRects: () => live().getClientRects(),
    ...(parent ? { contextElement: parent } : {}),
  };
}

/**
 * Our UI: one host element with an open shadow root, created on first use.
 * Holds the card (Preact) and a polite live region for keyboard users.
 */
export function createCardHost(signal: AbortSignal) {
  let host: HTMLElement | null = null;
  let cardRoot: HTMLElement | null = null;
  let live: HTMLElement | null = null;
  let stopUpdates: (() => void) | null = null;
  let pointerX = 0;
  let pointerY = 0;

  const ensure = () => {
    if (host?.isConnected && cardRoot && live) return { cardRoot, live };
    host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    cardRoot = document.createElement('div');
    live = document.createElement('div');
    live.className = 'sr';
    live.setAttribute('aria-live', 'polite');
    shadow.append(style, cardRoot, live);
    document.documentElement.append(host);
    return { cardRoot, live };
  };

  const hide = () => {
    stopUpdates?.();
    stopUpdates = null;
    if (cardRoot) render(null, cardRoot);
  };

  signal.addEventListener(
    'abort',
    () => {
      hide();
      host?.remove();
      host = null;
    },
    { once: true },
  );

  return {
    /** Shows (or updates) the card next to the reference; `at` is the pointer, for wrapped mentions. */
    show(props: CardProps, reference: VirtualElement, at?: { x: number; y: number }): void {
      const { cardRoot: root } = ensure();
      if (at) {
        pointerX = at.x;
        pointerY = at.y;
      }
      render(h(Card, props), root);
      const card = root.firstElementChild as HTMLElement | null;
      if (!card) return;
      stopUpdates?.();
      const update = () =>
        computePosition(reference, card, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            inline(at ? { x: pointerX, y: pointerY } : {}),
            offset(6),
            flip({ padding: 8 }),
            shift({ padding: 8 }),
            // Where neither side has room for the whole card, it fits the larger side and scrolls.
            size({
              padding: 8,
              apply({ availableHeight, elements }) {
                elements.floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
              },
            }),
          ],
        }).then(({ x, y }) => {
          card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        });
      // autoUpdate only while open: it listens to scroll and resize.
      stopUpdates = autoUpdate(reference, card, update, { animationFrame: false });
    },
    hide,
    isOpen: () => stopUpdates !== null,
    /** Says something to screen readers (keyboard use). */
    announce(text: string): void {
      const { live: region } = ensure();
      region.textContent = text;
    },
    /** True when an event happened inside our UI (pointer on the card). */
    owns: (event: Event) => host !== null && event.composedPath().includes(host),
    element: () => host,
  };
}

/** The card host's interface. */
export type CardHost = ReturnType<typeof createCardHost>;
