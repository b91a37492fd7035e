import type { PageState } from '../lib/messages';
import { toBackground } from '../lib/messages';

/**
 * Tells the background (the badge) where the page stands: at once with `now`, or at most every
 * 250 ms with `soon`, so a live blog changing every frame does not message every frame. Frames
 * other than the top one keep quiet: the badge speaks for the top document.
 */
export function createReporter(state: () => PageState, isTop = window === window.top) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    clearTimeout(timer);
    timer = undefined;
    if (isTop) void toBackground({ kind: 'page-state', state: state() }).catch(() => undefined);
  };
  return {
    now,
    soon: () => {
      timer ??= setTimeout(now, 250);
    },
  };
}
