const QUIET_MS = 200;
const MAX_WAIT_MS = 1000;

/**
 * Watches the page for new or edited text and asks for a rescan once things settle
 * (at most once a second while a page keeps changing). Our own UI is ignored.
 */
export function observePage(signal: AbortSignal, ownHost: () => Element | null, rescan: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const fire = () => {
    timer = undefined;
    first = 0;
    if (!signal.aborted) rescan();
  };
  const observer = new MutationObserver((records) => {
    const host = ownHost();
    const relevant = records.some((r) => {
      if (host && (r.target === host || host.contains(r.target))) return false;
      if (r.type === 'characterData') return true;
      for (const n of r.addedNodes) if (n !== host) return true;
      return r.removedNodes.length > 0 && !(r.removedNodes.length === 1 && r.removedNodes[0] === host);
    });
    if (!relevant) return;
    const now = performance.now();
    if (!first) first = now;
    clearTimeout(timer);
    timer = setTimeout(fire, now - first > MAX_WAIT_MS ? 0 : QUIET_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}
