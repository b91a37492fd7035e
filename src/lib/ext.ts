import type browser from 'webextension-polyfill';

/** The WebExtension API, typed as webextension-polyfill's `browser`. */
export type Ext = typeof browser;

/**
 * The extension API without loading webextension-polyfill: Firefox's `browser`, or Chrome's
 * `chrome`, whose MV3 calls return promises too. The content script runs on every page, and the
 * polyfill's set-up cost milliseconds there; extension pages and the worker keep the polyfill.
 */
export const ext: Ext = (globalThis as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome;

/**
 * Listens for messages; a handler answers with a promise. Chrome's own `onMessage` ignores
 * returned promises (the polyfill papers over that): answer through `sendResponse` instead.
 */
export function onMessage(handler: (message: unknown) => Promise<unknown> | undefined): void {
  type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;
  const listener: Listener = (message, _sender, sendResponse) => {
    const reply = handler(message);
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  (ext.runtime.onMessage as unknown as { addListener(l: Listener): void }).addListener(listener);
}

/**
 * Calls `listener` with the new and old value of one storage key whenever it changes, in any
 * context of the extension; stops on abort.
 */
export function onStorageKey(
  area: 'local' | 'sync',
  key: string,
  signal: AbortSignal,
  listener: (newValue: unknown, oldValue: unknown) => void,
): void {
  const handler = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, changed: string) => {
    const change = changes[key];
    if (changed === area && change) listener(change.newValue, change.oldValue);
  };
  ext.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => ext.storage.onChanged.removeListener(handler), { once: true });
}
