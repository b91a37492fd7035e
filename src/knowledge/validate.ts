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
 */
export function validateKnowledge(raw: unknown, file = 'entities.json'): Entity[] {
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
  checkReferences(entities, file);
  return entities;
}

function checkReferences(entities: Entity[], file: string): void {
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id)) throw new KnowledgeError(file, e.id, 'id', 'is used by two entities');
    ids.add(e.id);
  }
  /** alias → [entity id, marked ambiguous] of its first owner. */
  const owners = new Map<string, [string, boolean]>();
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
          throw new KnowledgeError(
            file,
            e.id,
            field,
            `claims "${a}", already an alias of "${owner[0]}" (mark it ambiguous in both)`,
          );
        }
        owners.set(a, [e.id, ambiguous]);
      }
    }
    e.related.forEach((r, i) => {
      if (!ids.has(r.id)) {
        throw new KnowledgeError(file, e.id, `related.${i}.id`, `names unknown entity "${r.id}"`);
      }
      if (r.id === e.id) throw new KnowledgeError(file, e.id, `related.${i}.id`, 'names itself');
    });
  }
}
