import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { Card, type CardProps } from './card';
import { CARD_CSS } from './card-style';
import { liveRange } from './ranges';

/** Tags of Backstory's host elements start with this; the rest is random, per page. */
export const HOST_PREFIX = 'backstory-';

/**
 * A fresh, unpredictable custom-element name: a page cannot define it first (a page that
 * defines `backstory-ui` would otherwise run its own constructor in our host), and cannot
 * style or find the host by a name it knows in advance.
 */
function hostTag(): string {
  for (;;) {
    const tag = `${HOST_PREFIX}${Math.random().toString(36).slice(2, 10)}`;
    // Content scripts have no `customElements` in Chromium (it is null in isolated worlds).
    if (!globalThis.customElements?.get(tag) && document.getElementsByTagName(tag).length === 0) return tag;
  }
}

/** A virtual reference for floating-ui built from a range's client rects (right line when it wraps). */
export function rangeReference(range: StaticRange): VirtualElement {
  const parent = range.startContainer.parentElement;
  return {
    getBoundingClientRect: () => liveRange(range).getBoundingClientRect(),
    getClientRects: () => liveRange(range).getClientRects(),
    ...(parent ? { contextElement: parent } : {}),
  };
}

/** Below this width the card is a sheet at the bottom of the screen (phones). */
export const SHEET_BELOW = 600;

/** Everything the card can be given but its position and its close handler. */
export type CardContent = Omit<CardProps, 'sheet' | 'onClose'>;

const FOCUSABLE = 'a[href], button:not([disabled])';

/**
 * Our UI: one host element with a closed shadow root, created on first use and made again if the
 * page removes it. Nothing inside is reachable from the page's scripts. Holds the card (Preact)
 * and a polite live region for keyboard users. The card is a non-modal dialog: the keyboard can
 * enter it (`focusCard`), Tab cycles its controls, Escape or leaving it closes it.
 */
