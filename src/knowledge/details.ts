import type { EntityDetails } from '../lib/messages';
import type { Entity } from './schema';

/** Looks entities up by id and resolves their relations to names. */
export function createDirectory(entities: Entity[]) {
  const byId = new Map(entities.map((e) => [e.id, e]));
  /** Relations read backwards: target id → "<source> <label> <target>". */
  const incoming = new Map<string, EntityDetails['incoming']>();
  for (const e of entities) {
    for (const r of e.related) {
      const list = incoming.get(r.id) ?? [];
      list.push({ id: e.id, name: e.name, label: r.label });
      incoming.set(r.id, list);
    }
  }
  return {
    get: (id: string): Entity | undefined => byId.get(id),
    details(id: string): EntityDetails | null {
      const e = byId.get(id);
      if (!e) return null;
      return {
        id: e.id,
        name: e.name,
        category: e.category,
        summary: e.summary,
        url: e.url,
        facts: e.facts,
        related: e.related.map((r) => ({ id: r.id, label: r.label, name: byId.get(r.id)?.name ?? r.id })),
        incoming: incoming.get(id) ?? [],
      };
    },
  };
}
