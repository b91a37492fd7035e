import knowledge, { about } from 'backstory:knowledge';
import browser from 'webextension-polyfill';
import type { Entity } from '../knowledge/schema';
import { forgetAnyway, rememberAnyway } from '../lib/config';
import { type PageState, toTab } from '../lib/messages';
import { packEntities } from '../lib/packs';
import { getSettings, isSiteEnabled, type Settings, setSettings, setSiteEnabled } from '../lib/settings';

/**
 * Why the popup has no page state: `restricted` pages (browser pages, extension stores, files)
 * are closed to extensions; on a web page `not-running` means the content script did not answer,
 * usually because the tab was open before Backstory was installed or updated.
 */
export type Unreachable = 'restricted' | 'not-running';

/** Everything the popup asks of the browser, in one object a test can replace. */
export type Connector = {
  /** The active tab's state, or why there is none. */
  getState(): Promise<PageState | Unreachable>;
  isSiteEnabled(hostname: string): Promise<boolean>;
  setSiteEnabled(hostname: string, enabled: boolean): Promise<void>;
  getSettings(): Promise<Settings>;
  setPaused(paused: boolean): Promise<void>;
  /** The knowledge (bundled and the reader's packs): summaries, ties and the timeline. */
  knowledge(): Promise<readonly Entity[]>;
  /** When the bundled knowledge was last brought up to date (YYYY-MM-DD). */
  knowledgeAsOf: string;
  /** Opens the same view in the browser's side panel (Chrome) or sidebar (Firefox); null where neither exists. */
  openPanel: (() => Promise<void>) | null;
  showEntity(id: string): Promise<void>;
  highlightAnyway(): Promise<PageState | null>;
  /** Puts text on the clipboard; rejects when the browser refuses. */
  copy(text: string): Promise<void>;
  openOptions(): Promise<void>;
};

/** Web pages where browsers never run extensions' content scripts. */
const STORES = /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org)\//;

type PanelApis = {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

/**
 * Chrome's side panel or Firefox's sidebar shows the popup's view and stays open while reading.
 * Both must be opened from the reader's click, before anything else is awaited.
 */
function panelOpener(): (() => Promise<void>) | null {
  const apis = globalThis as { chrome?: PanelApis; browser?: PanelApis };
  const side = apis.chrome?.sidePanel;
  if (side) {
    return async () => {
      const win = await browser.windows.getCurrent();
      if (win.id !== undefined) await side.open({ windowId: win.id });
      window.close();
    };
  }
  const bar = apis.browser?.sidebarAction;
  if (bar) {
    return async () => {
      await bar.open();
      window.close();
    };
  }
  return null;
}

const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0];

/** The real connector: messages to the active tab's content script, settings in storage. */
export const browserConnector: Connector = {
  async getState() {
    const tab = await activeTab();
    if (tab?.id === undefined) return 'restricted';
    const state = await toTab(tab.id, { kind: 'get-state' }).catch(() => null);
    if (state) return state;
    // Without the "tabs" permission the URL of some tabs is hidden; say the safe thing then.
    const web = tab.url !== undefined && /^https?:\/\//.test(tab.url) && !STORES.test(tab.url);
    return web ? 'not-running' : 'restricted';
  },
  isSiteEnabled,
  async setSiteEnabled(hostname, enabled) {
    await setSiteEnabled(hostname, enabled);
    await forgetAnyway(hostname);
  },
  getSettings,
  async setPaused(paused) {
    await setSettings({ paused });
  },
  knowledge: async () => [...knowledge, ...(await packEntities().catch(() => []))],
  knowledgeAsOf: about.asOf,
  openPanel: panelOpener(),
  async showEntity(id) {
    const tab = await activeTab();
    if (tab?.id !== undefined) await toTab(tab.id, { kind: 'show-entity', id }).catch(() => false);
  },
  async highlightAnyway() {
    const tab = await activeTab();
    if (tab?.id === undefined) return null;
    const state = await toTab(tab.id, { kind: 'highlight-anyway' }).catch(() => null);
    // Remembered for this page address until the reader uses the site's switch.
    if (state) await rememberAnyway(state.url, true).catch(() => undefined);
    return state;
  },
  copy: (text) => navigator.clipboard.writeText(text),
  async openOptions() {
    await browser.runtime.openOptionsPage();
    window.close();
  },
};
