import type { Category } from '../knowledge/categories';
import type { EntityDetails } from '../knowledge/entity-view';
import type { ContentConfig } from './config';

export type { EntityDetails };

import { ext as browser } from './ext';

/** One entity in a page summary, with how often the page names it. */
export type EntityCount = {
  id: string;
  name: string;
  category: Category;
  count: number;
  /** The content script's key for the entity (keys.ts), where it differs from `id`: what the popup sends back. */
  key?: string;
  /** How the page writes the name most often ("Facebook" for Meta): the popup shows it when it differs. */
  written?: string;
};

/** Where Backstory stands on a page; `reason` says why nothing is painted. */
export type PageState = {
  hostname: string;
  /** The page's address (tools find a tab's state by it: extensions without "tabs" cannot read tab URLs). */
  url: string;
  /** The reader's switch for this site. */
  enabled: boolean;
  /** Scanning and painting (the site is on and Backstory is not paused). */
  running: boolean;
  relevant: boolean;
  forced: boolean;
  entities: EntityCount[];
  total: number;
  /** How many times the page's state has been settled since the script started (scans, switches). */
  scans: number;
  /** Work is queued or under way: what the page shows may still change. */
  busy: boolean;
  /** When the page's article was published (YYYY-MM-DD), if the page says. */
  articleDate?: string;
};

/** Content script → background. */
export type ToBackground =
  | { kind: 'page-state'; state: PageState }
  | { kind: 'entity-details'; id: string }
  /** `unspaced`: the page is written in Chinese, Japanese or Korean and needs those names too. */
  | { kind: 'get-config'; unspaced?: boolean };

/** Background or popup → content script. */
export type ToContent =
  | { kind: 'step'; direction: 1 | -1 }
  | { kind: 'get-state' }
  | { kind: 'show-entity'; id: string }
  | { kind: 'highlight-anyway' }
  | { kind: 'config'; config: ContentConfig };

/** Replies, keyed by message kind. */
export type Replies = {
  'page-state': undefined;
  'entity-details': EntityDetails | null;
  step: undefined;
  'get-state': PageState;
  'show-entity': boolean;
  'highlight-anyway': PageState;
  'get-config': ContentConfig;
  config: undefined;
};

/** Sends a message to the background service worker. */
export const toBackground = <M extends ToBackground>(message: M): Promise<Replies[M['kind']]> =>
  browser.runtime.sendMessage(message) as Promise<Replies[M['kind']]>;

/** Sends a message to the top frame of a tab's content script. */
export const toTab = <M extends ToContent>(tabId: number, message: M): Promise<Replies[M['kind']]> =>
  browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<Replies[M['kind']]>;
