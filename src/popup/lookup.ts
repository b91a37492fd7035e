import knowledge from 'backstory:knowledge';
import { CATEGORIES, type Category, type Entity } from '../knowledge/schema';
import { type MessageKey, t } from '../lib/i18n';
import type { EntityCount } from '../lib/messages';

const HEADINGS: Record<Category, MessageKey> = {
  company: 'categoryCompanies',
  chip: 'categoryChips',
  regulator: 'categoryRegulators',
  product: 'categoryProducts',
  person: 'categoryPeople',
};

/** A category's plural name: popup section heading, summary heading, options checkbox. */
export const heading = (category: Category): string => t(HEADINGS[category]);

/** The entities a page names, by category in popup order, each group sorted by mention count (ties keep page order). */
export function groupEntities(entities: EntityCount[]): { category: Category; rows: EntityCount[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    rows: entities.filter((e) => e.category === category).sort((a, b) => b.count - a.count),
  })).filter((g) => g.rows.length > 0);
}

/** Summaries and relations of bundled and pack entities. */
export type Lookup = {
  summary(id: string): string | undefined;
  /** Relations between entities this page names, one line per pair: "<name> <label> <name>". */
  connections(ids: Iterable<string>): string[];
};

/** A lookup over the bundled knowledge plus the reader's packs. */
export function createLookup(extra: readonly Entity[] = []): Lookup {
  const byId = new Map<string, Entity>([...knowledge, ...extra].map((e) => [e.id, e]));
  return {
    summary: (id) => byId.get(id)?.summary,
    connections(ids) {
      const onPage = new Set(ids);
      const seen = new Set<string>();
      const lines: string[] = [];
      for (const id of onPage) {
        const e = byId.get(id);
        for (const r of e?.related ?? []) {
          const pair = [id, r.id].sort().join(' ');
          if (!onPage.has(r.id) || seen.has(pair)) continue;
          seen.add(pair);
          lines.push(`${e?.name} ${r.label} ${byId.get(r.id)?.name ?? r.id}`);
        }
      }
      return lines;
    },
  };
}
