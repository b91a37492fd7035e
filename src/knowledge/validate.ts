import * as v from 'valibot';
import { CATEGORIES } from './categories.ts';
import { RELATION_NAMES } from './relations.ts';
import { type Entity, EntitySourceSchema, FIELD_NAMES, normalize } from './schema.ts';

/** Where a mistake is: a line and column of its file, counted from 1. */
export type Position = { line: number; column: number };

/** One mistake in a knowledge file, in words a person understands. */
export type KnowledgeIssue = {
  file: string;
  /** The entity's id as written (or `#n`, the n-th entry of a pack, when it has none). */
  entityId: string;
  /** Dotted path of the field: `facts.1.asOf`, `aliases`, `(file)`. */
  field: string;
  message: string;
  position?: Position;
};

/** `file:line:column: entity: message`: the form editors and terminals turn into links. */
export const formatIssue = (i: KnowledgeIssue): string =>
  `${i.file}${i.position ? `:${i.position.line}:${i.position.column}` : ''}: ${i.entityId}: ${i.message}`;

/** Knowledge that cannot be used, with every mistake found in it. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(readonly issues: readonly KnowledgeIssue[]) {
    super(
      issues.length === 1
        ? formatIssue(issues[0] as KnowledgeIssue)
        : `${issues.length} mistakes in the knowledge:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    );
  }
}

/** One entity to check: its parsed data, the file it came from, and (for YAML) where a path sits in it. */
export type KnowledgeItem = {
  file: string;
  data: unknown;
  /** The id the file's name gives (`anthropic` for `anthropic.yaml`): the entity's id must match. */
  expectedId?: string;
  /** The category the file's folder gives (`company/`): the entity's category must match. */
  expectedCategory?: string;
  locate?: (path: readonly (string | number)[], key?: boolean) => Position | undefined;
};

/** Edit distance, for "did you mean" (field names are short). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** The closest of `names` to a misspelt one, if it is close. */
export function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let score = Number.POSITIVE_INFINITY;
  for (const n of names) {
    const d = distance(name.toLowerCase(), n.toLowerCase());
    if (d < score) {
      best = n;
      score = d;
    }
  }
  return score <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

const fieldsAt = (path: readonly (string | number)[]): readonly string[] => {
  if (path.length === 0) return FIELD_NAMES.entity;
  if (path[0] === 'facts') return FIELD_NAMES.fact;
  if (path[0] === 'related') return FIELD_NAMES.relation;
  return [];
};

/** A valibot issue in words: "`facts.1.asOf` is missing", "unknown field `sumary`: did you mean `summary`?". */
function describe(issue: v.BaseIssue<unknown>): { path: (string | number)[]; message: string; key: boolean } {
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  const last = issue.path?.at(-1) as { origin?: string } | undefined;
  const dotted = path.join('.');
  if (last?.origin === 'key' && issue.type === 'strict_object') {
    const parent = path.slice(0, -1);
    if (issue.input === undefined) {
      return { path: parent, key: false, message: `\`${dotted}\` is missing` };
    }
    const name = String(path.at(-1));
    const guess = closest(name, fieldsAt(parent));
    const where = parent.length > 0 ? ` in \`${parent.join('.')}\`` : '';
    return {
      path,
      key: true,
      message: `unknown field \`${name}\`${where}${guess ? `: did you mean \`${guess}\`?` : ''}`,
    };
  }
  let message = dotted === '' ? issue.message : `\`${dotted}\` ${issue.message}`;
  const choices = path.at(-1) === 'type' ? RELATION_NAMES : path.at(-1) === 'category' ? CATEGORIES : null;
  if (issue.type === 'picklist' && choices && typeof issue.input === 'string') {
    const guess = closest(issue.input, choices);
    if (guess) message = `\`${dotted}\` "${issue.input}" is not a ${path.at(-1)}: did you mean "${guess}"?`;
  }
  return { path, key: false, message };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((a) => (typeof a === 'string' ? [a] : a && typeof a === 'object' ? Object.keys(a) : []))
    : [];

/**
 * What can be read of an entity whose file has mistakes: enough to check its links too (its
 * aliases, relations, family and involved ids), so that every mistake is listed in one go.
 */
function partial(raw: unknown): Entity | null {
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string') return null;
  const list = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value) ? value.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];
  return {
    id: r.id,
    name: String(r.name ?? r.id),
    category: 'company',
    aliases: strings(r.aliases),
    ambiguousAliases: strings(r.ambiguousAliases),
    notes: {},
    summary: '',
    ...(typeof r.family === 'string' ? { family: r.family } : {}),
    facts: list(r.facts).map((f) => ({ text: '', asOf: '', source: '', involves: strings(f.involves) })),
    related: list(r.related)
      .filter((x) => typeof x.id === 'string')
      .map((x) => ({ id: x.id as string, type: 'uses' as const })),
  };
}

const idOf = (raw: unknown, index: number): string => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
};

/**
 * Checks entities and the links between them, and returns the usable ones with every mistake
 * found. `known`: entities installed already (a pack is checked against the bundled knowledge
 * and the other packs): the new ones may relate to them but must not reuse their ids or claim
 * their names.
 */
