import { blockElementOf, isInline } from './scan';

/** More records than this in one frame: rescanning the page is cheaper than sorting them out. */
const FLOOD = 1000;

/** Where to rescan: a block element or added subtree, or a shadow root of the page's components. */
export type Scope = Element | ShadowRoot;

/** What changed: scopes to rescan, or the whole page. */
export type Change = { roots: Scope[]; removals: boolean } | 'all';

const SHADOW_ROOT = 11;

/**
 * The scope to rescan for a change at `node`: its block element, or the shadow root it sits in
 * directly (a shadow root's own children have no parent element).
 */
function scopeOf(node: Node): Scope {
  if (node.nodeType === SHADOW_ROOT) return node as ShadowRoot;
  const parent = node.parentNode;
  if (node.nodeType !== Node.ELEMENT_NODE && parent?.nodeType === SHADOW_ROOT) return parent as ShadowRoot;
  return blockElementOf(node);
}

/** Merges two changes waiting to be applied. */
export const mergeChanges = (a: Change, b: Change): Change =>
  a === 'all' || b === 'all' ? 'all' : { roots: [...a.roots, ...b.roots], removals: a.removals || b.removals };

/**
 * Watches the page for new or edited text. The MutationObserver callback only queues; the queue
 * is drained once per animation frame into the scopes to rescan. Our own UI is ignored, and a
 * same-document navigation (an SPA changing its URL) asks for a full rescan. Open shadow roots
 * the scan finds are handed to `watch`, and watched the same way.
 */
export function observePage(
  signal: AbortSignal,
  ownHost: () => Element | null,
  onChange: (change: Change) => void,
): { watch(root: ShadowRoot): void } {
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
    const roots = new Set<Scope>();
    let removals = false;
    for (const r of records) {
      if (host && (r.target === host || host.contains(r.target))) continue;
      if (r.type === 'characterData') {
        roots.add(scopeOf(r.target));
        continue;
      }
      for (const n of r.addedNodes) {
        if (n === host) continue;
        if (n.nodeType === Node.ELEMENT_NODE && !isInline(n as Element)) roots.add(n as Element);
        else if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) roots.add(scopeOf(r.target));
      }
      for (const n of r.removedNodes) {
        // A removed block takes its own entries with it; removed text or inline markup changes its block.
        if (n === host) continue;
        removals = true;
        if (n.nodeType === Node.ELEMENT_NODE && !isInline(n as Element)) continue;
        if (r.target.isConnected) roots.add(scopeOf(r.target));
      }
    }
    // An empty list still prunes blocks that left the page.
    if (roots.size > 0 || removals) onChange({ roots: [...roots], removals });
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) queue.push(r);
    if (!frame) frame = requestAnimationFrame(drain);
  });
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  observer.observe(document.documentElement, options);
  const watched = new WeakSet<ShadowRoot>();
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      queue = [];
    },
    { once: true },
  );
  return {
    watch(root) {
      if (signal.aborted || watched.has(root)) return;
      watched.add(root);
      observer.observe(root, options);
    },
  };
}
