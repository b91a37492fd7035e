import type { PackNames } from '../match/pack-table';
import { pageAddress } from './address';
import { ext as browser } from './ext';
import { isRecord } from './records';
import { getSettings, listSitesOff, type Settings } from './settings';

/**
 * What a page's content script needs, handed to it by the worker: content scripts read and write
 * no storage at all (in Chrome they cannot: storage is closed to untrusted contexts), so a page
 * that subverts its renderer cannot change Backstory's settings or the reader's packs.
 */
export type ContentConfig = {
  settings: Settings;
  /** Hostnames where the reader switched Backstory off. */
  sitesOff: string[];
  /** Page addresses (origin and path) where the reader asked to highlight anyway. */
  anyway: string[];
  /** The reader's packs' names in their compact form, or null without packs. */
  packNames: PackNames | null;
  /** The bundled alias table's lines (matcher.ts), in the answer to a page's first request. */
  names?: string;
  /** The alias table's lines for Chinese, Japanese and Korean names, to pages that asked for them. */
  unspacedNames?: string;
};

/** storage.local keys the worker watches to tell pages (the settings are in storage.sync). */
export const CONFIG_KEYS = { local: ['sites', 'anyway', 'packNames'], sync: ['settings'] } as const;

/** The stored compact pack names, if they have the right shape (storage is input: checked when read). */
export function readPackNames(value: unknown): PackNames | null {
  if (!isRecord(value) || value.v !== 2) return null;
  const { lines, index, firsts, count, entities } = value;
  if (typeof lines !== 'string' || typeof firsts !== 'string' || typeof count !== 'number' || !isRecord(index)) {
    return null;
  }
  if (!Array.isArray(entities) || !entities.every((e) => typeof e === 'string')) return null;
  for (const range of Object.values(index)) {
    if (
      !Array.isArray(range) ||
      range.length !== 2 ||
      !Number.isInteger(range[0]) ||
      !Number.isInteger(range[1]) ||
      (range[0] as number) < 0 ||
      (range[1] as number) > lines.length ||
      (range[0] as number) > (range[1] as number)
    ) {
      return null;
    }
  }
  return value as PackNames;
}

/** Stored "highlight anyway" addresses: hostname → list of origin+path, junk dropped. */
export function readAnyway(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isRecord(value)) return out;
  for (const [host, list] of Object.entries(value)) {
    if (Array.isArray(list)) out[host] = list.filter((a): a is string => typeof a === 'string').slice(-200);
  }
  return out;
}

/** Reads the configuration for pages (in the worker). */
export async function readConfig(): Promise<ContentConfig> {
  const [settings, sitesOff, local] = await Promise.all([
    getSettings(),
    listSitesOff(),
    browser.storage.local.get(['anyway', 'packNames']),
  ]);
  return {
    settings,
    sitesOff,
    anyway: Object.values(readAnyway(local.anyway)).flat(),
    packNames: readPackNames(local.packNames),
  };
}

/** Remembers (or forgets) "highlight anyway" for a page address; written by the popup, a trusted page. */
export async function rememberAnyway(url: string, on: boolean): Promise<void> {
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return '';
    }
  })();
  if (!host) return;
  const all = readAnyway((await browser.storage.local.get('anyway')).anyway);
  const address = pageAddress(url);
  const list = (all[host] ?? []).filter((a) => a !== address);
  if (on) list.push(address);
  if (list.length > 0) all[host] = list;
  else delete all[host];
  await browser.storage.local.set({ anyway: all });
}

/** Forgets every "highlight anyway" of a site: its switch was used, which is the reader's new word on it. */
export async function forgetAnyway(hostname: string): Promise<void> {
  const all = readAnyway((await browser.storage.local.get('anyway')).anyway);
  if (!(hostname in all)) return;
  delete all[hostname];
  await browser.storage.local.set({ anyway: all });
}
