import * as v from 'valibot';
import { ext as browser, onStorageKey } from './ext';
import { isRecord } from './records';
import { createSerial } from './serial';
import {
  MIGRATED_LOCAL_KEYS,
  migrate,
  type SiteSwitches,
  type Stored,
  storedVersion,
  toSwitches,
} from './settings-migrations';
import { BackupSchema, DEFAULTS, describeIssue, readSettings, type Settings, SettingsSchema } from './settings-schema';

export { migrations, type SiteSwitches, type Stored } from './settings-migrations';
export {
  DEFAULTS,
  type HighlightStyle,
  HOVER_DELAY,
  MENTIONS,
  type Mentions,
  type ReadScope,
  SCOPES,
  type Settings,
  STYLES,
} from './settings-schema';

/** What {@link setSettings} takes: any settings, categories one by one. */
export type SettingsPatch = Partial<Omit<Settings, 'version' | 'categories'>> & {
  categories?: Partial<Settings['categories']>;
};

/** A settings file refused by {@link importSettings}; the message says why. */
export class SettingsFileError extends Error {
  override name = 'SettingsFileError';
}

const SETTINGS_KEY = 'settings';
const SITES_KEY = 'sites';

/**
 * Writes a migrated snapshot. The site list goes first and the settings (with their new version)
 * last: if this context dies in between, the next read migrates again from the old version. Not
 * over settings that another context (the options page, the popup) saved in the current version
 * meanwhile: the reader's first change right after an install or an update is kept.
 */
async function persist(before: Stored, after: Stored, settings: Settings): Promise<void> {
  const gone = Object.keys(before.local).filter((key) => !(key in after.local));
  await browser.storage.local.set(after.local);
  if (gone.length > 0) await browser.storage.local.remove(gone);
  const now = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (storedVersion(now) >= DEFAULTS.version) return;
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/**
 * The global settings with defaults filled in; migrates older storage first. Never throws on junk.
 * With `persist: false` the migration stays in memory and nothing is written: pages read only,
 * and the worker writes the migrated storage when it starts.
 */
export async function getSettings({ persist: write = true }: { persist?: boolean } = {}): Promise<Settings> {
  const raw = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  const from = storedVersion(raw);
  if (from >= DEFAULTS.version) return readSettings(raw);
  const found = await browser.storage.local.get([...MIGRATED_LOCAL_KEYS]);
  const local = Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined));
  const before: Stored = { settings: isRecord(raw) ? raw : {}, local };
  const after = migrate(before, from);
  const settings = readSettings(after.settings);
  if (write) await persist(before, after, settings);
  return settings;
}

/** Writes from this page one at a time, so two quick changes do not overwrite each other. */
const serial = createSerial();

/** Changes some settings and returns them all; a value out of range is refused with a RangeError. */
export function setSettings(patch: SettingsPatch): Promise<Settings> {
  return serial(async () => {
    const current = await getSettings();
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const next = { ...current, ...defined, categories: { ...current.categories, ...patch.categories } };
    const checked = v.safeParse(SettingsSchema, next);
    if (!checked.success) throw new RangeError(`Setting ${describeIssue(checked.issues[0])}`);
    await browser.storage.sync.set({ [SETTINGS_KEY]: checked.output });
    return readSettings(checked.output);
  });
}

/** Calls `listener` with the new and previous settings whenever they change, in any context; stops on abort. */
export function onSettingsChange(signal: AbortSignal, listener: (settings: Settings, previous: Settings) => void) {
  onStorageKey('sync', SETTINGS_KEY, signal, (newValue, oldValue) => {
    const [now, before] = [readSettings(newValue), readSettings(oldValue)];
    // Migrating writes what was read already: not a change anyone needs to act on.
    if (JSON.stringify(now) !== JSON.stringify(before)) listener(now, before);
  });
}

const readSwitches = async (): Promise<SiteSwitches> =>
  toSwitches((await browser.storage.local.get(SITES_KEY))[SITES_KEY]);

/** True unless the reader switched Backstory off for this hostname (a missing key means on). */
export async function isSiteEnabled(hostname: string): Promise<boolean> {
  return (await readSwitches())[hostname] !== false;
}

/** Stores the switch for one hostname; every tab of that site applies it live. */
export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const sites = await readSwitches();
  if (enabled) delete sites[hostname];
  else sites[hostname] = false;
  await browser.storage.local.set({ [SITES_KEY]: sites });
}

const sitesOff = (sites: SiteSwitches): string[] =>
  Object.keys(sites)
    .filter((host) => sites[host] === false)
    .sort();

/** Hostnames where the reader switched Backstory off, sorted. */
export async function listSitesOff(): Promise<string[]> {
  return sitesOff(await readSwitches());
}

/** Calls `listener` with the sorted hostnames switched off whenever the list changes; stops on abort. */
export function onSitesChange(signal: AbortSignal, listener: (sitesOff: string[]) => void): void {
  onStorageKey('local', SITES_KEY, signal, (newValue) => listener(sitesOff(toSwitches(newValue))));
}

/** Calls `listener` with the new state whenever this hostname's switch changes; stops on abort. */
export function onSiteSwitch(hostname: string, signal: AbortSignal, listener: (enabled: boolean) => void): void {
  onStorageKey('local', SITES_KEY, signal, (newValue, oldValue) => {
    const was = toSwitches(oldValue)[hostname] !== false;
    const now = toSwitches(newValue)[hostname] !== false;
    if (was !== now) listener(now);
  });
}

/** The settings and the switched-off sites as a JSON file's text: `{ settings, sites }`. */
export async function exportSettings(): Promise<string> {
  const settings = await getSettings();
  const sites = Object.fromEntries((await listSitesOff()).map((host) => [host, false]));
  return `${JSON.stringify({ settings, sites }, null, 2)}\n`;
}

/**
 * Replaces the settings and the switched-off sites with those of an exported file and returns
 * the new settings. Bad input throws a {@link SettingsFileError} saying why, before anything is written.
 */
export async function importSettings(json: string): Promise<Settings> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new SettingsFileError(`This is not a settings file: it is not valid JSON (${(error as Error).message}).`);
  }
  // valibot reads an array as an object with missing keys; say what the file is instead.
  const parsed = v.safeParse(BackupSchema, isRecord(raw) ? raw : null);
  if (!parsed.success) {
    throw new SettingsFileError(`This is not a Backstory settings file: ${describeIssue(parsed.issues[0])}.`);
  }
  // Files from older versions go through the same migrations as older storage.
  const before: Stored = { settings: parsed.output.settings, local: { [SITES_KEY]: parsed.output.sites } };
  const after = migrate(before, parsed.output.settings.version);
  const settings = readSettings(after.settings);
  await browser.storage.local.set({ [SITES_KEY]: toSwitches(after.local[SITES_KEY]) });
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
  return settings;
}
