import nameIndex from 'backstory:name-index';
import { bundledKey, categoryOfLetter, isVersionedLetter } from '../knowledge/keys';
import type { EntityName } from '../knowledge/name-index';
import { pageAddress } from '../lib/address';
import type { ContentConfig } from '../lib/config';
import { onMessage } from '../lib/ext';
import { type ToContent, toBackground } from '../lib/messages';
import { DEFAULTS } from '../lib/settings-defaults';
import { compileMatcher, joinTable, type NameTable, tableFromLines } from '../match/matcher';
import { createPackLookup, type PackNames } from '../match/pack-table';
import { createController } from './controller';
import { yieldToMain } from './slice';

/**
 * Bundled entities as the script names them: a key (`#17`) and a category, no id or name
 * (keys.ts). Made when the names arrive, not while the script is first evaluated.
 */
let bundled: EntityName[] | null = null;

/**
 * The bundled alias table, read back once per page from the lines the worker sends with the
 * configuration: the build makes it, the worker keeps it, and this script stays the same size
 * however many names the knowledge holds.
 */
let table: NameTable | null = null;

/**
 * Names of the bundled knowledge, plus those written in Chinese, Japanese or Korean when the
 * worker sent them (see scripts/knowledge-build.ts), plus the reader's packs in their compact form.
 * Without an answer from the worker there are no bundled names, and the page is left as it is.
 */
const knowledge = (packNames: PackNames | null, names?: string, unspacedNames?: string) => {
  bundled ??= [...nameIndex.categories].map((letter, i) => ({
    id: bundledKey(i),
    category: categoryOfLetter(letter),
    ...(isVersionedLetter(letter) ? { versioned: true } : {}),
  }));
  if (!table) {
    table = tableFromLines(names ?? '');
    if (unspacedNames) joinTable(table, tableFromLines(unspacedNames));
  }
  return { matcher: compileMatcher(bundled, table, packNames ? createPackLookup(packNames) : null) };
};

/** Letters of Chinese, Japanese and Korean (ideographs, kana, Hangul). */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/**
 * Whether the page is written in Chinese, Japanese or Korean, and so needs those names: its
 * language, its title or its first text says so. A page in English with a quote in Chinese far
 * down keeps to the names it is written in.
 */
function writtenUnspaced(): boolean {
  if (/^(?:zh|ja|ko)\b/i.test(document.documentElement.lang) || UNSPACED.test(document.title)) return true;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let i = 0, node = walker.nextNode(); node && i < 300; i++, node = walker.nextNode()) {
    if (UNSPACED.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

const hostname = location.hostname;

/**
 * The configuration and the names, from the worker: content scripts read no storage. If the
 * worker cannot answer (it is being updated), the defaults and no names: nothing is highlighted.
 */
async function config(): Promise<ContentConfig> {
  const unspaced = writtenUnspaced();
  for (let attempt = 0; attempt < 2; attempt++) {
    const answer = await toBackground({ kind: 'get-config', unspaced }).catch(() => null);
    if (answer) return answer;
    await new Promise((r) => setTimeout(r, 300));
  }
  return { settings: DEFAULTS, sitesOff: [], anyway: [], packNames: null };
}

async function main() {
  // The script's own compile and evaluation take a task already: the rest, the extension API's
  // set-up on its first use (a few milliseconds) included, comes in later tasks.
  await yieldToMain();
  listen();
  let current = await config();
  const names = knowledge(current.packNames, current.names, current.unspacedNames);
  // Compiling the names and starting up are each a few milliseconds: two tasks, not one.
  await yieldToMain();
  const controller = createController(hostname, names, current.settings);
  const apply = (next: ContentConfig, first: boolean) => {
    const before = current;
    current = next;
    controller.setSiteEnabled(!next.sitesOff.includes(hostname));
    if (next.anyway.includes(pageAddress(location.href))) void controller.highlightAnyway();
    if (!first) {
      if (JSON.stringify(next.settings) !== JSON.stringify(before.settings)) controller.setSettings(next.settings);
      if (next.packNames?.lines !== before.packNames?.lines || next.packNames?.count !== before.packNames?.count) {
        controller.setKnowledge(knowledge(next.packNames));
      }
    }
    controller.setRunning(controller.siteEnabled() && !next.settings.paused);
  };
  apply(current, true);
  return { controller, apply };
}

const ready = main();

/**
 * Answers the popup and the worker. Registered in the task after the script's first, before the
 * configuration is asked for, so a popup opened while it is read still gets an answer.
 */
const listen = () =>
  onMessage((raw) => {
    const message = raw as ToContent;
    switch (message.kind) {
      case 'get-state':
        return ready.then(({ controller }) => controller.state());
      case 'step':
        void ready.then(({ controller }) => controller.step(message.direction));
        return undefined;
      case 'show-entity':
        return ready.then(({ controller }) => controller.showEntity(message.id));
      case 'highlight-anyway':
        return ready.then(({ controller }) => controller.highlightAnyway());
      case 'config':
        void ready.then(({ apply }) => apply(message.config, false));
        return undefined;
      default:
        return undefined;
    }
  });