export function createCardHost(signal: AbortSignal, onClose: () => void) {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let cardRoot: HTMLElement | null = null;
  let live: HTMLElement | null = null;
  let stopUpdates: (() => void) | null = null;
  let open = false;
  /** Where focus was before the keyboard moved into the card: it goes back there. */
  let returnFocus: HTMLElement | null = null;
  let pointerX = 0;
  let pointerY = 0;

  const card = (): HTMLElement | null => (cardRoot?.firstElementChild as HTMLElement | null) ?? null;

  const ensure = () => {
    if (host?.isConnected && shadow && cardRoot && live) return { cardRoot, live, shadow };
    host = document.createElement(hostTag());
    shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    cardRoot = document.createElement('div');
    live = document.createElement('div');
    live.className = 'sr';
    live.setAttribute('aria-live', 'polite');
    shadow.append(style, cardRoot, live);
    // Keyboard inside the card: Tab cycles its controls, Escape closes it (focus goes back).
    shadow.addEventListener('keydown', (e) => {
      const event = e as KeyboardEvent;
      if (!event.isTrusted) return;
      if (event.key === 'Tab') cycle(event);
    });
    // A card entered by the keyboard closes when focus leaves it.
    shadow.addEventListener('focusout', (e) => {
      const next = (e as FocusEvent).relatedTarget as Node | null;
      if (returnFocus !== null && open && !(next && shadow?.contains(next))) {
        returnFocus = null;
        onClose();
      }
    });
    document.documentElement.append(host);
    return { cardRoot, live, shadow };
  };

  const cycle = (e: KeyboardEvent) => {
    const c = card();
    if (!c || !shadow) return;
    const items = [...c.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const at = items.indexOf(shadow.activeElement as HTMLElement);
    const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 ? 0 : at + 1;
    e.preventDefault();
    items[next]?.focus();
  };

  const hide = () => {
    stopUpdates?.();
    stopUpdates = null;
    const hadFocus = returnFocus !== null || (shadow?.activeElement ?? null) !== null;
    open = false;
    if (cardRoot) render(null, cardRoot);
    if (hadFocus) {
      const back = returnFocus;
      returnFocus = null;
      if (back?.isConnected) back.focus({ preventScroll: true });
      else (document.activeElement as HTMLElement | null)?.blur?.();
    }
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

  /** Places a floating card next to the reference once. */
  const place = (el: HTMLElement, reference: VirtualElement, at: boolean) =>
    computePosition(reference, el, {
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
      el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    });

  /** Places a floating card next to the reference; autoUpdate only while open (it listens to scroll and resize). */
  const float = (el: HTMLElement, reference: VirtualElement, at: boolean) => {
    stopUpdates = autoUpdate(reference, el, () => place(el, reference, at), { animationFrame: false });
  };

  /**
   * A sheet covers the lower half of the screen at most: a mention that would sit under it is
   * scrolled into the upper part first, so the card never covers the name it is about. A short
   * page cannot scroll that far: there the sheet takes the top of the screen, above the name.
   */
  const keepAbove = (reference: VirtualElement, el: HTMLElement) => {
    const height = el.getBoundingClientRect().height;
    const top = window.innerHeight - height;
    const before = reference.getBoundingClientRect().bottom;
    if (before <= top - 8) return;
    window.scrollBy({ top: before - top + 24, behavior: 'instant' });
    // Where the scroll left the name: a short page may not have moved at all.
    const name = reference.getBoundingClientRect();
    if (name.bottom > top - 8 && name.top >= height) el.dataset.edge = 'top';
  };

  /**
   * Renders the card (the pointer `at`, if given, is kept for wrapped mentions); returns its
   * element and whether it should sit by the pointer.
   */
  const draw = (content: CardContent, sheet: boolean, at?: { x: number; y: number }) => {
    const { cardRoot: root } = ensure();
    if (at) {
      pointerX = at.x;
      pointerY = at.y;
    }
    render(h(Card, { ...content, sheet, onClose }), root);
    return { el: card(), byPointer: at !== undefined || pointerX !== 0 };
  };

  return {
    /** Shows (or updates) the card next to the reference; `at` is the pointer, for wrapped mentions. */
    show(content: CardContent, reference: VirtualElement, at?: { x: number; y: number }): void {
      const sheet = window.innerWidth < SHEET_BELOW;
      const { el, byPointer } = draw(content, sheet, at);
      if (!el) return;
      el.style.visibility = '';
      open = true;
      stopUpdates?.();
      stopUpdates = null;
      delete el.dataset.edge;
      if (sheet) {
        el.style.transform = '';
        el.style.maxHeight = '';
        keepAbove(reference, el);
      } else float(el, reference, byPointer);
    },
    /**
     * Builds the card out of sight and places it, ahead of `show` (hover intent, intent.ts): the
     * reader sees nothing, and the card appears complete, with the page's styles and fonts already
     * worked out, as the hover delay ends. Not for a sheet, which scrolls the page to open.
     */
    prepare(content: CardContent, reference: VirtualElement, at?: { x: number; y: number }): void {
      if (open || window.innerWidth < SHEET_BELOW) return;
      const { el, byPointer } = draw(content, false, at);
      if (!el) return;
      el.style.visibility = 'hidden';
      void place(el, reference, byPointer);
    },
    hide,
    isOpen: () => open,
    /** Moves keyboard focus into the open card (its first link or button); false if no card is open. */
    focusCard(): boolean {
      const el = card();
      if (!open || !el) return false;
      const active = document.activeElement as HTMLElement | null;
      returnFocus = active && active !== host ? active : document.body;
      (el.querySelector<HTMLElement>('.facts a, .foot a') ?? el.querySelector<HTMLElement>(FOCUSABLE) ?? el).focus();
      return true;
    },
    /** True while focus is inside the card. */
    hasFocus: () => (shadow?.activeElement ?? null) !== null,
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
