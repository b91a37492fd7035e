import knowledge from 'backstory:knowledge';
import { ORDINARY_WORDS } from '../knowledge/ordinary-words';
import type { Entity } from '../knowledge/schema';
import { KnowledgeError, type KnowledgeIssue, validateKnowledge } from '../knowledge/validate';
import { buildPackNames, type PackNames } from '../match/pack-table';
import { ext as browser, onStorageKey } from './ext';
import { isRecord } from './records';
import { createSerial } from './serial';

/**
 * A knowledge pack as stored in storage.local `packs`: the file's entities as JSON text, as
 * written (checked again when read). Text, not objects: storage copies one string of megabytes in
 * a fraction of the time it takes to copy a tree of thousands of objects, and every import
 * rewrites the list. Packs stored by earlier versions hold `entities`, parsed already.
 */
export type StoredPack = { name: string; importedAt: string; json?: string; entities?: unknown[] };

/** A pack as read back: its checked entities, and what was wrong with the ones left out. */
export type Pack = { name: string; importedAt: string; entities: Entity[]; problems: KnowledgeIssue[] };

const PACKS_KEY = 'packs';
/** The packs' names in their compact form, built at import, which pages receive (through the worker). */
export const PACK_NAMES_KEY = 'packNames';

/**
 * Limits that protect readers: every page searches the packs' names, and storage is shared.
 * 20,000 aliases (a tracker's every startup) is a supported pack; 100,000 in all still leaves
 * pages answering quickly.
 */
export const PACK_LIMITS = {
  bytes: 8_000_000,
  entities: 10_000,
  aliasesPerEntity: 25,
  aliases: 25_000,
  totalAliases: 100_000,
  /** storage.local's quota in Chrome (bytes); Firefox has none this small. */
  quota: 10_485_760,
} as const;

const refuse = (file: string, field: string, message: string) =>
  new KnowledgeError([{ file, entityId: '(file)', field, message }]);

const isStoredPack = (value: unknown): value is StoredPack =>
  isRecord(value) &&
  typeof value.name === 'string' &&
  typeof value.importedAt === 'string' &&
  (typeof value.json === 'string' || Array.isArray(value.entities));

