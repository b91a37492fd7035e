import { blockElementOf, isInline } from './scan';

/** More records than this in one frame: rescanning the page is cheaper than sorting them out. */
const FLOOD = 1000;

/** What changed: block elements and added subtrees to rescan, or the whole page. */
export type Change = { roots: Element[]; removals: boolean } | 'all';

/** Merges two changes waiting to be applied. */
export const mergeChanges = (a: Change, b: Change): Change =>
  a === 'all' || b === 'all' ? 'all' : { roots: [...a.roots, ...b.roots], removals: a.removals || b.removals };

/**
 * Watches the page for new or edited text. The MutationObserver callback only queues; the queue
 * is drained once per animation frame into the elements to rescan. Our own UI is ignored, and a
 * same-document navigation (an SPA changing its URL) asks for a full rescan.
 */
export function observePage(
  signal: AbortSignal,
  ownHost: () => Element | null,
  onChange: (change: Change) => void,
): void {
  let queue: MutationRecord[] = [];
  let frame = 0;
  let url = location.href;

  const drain = () => {
    frame = 0;
    const records = queue;
    queue = [];
    if (signal.aborted) return;
    if (location.href !== url) {
      url = location.href;
      onChange('all');
      return;
    }
    if (records.length > FLOOD) {
      onChange('all');
      return;
    }
    const host = ownHost();
    const roots = new Set<Element>();
    let removals = false;
    for (const r of records) {
      if (host && (r.target === host || host.contains(r.target))) continue;
      if (r.type === 'characterData') {
        roots.add(blockElementOf(r.target));
        continue;
      }
      for (const n of r.addedNodes) {
        if (n === host) continue;
        if (n.nodeType === Node.ELEMENT_NODE && !isInline(n as Element)) roots.add(n as Element);
        else if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) roots.add(blockElementOf(r.target));
      }
      for (const n of r.removedNodes) {
        // A removed block takes its own entries with it; removed text or inline markup changes its block.
        if (n === host) continue;
        removals = true;
        if (n.nodeType === Node.ELEMENT_NODE && !isInline(n as Element)) continue;
        if (r.target.isConnected) roots.add(blockElementOf(r.target));
      }
    }
    // An empty list still prunes blocks that left the page.
    if (roots.size > 0 || removals) onChange({ roots: [...roots], removals });
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) queue.push(r);
    if (!frame) frame = requestAnimationFrame(drain);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      queue = [];
    },
    { once: true },
  );
}
