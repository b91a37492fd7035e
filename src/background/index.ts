import knowledge from 'backstory:knowledge';
import unspacedNames from 'backstory:name-index-unspaced';
import names from 'backstory:name-lines';
import browser from 'webextension-polyfill';
import { createDirectory } from '../knowledge/entity-view';
import { keyResolver, resolveKey } from '../knowledge/keys';
import type { Entity } from '../knowledge/schema';
import { badgeColor, badgeText } from '../lib/badge';
import { CONFIG_KEYS, readConfig, readPackNames } from '../lib/config';
import { type ToBackground, toTab } from '../lib/messages';
import { onPacksChange, PACK_NAMES_KEY, packEntities, rebuildPackNames } from '../lib/packs';
import { getSettings, onSettingsChange } from '../lib/settings';

/** The worker's listeners live as long as the worker. */
const forever = new AbortController().signal;

type AccessLevelArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

/**
 * Content scripts may not touch storage: pages cannot subvert settings or packs through them.
 * Chrome lets the extension close storage.local and storage.sync to untrusted contexts; Firefox
 * does not yet (bug 1724754), and there the content script simply never uses storage.
 */
async function closeStorageToPages(): Promise<void> {
  for (const area of [browser.storage.local, browser.storage.sync] as unknown as AccessLevelArea[]) {
    await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  }
}

/** Bundled entities and the reader's packs (ties to a removed pack's entities are left out, not shown as ids). */
const buildDirectory = (extra: Entity[]) => createDirectory([...knowledge, ...extra], keyResolver(knowledge));

// Listeners first and synchronously: an event that wakes the worker is only delivered to listeners added in the first turn.
let directory = packEntities().then(buildDirectory, () => buildDirectory([]));
onPacksChange(forever, (extra) => {
  directory = Promise.resolve(buildDirectory(extra));
});

// Reading the settings also migrates older storage, right when the worker starts after an update.
let paused = getSettings().then(
  (s) => s.paused,
  () => false,
);
onSettingsChange(forever, (settings, previous) => {
  paused = Promise.resolve(settings.paused);
  if (settings.paused !== previous.paused) void refreshBadges(settings.paused);
});

function setBadge(tabId: number, text: string): void {
  // The tab may be gone by now; nothing to show then.
  void browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  void browser.action.setBadgeBackgroundColor({ tabId, color: badgeColor(text) }).catch(() => undefined);
}

/** Pausing turns every badge "off" at once; resuming asks each tab for its state (a tab without Backstory clears). */
async function refreshBadges(nowPaused: boolean): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    const tabId = tab.id;
    if (tabId === undefined) continue;
    if (nowPaused) setBadge(tabId, 'off');
    else
      void toTab(tabId, { kind: 'get-state' }).then(
        (state) => setBadge(tabId, badgeText(state)),
        () => setBadge(tabId, ''),
      );
  }
}

/** Tells every page (every frame of every tab) the new configuration: settings, switches, packs. */
let broadcasting: ReturnType<typeof setTimeout> | undefined;
function broadcastConfig(): void {
  // Several keys change together (a pack and its names): one message for them all.
  clearTimeout(broadcasting);
  broadcasting = setTimeout(async () => {
    const config = await readConfig();
    for (const tab of await browser.tabs.query({})) {
      if (tab.id === undefined) continue;
      void browser.tabs.sendMessage(tab.id, { kind: 'config', config }).catch(() => undefined);
    }
  }, 20);
}

browser.storage.onChanged.addListener((changes, area) => {
  const keys: readonly string[] = area === 'sync' ? CONFIG_KEYS.sync : area === 'local' ? CONFIG_KEYS.local : [];
  if (Object.keys(changes).some((k) => keys.includes(k))) broadcastConfig();
});

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  // Only Backstory's own pages and content scripts talk to the worker.
  if (sender.id !== browser.runtime.id) return undefined;
  const message = raw as ToBackground;
  switch (message.kind) {
    case 'page-state': {
      const tabId = sender.tab?.id;
      // Frames report too; the badge speaks for the top document.
      if (tabId !== undefined && sender.frameId === 0) {
        void paused.then((p) => setBadge(tabId, badgeText(message.state, p)));
      }
      return undefined;
    }
    case 'entity-details':
      return directory.then((d) => d.details(resolveKey(message.id, knowledge)));
    case 'get-config':
      // The alias table travels with the first answer: the content script ships none of it.
      return readConfig().then((config) => ({ ...config, names, ...(message.unspaced ? { unspacedNames } : {}) }));
    default:
      return undefined;
  }
});

browser.commands.onCommand.addListener(async (command) => {
  const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
  if (direction === 0) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // A tab without the content script (chrome://, the store) has nobody to answer: nothing to do.
  await toTab(tab.id, { kind: 'step', direction }).catch(() => undefined);
});

void closeStorageToPages();
// Packs imported by an older version have no compact names yet (or names in an older form).
void browser.storage.local.get(PACK_NAMES_KEY).then(async (stored) => {
  if (readPackNames(stored[PACK_NAMES_KEY]) === null && (await packEntities()).length > 0) await rebuildPackNames();
});