/** A stored pack's entities, as written; none if its text is not a JSON array. */
function entitiesOf(pack: StoredPack): unknown[] {
  if (pack.json === undefined) return pack.entities ?? [];
  try {
    const value: unknown = JSON.parse(pack.json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** A stored pack in the form this version writes (an earlier version's pack is turned into text). */
const asText = (pack: StoredPack): StoredPack =>
  pack.json === undefined
    ? { name: pack.name, importedAt: pack.importedAt, json: JSON.stringify(pack.entities ?? []) }
    : pack;

/** Stored packs of the right shape; anything else in storage is junk and is ignored. */
async function storedPacks(): Promise<StoredPack[]> {
  const value = (await browser.storage.local.get(PACKS_KEY))[PACKS_KEY];
  return Array.isArray(value) ? value.filter(isStoredPack) : [];
}

/** True when a text holds a control character (the compact table separates fields with one). */
const hasControl = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
};

/**
 * What a pack's aliases may not be, beyond what the bundled knowledge checks: shorter than three
 * characters, an ordinary word as a plain alias, a control character, or too many of them.
 */
function aliasProblems(file: string, entities: readonly Entity[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const report = (entityId: string, field: string, message: string) => issues.push({ file, entityId, field, message });
  for (const e of entities) {
    const all = [...e.aliases, ...e.ambiguousAliases];
    if (all.length > PACK_LIMITS.aliasesPerEntity) {
      report(
        e.id,
        'aliases',
        `has ${all.length} aliases; a pack entity may have at most ${PACK_LIMITS.aliasesPerEntity}`,
      );
    }
    for (const a of all) {
      if ([...a].length < 3) {
        report(
          e.id,
          'aliases',
          `"${a}" is too short: an alias needs at least three characters, or it would match everywhere`,
        );
      } else if (hasControl(a)) {
        report(e.id, 'aliases', `"${a}" holds a control character`);
      }
    }
    for (const a of e.aliases) {
      if (ORDINARY_WORDS.has(a.toLowerCase())) {
        report(
          e.id,
          'aliases',
          `"${a}" is an ordinary word: every page would be full of it. List it under ambiguousAliases (highlighted only with evidence), or leave it out`,
        );
      }
    }
  }
  return issues;
}

/**
 * Checks stored packs again, oldest first, each against the bundled knowledge and the packs
 * before it: storage is input (another version, a bug or a subverted page could have written
 * it). An entity that fails is left out and its problems kept; the rest of its pack and the
 * bundled knowledge are used as ever.
 */
function checkStored(stored: readonly StoredPack[]): Pack[] {
  const packs: Pack[] = [];
  let known: Entity[] = [...knowledge];
  for (const p of stored) {
    const { entities, issues } = validateKnowledge(
      entitiesOf(p).map((data) => ({ file: p.name, data })),
      known,
    );
    issues.push(...aliasProblems(p.name, entities));
    const bad = new Set(issues.map((i) => i.entityId));
    const good = entities.filter((e) => !bad.has(e.id));
    packs.push({ name: p.name, importedAt: p.importedAt, entities: good, problems: issues });
    known = [...known, ...good];
  }
  return packs;
}

/** The compact names of these packs' entities (what pages search). */
export function packNamesOf(packs: readonly Pack[]): PackNames | null {
  const entities = packs.flatMap((p) => p.entities);
  if (entities.length === 0) return null;
  return buildPackNames(
    entities.flatMap((e) => [
      ...e.aliases.map((alias) => ({ alias, id: e.id, name: e.name, category: e.category, ambiguous: false })),
      ...e.ambiguousAliases.map((alias) => ({ alias, id: e.id, name: e.name, category: e.category, ambiguous: true })),
    ]),
  );
}

/** The imported packs, oldest first, checked as they are read. */
export async function listPacks(): Promise<Pack[]> {
  return checkStored(await storedPacks());
}

/** Every usable entity of every imported pack. */
export async function packEntities(): Promise<Entity[]> {
  return (await listPacks()).flatMap((p) => p.entities);
}

/** Calls `listener` with all usable pack entities whenever a pack is added or removed, in any context; stops on abort. */
export function onPacksChange(signal: AbortSignal, listener: (entities: Entity[]) => void): void {
  onStorageKey('local', PACKS_KEY, signal, (newValue) => {
    const stored = Array.isArray(newValue) ? newValue.filter(isStoredPack) : [];
    listener(checkStored(stored).flatMap((p) => p.entities));
  });
}

/** Changes from this page one at a time, so two imports in a row both land. */
const serial = createSerial();

/** Megabytes, for messages. */
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Stores packs and their compact names together, after checking they fit: a pack bigger than
 * storage allows is refused before anything is written, and nothing stored is lost.
 */
async function store(file: string, next: StoredPack[], checked: Pack[]): Promise<void> {
  const names = packNamesOf(checked);
  const total = checked.reduce(
    (n, p) => n + p.entities.reduce((k, e) => k + e.aliases.length + e.ambiguousAliases.length, 0),
    0,
  );
  if (total > PACK_LIMITS.totalAliases) {
    throw refuse(
      file,
      '(size)',
      `all packs together would have ${total.toLocaleString('en')} aliases; Backstory can search at most ${PACK_LIMITS.totalAliases.toLocaleString('en')}. Remove a pack first. Nothing was changed`,
    );
  }
  const value = { [PACKS_KEY]: next, [PACK_NAMES_KEY]: names };
  // What storage.local would hold afterwards, counted as Chrome counts it (key plus JSON value).
  const everything = { ...(await browser.storage.local.get(null)), ...value };
  const needed = Object.entries(everything).reduce(
    (n, [key, v]) => n + key.length + new TextEncoder().encode(JSON.stringify(v)).length,
    0,
  );
  if (needed > PACK_LIMITS.quota) {
    throw refuse(
      file,
      '(size)',
      `there is not enough room to store it: Backstory's storage holds ${mb(PACK_LIMITS.quota)}, and with this pack it would need ${mb(needed)}. Nothing was changed`,
    );
  }
  if (names) await browser.storage.local.set(value);
  else {
    await browser.storage.local.set({ [PACKS_KEY]: next });
    await browser.storage.local.remove(PACK_NAMES_KEY);
  }
}

/** Steps of an import, for a progress indicator. */
export type ImportStep = 'reading' | 'checking' | 'storing';

/**
 * Checks a pack file (`name` is its file name) like the bundled knowledge, against the bundled
 * entities and the other packs, and stores it with the compact names pages search; a pack of the
 * same name is replaced; answers with the pack and every pack now installed. A bad pack throws
 * a {@link KnowledgeError} listing every mistake, and nothing stored changes.
 */
export function addPack(
  name: string,
  jsonText: string,
  progress?: (step: ImportStep) => void,
): Promise<Pack & { installed: Pack[] }> {
  const file = name.trim();
  return serial(async () => {
    progress?.('reading');
    if (file === '') throw refuse('(pack)', '(name)', 'the pack needs a file name');
    if (jsonText.length > PACK_LIMITS.bytes) {
      throw refuse(
        file,
        '(size)',
        `the file is ${mb(jsonText.length)}; a pack may be at most ${mb(PACK_LIMITS.bytes)}`,
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(jsonText);
    } catch (error) {
      throw refuse(file, '(json)', `the file is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(raw)) throw refuse(file, '(root)', 'the file must be a JSON array of entities');
    if (raw.length === 0) throw refuse(file, '(root)', 'the file has no entities');
    if (raw.length > PACK_LIMITS.entities) {
      throw refuse(
        file,
        '(root)',
        `the file has ${raw.length.toLocaleString('en')} entities; a pack may have at most ${PACK_LIMITS.entities.toLocaleString('en')}`,
      );
    }
    progress?.('checking');
    // Let the page paint the progress before the check takes the thread.
    await new Promise((r) => setTimeout(r, 0));
    const stored = await storedPacks();
    const others = checkStored(stored.filter((p) => p.name !== file));
    const { entities, issues } = validateKnowledge(
      raw.map((data) => ({ file, data })),
      [...knowledge, ...others.flatMap((p) => p.entities)],
    );
    issues.push(...aliasProblems(file, entities));
    const aliases = entities.reduce((n, e) => n + e.aliases.length + e.ambiguousAliases.length, 0);
    if (aliases > PACK_LIMITS.aliases) {
      issues.push({
        file,
        entityId: '(file)',
        field: '(size)',
        message: `the pack has ${aliases.toLocaleString('en')} aliases; a pack may have at most ${PACK_LIMITS.aliases.toLocaleString('en')}`,
      });
    }
    if (issues.length > 0) throw new KnowledgeError(issues);
    progress?.('storing');
    const pack: StoredPack = { name: file, importedAt: new Date().toISOString(), json: JSON.stringify(raw) };
    const at = stored.findIndex((p) => p.name === file);
    const next = (at === -1 ? [...stored, pack] : stored.map((p, i) => (i === at ? pack : p))).map(asText);
    const result: Pack = { name: pack.name, importedAt: pack.importedAt, entities, problems: [] };
    await store(file, next, [...others, result]);
    // Every pack now installed, in stored order, as checked: the options page lists them without
    // reading and checking them all again (a second or more with big packs).
    const installed = next
      .map((p) => (p.name === file ? result : others.find((o) => o.name === p.name)))
      .filter((p): p is Pack => p !== undefined);
    return { ...result, installed };
  });
}

/** Removes the pack of that name (nothing happens if there is none). */
export function removePack(name: string): Promise<void> {
  return serial(async () => {
    const packs = await storedPacks();
    const next = packs.filter((p) => p.name !== name).map(asText);
    if (next.length !== packs.length) await store(name, next, checkStored(next));
  });
}

/** Builds the compact names again from the stored packs (after an update that changed their form). */
export async function rebuildPackNames(): Promise<void> {
  await serial(async () => {
    const names = packNamesOf(checkStored(await storedPacks()));
    if (names) await browser.storage.local.set({ [PACK_NAMES_KEY]: names });
    else await browser.storage.local.remove(PACK_NAMES_KEY);
  });
}
