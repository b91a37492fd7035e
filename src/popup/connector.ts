import browser from 'webextension-polyfill';
import { type PageState, toTab } from '../lib/messages';
import { setSiteEnabled } from '../lib/settings';

/** Everything the popup asks of the browser, in one object a test can replace. */
export type Connector = {
  /** The active tab's state, or null where the content script cannot run (chrome://, the store). */
  getState(): Promise<PageState | null>;
  setSiteEnabled(hostname: string, enabled: boolean): Promise<void>;
  showEntity(id: string): Promise<void>;
  highlightAnyway(): Promise<PageState | null>;
};

const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;

/** The real connector: messages to the active tab's content script, settings in storage. */
export const browserConnector: Connector = {
  async getState() {
    const tab = await activeTab();
    if (tab === undefined) return null;
    return toTab(tab, { kind: 'get-state' }).catch(() => null);
  },
  setSiteEnabled,
  async showEntity(id) {
    const tab = await activeTab();
    if (tab !== undefined) await toTab(tab, { kind: 'show-entity', id }).catch(() => false);
  },
  async highlightAnyway() {
    const tab = await activeTab();
    if (tab === undefined) return null;
    return toTab(tab, { kind: 'highlight-anyway' }).catch(() => null);
  },
};
