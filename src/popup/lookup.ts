import { CATEGORIES, type Category } from '../knowledge/categories';
import { createDirectory, type Directory, type FactView, type TieView } from '../knowledge/entity-view';
import { resolveKey } from '../knowledge/keys';
import type { Entity } from '../knowledge/schema';
import type { EntityCount, PageState } from '../lib/messages';

/** The entities a page names, by category in popup order, each group sorted by mention count (ties keep page order). */
export function groupEntities(entities: EntityCount[]): { category: Category; rows: EntityCount[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    rows: entities.filter((e) => e.category === category).sort((a, b) => b.count - a.count),
  })).filter((g) => g.rows.length > 0);
}

/** A timeline row: a dated fact, the page's entities it is about, whether it ties two or more of them. */
export type StoryRow = FactView & { about: string[]; shared: boolean };

/** Summaries, ties and the timeline of bundled and pack entities: the same directory the card's facts come from. */
export type Lookup = {
  summary(id: string): string | undefined;
  /** Ties between entities this page names, one line each, worded as on the card. */
  connections(ids: Iterable<string>): string[];
  /** The same ties with their ends, for the graph. */
  ties(ids: Iterable<string>): TieView[];
  /** Every dated fact about these entities, oldest first; `shared` when it involves two or more of them. */
  story(ids: Iterable<string>): StoryRow[];
  name(id: string): string;
  directory: Directory;
};

/** A lookup over the knowledge (bundled and the reader's packs). */
export function createLookup(entities: readonly Entity[]): Lookup {
  const directory = createDirectory(entities);
  return {
    summary: (id) => directory.get(id)?.summary,
    connections: (ids) => directory.connections(ids).map((c) => c.text),
    ties: (ids) => directory.connections(ids),
    story: (ids) => directory.timeline(ids).map((f) => ({ ...f, shared: f.about.length > 1 })),
    name: directory.name,
    directory,
  };
}

/**
 * The page state with each entity's name from the knowledge (the content script ships no names),
 * and the form the page writes it in kept only where it says something the name does not
 * ("Facebook" for Meta, "AWS" for Amazon Web Services; not "Trainium" for AWS Trainium).
 */
export function withNames(state: PageState, lookup: Lookup): PageState {
  const all = lookup.directory.all();
  const entities = state.entities.map((e) => {
    // The content script names bundled entities by key (`#17`, keys.ts); the knowledge has the id.
    const id = resolveKey(e.id, all);
    const name = lookup.directory.get(id)?.name ?? e.name;
    const { written, ...rest } = e;
    const differs = written && !name.toLowerCase().includes(written.toLowerCase());
    return { ...rest, id, key: e.key ?? e.id, name, ...(differs ? { written } : {}) };
  });
  return { ...state, entities };
}