export function validateKnowledge(
  items: readonly KnowledgeItem[],
  known: readonly Entity[] = [],
): { entities: Entity[]; issues: KnowledgeIssue[] } {
  const issues: KnowledgeIssue[] = [];
  const checked: Checked[] = [];
  items.forEach((item, index) => {
    const id = idOf(item.data, index);
    const report = (path: (string | number)[], message: string, key = false) =>
      issues.push({
        file: item.file,
        entityId: id,
        field: path.join('.') || '(entity)',
        message,
        ...(item.locate?.(path, key) ? { position: item.locate(path, key) as Position } : {}),
      });
    const result = v.safeParse(EntitySourceSchema, item.data);
    if (!result.success) {
      for (const issue of result.issues) {
        const d = describe(issue);
        report(d.path, d.message, d.key);
      }
      const rest = partial(item.data);
      if (rest) checked.push({ item, entity: rest, broken: true });
      return;
    }
    const e = result.output;
    if (item.expectedId !== undefined && e.id !== item.expectedId) {
      report(['id'], `\`id\` is "${e.id}" but the file is named "${item.expectedId}": they must be the same`);
    }
    if (item.expectedCategory !== undefined && e.category !== item.expectedCategory) {
      report(['category'], `\`category\` is "${e.category}" but the file is in the folder "${item.expectedCategory}"`);
    }
    checked.push({ item, entity: normalize(e) });
  });
  issues.push(...checkLinks(checked, known));
  // Mistakes in file order, each file's by line.
  const order = new Map(items.map((item, i) => [item.file, i]));
  issues.sort(
    (a, b) =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
  return { entities: checked.filter((c) => !c.broken).map((c) => c.entity), issues };
}

/** Like {@link validateKnowledge}, but throws a {@link KnowledgeError} listing every mistake. */
export function checkKnowledge(items: readonly KnowledgeItem[], known: readonly Entity[] = []): Entity[] {
  const { entities, issues } = validateKnowledge(items, known);
  if (issues.length > 0) throw new KnowledgeError(issues);
  return entities;
}

/** An entity read from an item; `broken` when only part of it could be read (its mistakes are listed). */
type Checked = { item: KnowledgeItem; entity: Entity; broken?: boolean };

/** alias → its owner: entity id, marked ambiguous, installed already. */
type Owner = { id: string; ambiguous: boolean; installed: boolean };

function checkLinks(checked: Checked[], known: readonly Entity[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const knownIds = new Set(known.map((e) => e.id));
  const ids = new Map<string, string>();
  const all = new Set(knownIds);
  for (const { entity } of checked) all.add(entity.id);
  const owners = new Map<string, Owner>();
  for (const e of known)
    for (const a of e.ambiguousAliases) owners.set(a, { id: e.id, ambiguous: true, installed: true });
  for (const e of known) for (const a of e.aliases) owners.set(a, { id: e.id, ambiguous: false, installed: true });

  for (const { item, entity: e } of checked) {
    const report = (path: (string | number)[], message: string) =>
      issues.push({
        file: item.file,
        entityId: e.id,
        field: path.join('.'),
        message,
        ...(item.locate?.(path) ? { position: item.locate(path) as Position } : {}),
      });
    const twin = ids.get(e.id);
    if (twin !== undefined) report(['id'], `\`id\` "${e.id}" is also the id of the entity in ${twin}`);
    else if (knownIds.has(e.id)) report(['id'], `\`id\` "${e.id}" is already the id of an installed entity`);
    ids.set(e.id, item.file);

    const plain = new Set(e.aliases);
    const lists = [
      ['aliases', e.aliases, false],
      ['ambiguousAliases', e.ambiguousAliases, true],
    ] as const;
    for (const [field, list, ambiguous] of lists) {
      const seen = new Set<string>();
      for (let i = 0; i < list.length; i++) {
        const a = list[i] as string;
        if (seen.has(a)) {
          report([field, i], `\`${field}\` lists "${a}" twice`);
          continue;
        }
        seen.add(a);
        if (ambiguous && plain.has(a)) {
          report([field, i], `"${a}" is in both \`aliases\` and \`ambiguousAliases\``);
          continue;
        }
        const owner = owners.get(a);
        if (owner && owner.id !== e.id && !(owner.ambiguous && ambiguous)) {
          const whose = owner.installed ? `installed entity "${owner.id}"` : `"${owner.id}"`;
          report(
            [field, i],
            owner.ambiguous
              ? `"${a}" is an ambiguous name of ${whose}: list it under \`ambiguousAliases\` here too`
              : `"${a}" is already an alias of ${whose}: an alias may name one entity, unless every entity that uses it lists it under \`ambiguousAliases\``,
          );
        }
        if (!owner || (!owner.installed && owner.ambiguous && !ambiguous)) {
          owners.set(a, { id: e.id, ambiguous, installed: false });
        }
      }
    }

    const link = (path: (string | number)[], id: string) => {
      if (id === e.id) report(path, `\`${path.join('.')}\` names the entity itself`);
      else if (!all.has(id))
        report(path, `\`${path.join('.')}\` names "${id}", which is not an entity${suggest(id, all)}`);
    };
    if (e.family !== undefined) link(['family'], e.family);
    e.related.forEach((r, i) => {
      link(['related', i, 'id'], r.id);
      if (r.since && r.until && r.until < r.since) report(['related', i, 'until'], '`until` is before `since`');
    });
    e.facts.forEach((f, i) => {
      f.involves.forEach((id, k) => {
        link(['facts', i, 'involves', k], id);
      });
    });
  }
  return issues;
}

const suggest = (id: string, ids: ReadonlySet<string>): string => {
  const guess = closest(id, [...ids]);
  return guess ? ` (did you mean "${guess}"?)` : '';
};
