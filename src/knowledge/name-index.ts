import type { Category, Entity } from './schema.ts';

/** What the content script needs to find names: no summaries, no facts. */
export type NameEntry = {
  id: string;
  name: string;
  category: Category;
  aliases: string[];
  ambiguous: string[];
};

/** Every entity's names, in knowledge-file order. */
export type NameIndex = NameEntry[];

/** Strips a validated knowledge file down to the names the matcher compiles. */
export const toNameIndex = (entities: Entity[]): NameIndex =>
  entities.map(({ id, name, category, aliases, ambiguousAliases }) => ({
    id,
    name,
    category,
    aliases,
    ambiguous: ambiguousAliases,
  }));
