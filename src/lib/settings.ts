import browser from 'webextension-polyfill';

/** Per-site switches, in `storage.local`: hostname → false when the reader switched Backstory off there. */
export type SiteSwitches = Record<string, boolean>;

const SITES_KEY = 'sites';

/** True unless the reader switched Backstory off for this hostname (a missing key means on). */
export async function isSiteEnabled(hostname: string): Promise<boolean> {
  const stored = await browser.storage.local.get(SITES_KEY);
  const sites = (stored[SITES_KEY] ?? {}) as SiteSwitches;
  return sites[hostname] !== false;
}

/** Stores the switch for one hostname; every tab of that site applies it live. */
export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const stored = await browser.storage.local.get(SITES_KEY);
  const sites = { ...((stored[SITES_KEY] ?? {}) as SiteSwitches) };
  if (enabled) delete sites[hostname];
  else sites[hostname] = false;
  await browser.storage.local.set({ [SITES_KEY]: sites });
}

/** Calls `listener` with the new state whenever this hostname's switch changes; stops on abort. */
export function onSiteSwitch(hostname: string, signal: AbortSignal, listener: (enabled: boolean) => void): void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[SITES_KEY];
    if (area !== 'local' || !change) return;
    const was = ((change.oldValue ?? {}) as SiteSwitches)[hostname] !== false;
    const now = ((change.newValue ?? {}) as SiteSwitches)[hostname] !== false;
    if (was !== now) listener(now);
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler), { once: true });
}
