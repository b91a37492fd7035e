/** Hover timing (WCAG 1.4.13): show after a pause on a mention, stay while the pointer is on the card. */
export type IntentOptions = {
  /** Milliseconds, read at each hover (the reader can change it in the options). */
  showDelay: () => number;
  hideDelay: number;
  open(index: number): void;
  close(): void;
  /**
   * Halfway through the delay, with the pointer still resting: build the card out of sight, so
   * that it only has to be shown when the delay ends (a first card costs a cold start).
   */
  prepare?(index: number): void;
  /** The pointer left before the delay ended: drop what `prepare` built. */
  discard?(): void;
};

/** Below this delay there is no time to prepare a card ahead of showing it. */
const PREPARE_FROM = 100;

/**
 * A small state machine fed by hit-tests. Moving between adjacent mentions while a card
 * is open switches at once (no flicker); leaving starts a grace period to reach the card.
 */
export function createIntent({ showDelay, hideDelay, open, close, prepare, discard }: IntentOptions) {
  let shown = -1;
  let pending = -1;
  /** The mention whose card `prepare` built and nobody has shown yet; -1 for none. */
  let prepared = -1;
  let suppressed = -1;
  let inCard = false;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let prepareTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const cancelShow = () => {
    clearTimeout(showTimer);
    clearTimeout(prepareTimer);
    showTimer = undefined;
    prepareTimer = undefined;
    pending = -1;
    if (prepared !== -1) {
      prepared = -1;
      discard?.();
    }
  };
  const cancelHide = () => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  };
  const doClose = () => {
    cancelShow();
    cancelHide();
    if (shown !== -1) {
      shown = -1;
      close();
    }
  };

  return {
    /** The mention under the pointer (-1 for none), from one hit-test. */
    pointerOn(index: number): void {
      if (index !== suppressed) suppressed = -1;
      if (index === -1) {
        cancelShow();
        if (shown !== -1 && !inCard && hideTimer === undefined) hideTimer = setTimeout(doClose, hideDelay);
        return;
      }
      if (index === suppressed) return;
      cancelHide();
      if (index === shown) return;
      if (shown !== -1) {
        cancelShow();
        shown = index;
        open(index);
        return;
      }
      if (index === pending) return;
      cancelShow();
      pending = index;
      const delay = showDelay();
      if (prepare && delay >= PREPARE_FROM)
        prepareTimer = setTimeout(() => {
          prepareTimer = undefined;
          prepared = index;
          prepare(index);
        }, delay / 2);
      showTimer = setTimeout(() => {
        clearTimeout(prepareTimer);
        showTimer = undefined;
        prepareTimer = undefined;
        pending = -1;
        prepared = -1;
        shown = index;
        open(index);
      }, delay);
    },
    /** The pointer entered or left the card: a card being read stays open. */
    pointerInCard(inside: boolean): void {
      inCard = inside;
      if (inside) cancelHide();
      else if (shown !== -1 && hideTimer === undefined) hideTimer = setTimeout(doClose, hideDelay);
    },
    /** Opened by keyboard or the popup: no delay. */
    openNow(index: number): void {
      cancelShow();
      cancelHide();
      shown = index;
      open(index);
    },
    /** Escape: close now and stay closed until the pointer leaves this mention. */
    dismiss(): boolean {
      if (shown === -1 && pending === -1) return false;
      suppressed = shown !== -1 ? shown : pending;
      doClose();
      return true;
    },
    /** After a rescan the open mention has a new index. */
    retarget(index: number): void {
      if (shown !== -1) shown = index;
    },
    current: () => shown,
    reset: doClose,
  };
}

/** The intent machine's interface. */
export type Intent = ReturnType<typeof createIntent>;
