/** What the page-level keys do. */
export type KeyActions = {
  step(direction: 1 | -1): void;
  /** Moves focus into the open card; false when none is open. */
  enterCard(): boolean;
  /** Closes the card; false when none was open. */
  escape(): boolean;
  hasMentions(): boolean;
};

const editable = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
};

/**
 * The same shortcuts as the extension's commands (Alt+Shift+N / Alt+Shift+P), handled on the
 * page too: a real browser's command takes precedence and the page never sees the keys, but
 * automation (headless Chromium) only reaches the page. Alt+Shift+C moves focus into the open
 * card; Escape closes it. Only the reader's own key presses count (`isTrusted`): a page cannot
 * drive Backstory by dispatching events.
 */
export function installKeys(signal: AbortSignal, actions: KeyActions): void {
  window.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape') {
        if (actions.escape()) e.stopPropagation();
        return;
      }
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || editable(e.target)) return;
      if (e.code === 'KeyC') {
        if (actions.enterCard()) e.preventDefault();
        return;
      }
      const direction = e.code === 'KeyN' ? 1 : e.code === 'KeyP' ? -1 : 0;
      if (direction === 0 || !actions.hasMentions()) return;
      e.preventDefault();
      actions.step(direction);
    },
    { capture: true, signal },
  );
}
