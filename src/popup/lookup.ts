import knowledge from 'backstory:knowledge';
import { CATEGORIES, type Category } from '../knowledge/categories';
import { createDirectory, type Directory } from '../knowledge/entity-view';
import type { Entity } from '../knowledge/schema';
import type { EntityCount } from '../lib/messages';

/** The entities a page names, by category in popup order, each group sorted by mention count (ties keep page order). */
export function groupEntities(entities: EntityCount[]): { category: Category; rows: EntityCount[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    rows: entities.filter((e) => e.category === category).sort((a, b) => b.count - a.count),
  })).filter((g) => g.rows.length > 0);
}

/** Summaries and ties of bundled and pack entities: the same directory the card's facts come from. */
export type Lookup = {
  summary(id: string): string | undefined;
  /** Ties between entities this page names, one line each, worded as on the card. */
  connections(ids: Iterable<string>): string[];
  directory: Directory;
};

/** A lookup over the bundled knowledge plus the reader's packs. */
export function createLookup(extra: readonly Entity[] = []): Lookup {
  const directory = createDirectory([...knowledge, ...extra]);
  return {
    summary: (id) => directory.get(id)?.summary,
    connections: (ids) => directory.connections(ids).map((c) => c.text),
    directory,
  };
}
