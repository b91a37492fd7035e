import { CATEGORIES, type Category } from './categories.ts';

/**
 * How the content script names bundled entities: by their place in the bundled knowledge
 * (`#17`), not by id. The script ships a category letter per entity and no ids or names, which
 * keeps it small with 600+ entities; the worker and the popup, which have the knowledge, turn a
 * key back into the entity. A pack's entities keep their ids (their names come with them).
 */
export const bundledKey = (index: number): string => `#${index}`;

/** One letter per category, in the order of CATEGORIES: c(ompany), (c)h(ip), r, p, (p)e(rson), l. */
const LETTERS = 'chrpel';

/**
 * The category letters of the bundled entities, in order: what the build writes. A capital
 * letter marks a versioned family (its generations are written as its name and a number).
 */
export const categoryLetters = (entities: readonly { category: Category; versioned?: boolean }[]): string =>
  entities
    .map((e) => {
      const letter = LETTERS[CATEGORIES.indexOf(e.category)] ?? 'c';
      return e.versioned ? letter.toUpperCase() : letter;
    })
    .join('');

/** A category from its letter. */
export const categoryOfLetter = (letter: string): Category =>
  CATEGORIES[LETTERS.indexOf(letter.toLowerCase())] ?? 'company';

/** True when the letter marks a versioned family. */
export const isVersionedLetter = (letter: string): boolean => letter !== letter.toLowerCase();

/** The entity a key names: `#17` → the 18th bundled entity's id; any other key is an id already. */
export function resolveKey(key: string, bundled: readonly { id: string }[]): string {
  if (key.charCodeAt(0) !== 35) return key;
  return bundled[Number(key.slice(1))]?.id ?? key;
}

/** The key the content script uses for an entity id (the inverse of {@link resolveKey}). */
export function keyResolver(bundled: readonly { id: string }[]): (id: string) => string {
  const at = new Map(bundled.map((e, i) => [e.id, i]));
  return (id) => {
    const i = at.get(id);
    return i === undefined ? id : bundledKey(i);
  };
}
