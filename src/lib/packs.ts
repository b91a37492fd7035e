import knowledge from 'backstory:knowledge';
import type { Entity } from '../knowledge/schema';
import { KnowledgeError, type KnowledgeIssue, validateKnowledge } from '../knowledge/validate';
import { ext as browser, onStorageKey } from './ext';
import { isRecord } from './records';
import { createSerial } from './serial';

/** A knowledge pack as stored in storage.local `packs`: the file's entities, as written (checked again when read). */
export type StoredPack = { name: string; importedAt: string; entities: unknown[] };

/** A pack as read back: its checked entities, and what was wrong with the ones left out. */
export type Pack = { name: string; importedAt: string; entities: Entity[]; problems: KnowledgeIssue[] };

const PACKS_KEY = 'packs';
/** Every pack is compiled into each page's matcher: keep them the size of a topic, not an encyclopedia. */
export const PACK_LIMITS = { entities: 1000, bytes: 2_000_000 } as const;

const refuse = (file: string, field: string, message: string) =>
  new KnowledgeError([{ file, entityId: '(file)', field, message }]);

const isStoredPack = (value: unknown): value is StoredPack =>
  isRecord(value) &&
  typeof value.name === 'string' &&
  typeof value.importedAt === 'string' &&
  Array.isArray(value.entities);

/** Stored packs of the right shape; anything else in storage is junk and is ignored. */
async function storedPacks(): Promise<StoredPack[]> {
  const value = (await browser.storage.local.get(PACKS_KEY))[PACKS_KEY];
  return Array.isArray(value) ? value.filter(isStoredPack) : [];
}

/**
 * Checks stored packs again, oldest first, each against the bundled knowledge and the packs
 * before it: storage is input (another version, a bug or any content script could have written
 * it). An entity that fails is left out and its problems kept; the rest of its pack and the
 * bundled knowledge are used as ever.
 */
function checkStored(stored: readonly StoredPack[]): Pack[] {
  const packs: Pack[] = [];
  let known: Entity[] = [...knowledge];
  for (const p of stored) {
    const { entities, issues } = validateKnowledge(
      p.entities.map((data) => ({ file: p.name, data })),
      known,
    );
    const bad = new Set(issues.map((i) => i.entityId));
    const good = entities.filter((e) => !bad.has(e.id));
    packs.push({ name: p.name, importedAt: p.importedAt, entities: good, problems: issues });
    known = [...known, ...good];
  }
  return packs;
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

/**
 * Checks a pack file (`name` is its file name) like the bundled knowledge, against the bundled
 * entities and the other packs, and stores it; a pack of the same name is replaced. A bad pack
 * throws a {@link KnowledgeError} listing every mistake, and nothing stored changes.
 */
export function addPack(name: string, jsonText: string): Promise<Pack> {
  const file = name.trim();
  return serial(async () => {
    if (file === '') throw refuse('(pack)', '(name)', 'the pack needs a file name');
    if (jsonText.length > PACK_LIMITS.bytes) {
      throw refuse(file, '(size)', `the file is larger than ${PACK_LIMITS.bytes / 1e6} MB`);
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
      throw refuse(file, '(root)', `the file has more than ${PACK_LIMITS.entities} entities`);
    }
    const stored = await storedPacks();
    const others = checkStored(stored.filter((p) => p.name !== file));
    const { entities, issues } = validateKnowledge(
      raw.map((data) => ({ file, data })),
      [...knowledge, ...others.flatMap((p) => p.entities)],
    );
    if (issues.length > 0) throw new KnowledgeError(issues);
    const pack: StoredPack = { name: file, importedAt: new Date().toISOString(), entities: raw };
    const at = stored.findIndex((p) => p.name === file);
    const next = at === -1 ? [...stored, pack] : stored.map((p, i) => (i === at ? pack : p));
    await browser.storage.local.set({ [PACKS_KEY]: next });
    return { name: pack.name, importedAt: pack.importedAt, entities, problems: [] };
  });
}

/** Removes the pack of that name (nothing happens if there is none). */
export function removePack(name: string): Promise<void> {
  return serial(async () => {
    const packs = await storedPacks();
    const next = packs.filter((p) => p.name !== name);
    if (next.length !== packs.length) await browser.storage.local.set({ [PACKS_KEY]: next });
  });
}
