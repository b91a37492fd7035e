import knowledge from 'backstory:knowledge';
import type { Entity } from '../knowledge/schema';
import { KnowledgeError, validateKnowledge } from '../knowledge/validate';
import { ext as browser, onStorageKey } from './ext';
import { isRecord } from './records';

/** A knowledge pack the reader imported: a file of extra entities, as stored in storage.local `packs`. */
export type Pack = { name: string; importedAt: string; entities: Entity[] };

const PACKS_KEY = 'packs';
/** Every pack is compiled into each page's matcher: keep them the size of a topic, not an encyclopedia. */
export const PACK_LIMITS = { entities: 1000, bytes: 2_000_000 } as const;

const isPack = (value: unknown): value is Pack =>
  isRecord(value) &&
  typeof value.name === 'string' &&
  typeof value.importedAt === 'string' &&
  Array.isArray(value.entities);

/** Stored packs; they were validated on import, so a cheap shape check guards against junk only. */
const toPacks = (value: unknown): Pack[] => (Array.isArray(value) ? value.filter(isPack) : []);

/** The imported packs, oldest first. */
export async function listPacks(): Promise<Pack[]> {
  return toPacks((await browser.storage.local.get(PACKS_KEY))[PACKS_KEY]);
}

/** Every entity of every imported pack. */
export async function packEntities(): Promise<Entity[]> {
  return (await listPacks()).flatMap((p) => p.entities);
}

/** Calls `listener` with all pack entities whenever a pack is added or removed, in any context; stops on abort. */
export function onPacksChange(signal: AbortSignal, listener: (entities: Entity[]) => void): void {
  onStorageKey('local', PACKS_KEY, signal, (newValue) => listener(toPacks(newValue).flatMap((p) => p.entities)));
}

/** Changes from this page one at a time, so two imports in a row both land. */
let writing: Promise<unknown> = Promise.resolve();
const serial = <T>(job: () => Promise<T>): Promise<T> => {
  const run = writing.then(job);
  writing = run.catch(() => undefined);
  return run;
};

/**
 * Validates a pack file (`name` is its file name) like the bundled knowledge, against the bundled
 * entities and the other packs, and stores it; a pack of the same name is replaced. A bad pack
 * throws a {@link KnowledgeError} naming file, entity id and field, and nothing stored changes.
 */
export function addPack(name: string, jsonText: string): Promise<Pack> {
  const file = name.trim();
  return serial(async () => {
    if (file === '') throw new KnowledgeError('(pack)', '(file)', '(name)', 'must not be empty');
    if (jsonText.length > PACK_LIMITS.bytes) {
      throw new KnowledgeError(file, '(file)', '(size)', `is larger than ${PACK_LIMITS.bytes / 1e6} MB`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(jsonText);
    } catch (error) {
      throw new KnowledgeError(file, '(file)', '(json)', `is not valid JSON: ${(error as Error).message}`);
    }
    const packs = await listPacks();
    const others = packs.filter((p) => p.name !== file);
    const entities = validateKnowledge(raw, file, [...knowledge, ...others.flatMap((p) => p.entities)]);
    if (entities.length === 0) throw new KnowledgeError(file, '(file)', '(root)', 'has no entities');
    if (entities.length > PACK_LIMITS.entities) {
      throw new KnowledgeError(file, '(file)', '(root)', `has more than ${PACK_LIMITS.entities} entities`);
    }
    const pack: Pack = { name: file, importedAt: new Date().toISOString(), entities };
    const at = packs.findIndex((p) => p.name === file);
    const next = at === -1 ? [...packs, pack] : packs.map((p, i) => (i === at ? pack : p));
    await browser.storage.local.set({ [PACKS_KEY]: next });
    return pack;
  });
}

/** Removes the pack of that name (nothing happens if there is none). */
export function removePack(name: string): Promise<void> {
  return serial(async () => {
    const packs = await listPacks();
    const next = packs.filter((p) => p.name !== name);
    if (next.length !== packs.length) await browser.storage.local.set({ [PACKS_KEY]: next });
  });
}
