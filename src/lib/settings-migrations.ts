import { isRecord } from './records';

/** Per-site switches, in `storage.local`: hostname → false when the reader switched Backstory off there. */
export type SiteSwitches = Record<string, boolean>;

/** The raw stored data migrations read and rewrite: sync `settings` and the storage.local keys they touch. */
export type Stored = { settings: Record<string, unknown>; local: Record<string, unknown> };

/** storage.local keys that migrations read (current and retired). */
export const MIGRATED_LOCAL_KEYS = ['sites', 'offSites'] as const;

/** Stored per-site switches with anything that is not `hostname: boolean` dropped. */
export function toSwitches(value: unknown): SiteSwitches {
  const sites: SiteSwitches = {};
  if (!isRecord(value)) return sites;
  for (const [host, on] of Object.entries(value)) if (typeof on === 'boolean' && host !== '') sites[host] = on;
  return sites;
}

/**
 * Storage migrations, oldest first: `migrations[n]` turns version n into n + 1. They run on every
 * read of an older version until the new version is written, so each must be idempotent, and
 * none may lose a switched-off site.
 */
export const migrations: ((stored: Stored) => void)[] = [
  // 0 → 1: before global settings existed, switched-off sites were a list `offSites` in storage.local.
  (stored) => {
    const sites = toSwitches(stored.local.sites);
    const legacy = stored.local.offSites;
    if (Array.isArray(legacy)) {
      for (const host of legacy) if (typeof host === 'string' && host !== '') sites[host] = false;
    }
    stored.local.sites = sites;
    delete stored.local.offSites;
  },
];

/** The version stored settings were written by; absent or junk settings count as version 0. */
export function storedVersion(raw: unknown): number {
  const version = isRecord(raw) ? raw.version : undefined;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** Runs the migrations from `from` on a copy and returns it. */
export function migrate(stored: Stored, from: number): Stored {
  const next: Stored = { settings: { ...stored.settings }, local: { ...stored.local } };
  for (const step of migrations.slice(from)) step(next);
  return next;
}
