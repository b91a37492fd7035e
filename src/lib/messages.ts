import type { Category } from '../knowledge/categories';
import type { EntityDetails } from '../knowledge/entity-view';

export type { EntityDetails };

import { ext as browser } from './ext';

/** One entity in a page summary, with how often the page names it. */
export type EntityCount = { id: string; name: string; category: Category; count: number };

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
};

/** Content script → background. */
export type ToBackground = { kind: 'page-state'; state: PageState } | { kind: 'entity-details'; id: string };

/** Background or popup → content script. */
export type ToContent =
  | { kind: 'step'; direction: 1 | -1 }
  | { kind: 'get-state' }
  | { kind: 'show-entity'; id: string }
  | { kind: 'highlight-anyway' };

/** Replies, keyed by message kind. */
export type Replies = {
  'page-state': undefined;
  'entity-details': EntityDetails | null;
  step: undefined;
  'get-state': PageState;
  'show-entity': boolean;
  'highlight-anyway': PageState;
};

/** Sends a message to the background service worker. */
export const toBackground = <M extends ToBackground>(message: M): Promise<Replies[M['kind']]> =>
  browser.runtime.sendMessage(message) as Promise<Replies[M['kind']]>;

/** Sends a message to the top frame of a tab's content script. */
export const toTab = <M extends ToContent>(tabId: number, message: M): Promise<Replies[M['kind']]> =>
  browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<Replies[M['kind']]>;
