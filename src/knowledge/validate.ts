import * as v from 'valibot';
import { type Entity, EntitySchema } from './schema.ts';

/** A mistake in a knowledge file, located by file, entity id and field. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(
    readonly file: string,
    readonly entityId: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: entity "${entityId}": field "${field}" ${problem}`);
  }
}

const fieldPath = (issue: v.BaseIssue<unknown>): string =>
  (issue.path ?? []).map((p) => String(p.key)).join('.') || '(entry)';

const idOf = (raw: unknown, index: number): string => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : `#${index}`;
};

/**
 * Validates a parsed knowledge file and returns its entities.
 * Throws the first {@link KnowledgeError}; the build and the tests both call this.
 * `known`: entities already installed (a knowledge pack is checked against the bundled file and
 * the other packs): the file may relate to them but must not reuse their ids or claim their names.
 */
export function validateKnowledge(raw: unknown, file = 'entities.json', known: readonly Entity[] = []): Entity[] {
  if (!Array.isArray(raw)) {
    throw new KnowledgeError(file, '(file)', '(root)', 'must be a JSON array of entities');
  }
  const entities: Entity[] = [];
  raw.forEach((item, index) => {
    const result = v.safeParse(EntitySchema, item);
    if (!result.success) {
      const issue = result.issues[0];
      const missing = issue.input === undefined && issue.kind === 'schema';
      throw new KnowledgeError(file, idOf(item, index), fieldPath(issue), missing ? 'is missing' : issue.message);
    }
    entities.push(result.output);
  });
  checkReferences(entities, file, known);
  return entities;
}

/** alias → [entity id, marked ambiguous, installed already] of an owner; among installed ones a plain owner wins. */
type Owners = Map<string, [string, boolean, boolean]>;

function knownOwners(known: readonly Entity[]): Owners {
  const owners: Owners = new Map();
  for (const e of known) for (const a of e.ambiguousAliases) owners.set(a, [e.id, true, true]);
  for (const e of known) for (const a of e.aliases) owners.set(a, [e.id, false, true]);
  return owners;
}

function clash(owner: [string, boolean, boolean], alias: string): string {
  if (!owner[2]) return `claims "${alias}", already an alias of "${owner[0]}" (mark it ambiguous in both)`;
  return owner[1]
    ? `claims "${alias}", an ambiguous name of installed entity "${owner[0]}" (list it under ambiguousAliases)`
    : `claims "${alias}", already a name of installed entity "${owner[0]}"`;
}

function checkReferences(entities: Entity[], file: string, known: readonly Entity[]): void {
  const knownIds = new Set(known.map((e) => e.id));
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id)) throw new KnowledgeError(file, e.id, 'id', 'is used by two entities');
    if (knownIds.has(e.id)) throw new KnowledgeError(file, e.id, 'id', 'is already the id of an installed entity');
    ids.add(e.id);
  }
  const owners = knownOwners(known);
  for (const e of entities) {
    const plain = new Set(e.aliases);
    for (const a of e.ambiguousAliases) {
      if (plain.has(a)) {
        throw new KnowledgeError(file, e.id, 'ambiguousAliases', `repeats "${a}" from aliases`);
      }
    }
    for (const [list, ambiguous] of [
      [e.aliases, false],
      [e.ambiguousAliases, true],
    ] as const) {
      const field = ambiguous ? 'ambiguousAliases' : 'aliases';
      const seen = new Set<string>();
      for (const a of list) {
        if (seen.has(a)) throw new KnowledgeError(file, e.id, field, `lists "${a}" twice`);
        seen.add(a);
        const owner = owners.get(a);
        if (owner && !(owner[1] && ambiguous)) {
          throw new KnowledgeError(file, e.id, field, clash(owner, a));
        }
        if (!owner?.[2]) owners.set(a, [e.id, ambiguous, false]);
      }
    }
    e.related.forEach((r, i) => {
      if (!ids.has(r.id) && !knownIds.has(r.id)) {
        throw new KnowledgeError(file, e.id, `related.${i}.id`, `names unknown entity "${r.id}"`);
      }
      if (r.id === e.id) throw new KnowledgeError(file, e.id, `related.${i}.id`, 'names itself');
    });
  }
}
