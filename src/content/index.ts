import nameIndex from 'backstory:name-index';
import { toNameIndex } from '../knowledge/name-index';
import type { Entity } from '../knowledge/schema';
import { onMessage } from '../lib/ext';
import type { ToContent } from '../lib/messages';
import { onPacksChange, packEntities } from '../lib/packs';
import { DEFAULTS, getSettings, isSiteEnabled, onSettingsChange, onSiteSwitch, type Settings } from '../lib/settings';
import { compileMatcher, extendTable } from '../match';
import { createController } from './controller';
import { yieldToMain } from './slice';

/** Names of the bundled file plus any packs the reader imported. */
function knowledge(packs: readonly Entity[]) {
  const bundled = nameIndex.entries;
  if (packs.length === 0) return { matcher: compileMatcher(bundled, nameIndex.table) };
  const extra = toNameIndex([...packs]);
  const table = extendTable(structuredClone(nameIndex.table), extra, bundled.length);
  return { matcher: compileMatcher([...bundled, ...extra], table) };
}

const hostname = location.hostname;
const forever = new AbortController().signal;

async function main() {
  // The script's own compile and evaluation take a task already: storage and the rest get their own.
  await yieldToMain();
  const [siteOn, stored, packs] = await Promise.all([
    isSiteEnabled(hostname),
    // Read only: tabs loading together after an update would each write storage.sync, whose
    // writes are rate-limited; the worker migrates stored settings when it starts.
    getSettings({ persist: false }).catch(() => DEFAULTS as Settings),
    packEntities().catch(() => []),
  ]);
  let settings = stored;
  const names = knowledge(packs);
  // Compiling the names and starting up are each a few milliseconds: two tasks, not one.
  await yieldToMain();
  const controller = createController(hostname, names, settings);
  controller.setSiteEnabled(siteOn);
  const sync = () => controller.setRunning(controller.siteEnabled() && !settings.paused);

  onSiteSwitch(hostname, forever, (on) => {
    controller.setSiteEnabled(on);
    sync();
  });
  onSettingsChange(forever, (next) => {
    settings = next;
    controller.setSettings(next);
    sync();
  });
  onPacksChange(forever, (entities) => controller.setKnowledge(knowledge(entities)));
  sync();
  return controller;
}

const ready = main();

// Registered at once, so a popup opened while storage is read still gets an answer.
onMessage((raw) => {
  const message = raw as ToContent;
  switch (message.kind) {
    case 'get-state':
      return ready.then((c) => c.state());
    case 'step':
      void ready.then((c) => c.step(message.direction));
      return undefined;
    case 'show-entity':
      return ready.then((c) => c.showEntity(message.id));
    case 'highlight-anyway':
      return ready.then((c) => c.highlightAnyway());
    default:
      return undefined;
  }
});
