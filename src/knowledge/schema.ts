import * as v from 'valibot';
import { CATEGORIES, type Category } from './categories.ts';
import { RELATION_NAMES, type Relation, type RelationName } from './relations.ts';

export { CATEGORIES, type Category } from './categories.ts';

const NO_HTML = /[<>]/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Limits people meet when they write an entity; the docs quote them. */
export const LIMITS = { name: 80, summary: 280, fact: 280, note: 160, relationNote: 60, facts: [2, 8] } as const;

// Pure: bundles that import this module only for its types and constants drop the schemas.
const plainText = /* @__NO_SIDE_EFFECTS__ */ (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check((s) => !NO_HTML.test(s), 'must be plain text (no < or >)'),
  );

const httpsUrl = v.pipe(
  v.string('must be a URL'),
  v.url('must be a URL'),
  v.startsWith('https://', 'must be an https URL'),
);

/** Today as an ISO date; replaced in tests. */
let today = () => new Date().toISOString().slice(0, 10);
/** Tests pin "today" so that the future stays the future. */
export const setToday = (fn: () => string) => {
  today = fn;
};

/** True when `YYYY-MM-DD` names a day the calendar has (not 30 February). */
const isCalendarDay = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** A real calendar date, never in the future (a fact cannot be known yet). */
const isoDate = v.pipe(
  v.string('must be a date written YYYY-MM-DD'),
  v.regex(ISO_DATE, 'must be a date written YYYY-MM-DD'),
  v.check(isCalendarDay, 'must be a real calendar date'),
  v.check((s) => s <= today(), 'must not be in the future'),
);

const entityId = v.pipe(
  v.string('must be an entity id'),
  v.regex(KEBAB, 'must be kebab-case (a-z, 0-9, single hyphens)'),
);

const aliasText = v.pipe(
  v.string('must be text (put it in quotes if it looks like a number or yes/no)'),
  v.nonEmpty('must not be empty'),
  v.check((s) => s.trim() === s, 'must not start or end with spaces'),
  v.check((s) => !NO_HTML.test(s), 'must be plain text (no < or >)'),
  v.check(
    (s) => !/: (?:the |a |an |[a-z])/.test(s),
    'looks like a note written inside the alias: write it as `- Alias: note` without quotes around both',
  ),
);

/** `Facebook` or `Facebook: Meta's social network; …` (an alias with the note its card shows). */
const aliasEntry = v.union(
  [
    aliasText,
    v.pipe(
      v.record(aliasText, plainText(LIMITS.note)),
      v.check((r) => Object.keys(r).length === 1, 'must be one alias, or one "alias: note"'),
    ),
  ],
  'must be an alias, or "alias: note"',
);

/** `YYYY-MM-DD`; `YYYY-MM` or `YYYY` when only the month or the year is known. */
const FACT_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const FACT_DATE_WORDS =
  'must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY, when only the month or the year is known)';

/**
 * When a fact happened or was announced, as precisely as the source says: "Founded in 2016" is
 * `2016` (a bare year in YAML is a number: read as the year), and the card shows "2016", not a
 * month nobody said. Never in the future.
 */
const factDate = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer(), v.transform(String))], FACT_DATE_WORDS),
  v.regex(FACT_DATE, FACT_DATE_WORDS),
  // A year or a month is checked as its first day; a malformed date is reported above only.
  v.check(
    (s) => !FACT_DATE.test(s) || isCalendarDay(s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s),
    'must be a real calendar date',
  ),
  v.check((s) => s <= today(), 'must not be in the future'),
);

/** One dated, sourced fact, and the other entities it involves. */
export const FactSchema = v.strictObject({
  text: plainText(LIMITS.fact),
  asOf: factDate,
  source: httpsUrl,
  /** A second, independent source: numbers of 2025 and later (money, valuations, dates of rules) need one. */
  confirmedBy: v.optional(httpsUrl),
  involves: v.optional(v.array(entityId)),
});

const RelationSchema = v.strictObject({
  id: entityId,
  type: v.picklist(RELATION_NAMES, `must be one of: ${RELATION_NAMES.join(', ')}`),
  since: v.optional(isoDate),
  until: v.optional(
    v.pipe(v.string('must be a date written YYYY-MM-DD'), v.regex(ISO_DATE, 'must be a date written YYYY-MM-DD')),
  ),
  note: v.optional(plainText(LIMITS.relationNote)),
});

/** One entity as people write it in `src/knowledge/<category>/<id>.yaml`, and as packs hold it. */
export const EntitySourceSchema = v.pipe(
  v.strictObject({
    id: entityId,
    name: plainText(LIMITS.name),
    category: v.picklist(CATEGORIES, `must be one of: ${CATEGORIES.join(', ')}`),
    /** The family this entity is a generation or version of (a chip or model family). */
    family: v.optional(entityId),
    /** A family whose generations are written as its name and a number ("Gaudi 4", "TPU v8"). */
    versioned: v.optional(v.boolean('must be true or false')),
    /**
     * A kind of technology pages name generically (a memory standard such as HBM4): its facts and
     * ties are kept for cards and timelines, but its names are never highlighted.
     */
    generic: v.optional(v.boolean('must be true or false')),
    /** Spellings that name the entity whatever the page (at least one name here or under `ambiguousAliases`). */
    aliases: v.optional(v.array(aliasEntry, 'must be a list')),
    ambiguousAliases: v.optional(v.array(aliasEntry, 'must be a list')),
    summary: plainText(LIMITS.summary),
    url: v.optional(httpsUrl),
    facts: v.pipe(
      v.array(FactSchema, 'must be a list of facts'),
      v.minLength(LIMITS.facts[0], `must have at least ${LIMITS.facts[0]} facts`),
      v.maxLength(LIMITS.facts[1], `must have at most ${LIMITS.facts[1]} facts`),
    ),
    related: v.optional(v.array(RelationSchema, 'must be a list')),
  }),
  v.check(
    (e) => (e.aliases?.length ?? 0) + (e.ambiguousAliases?.length ?? 0) > 0,
    '`aliases` must list at least one name (here or under `ambiguousAliases`)',
  ),
);

/** An entity as written. */
export type EntitySource = v.InferOutput<typeof EntitySourceSchema>;

/** One dated, sourced fact. */
export type Fact = {
  text: string;
  asOf: string;
  source: string;
  confirmedBy?: string;
  /** Ids of the other entities the fact involves (a timeline finds it from both sides). */
  involves: string[];
};

/** An entity as the extension uses it: aliases as plain lists, their notes apart. */
export type Entity = {
  id: string;
  name: string;
  category: Category;
  family?: string;
  versioned?: boolean;
  generic?: boolean;
  aliases: string[];
  ambiguousAliases: string[];
  /** Alias → the note its card shows ("Facebook" → "Meta's social network; …"). */
  notes: Record<string, string>;
  summary: string;
  url?: string;
  facts: Fact[];
  related: Relation[];
};

export type { Relation, RelationName };

const split = (list: readonly (string | Record<string, string>)[] | undefined, notes: Record<string, string>) =>
  (list ?? []).map((a) => {
    if (typeof a === 'string') return a;
    const [alias, note] = Object.entries(a)[0] as [string, string];
    notes[alias] = note;
    return alias;
  });

/** The extension's form of a checked entity. */
export function normalize(e: EntitySource): Entity {
  const notes: Record<string, string> = {};
  const out: Entity = {
    id: e.id,
    name: e.name,
    category: e.category,
    aliases: split(e.aliases, notes),
    ambiguousAliases: split(e.ambiguousAliases, notes),
    notes,
    summary: e.summary,
    facts: e.facts.map((f) => ({ ...f, involves: f.involves ?? [] })),
    related: (e.related ?? []) as Relation[],
  };
  if (e.family) out.family = e.family;
  if (e.versioned) out.versioned = true;
  if (e.generic) out.generic = true;
  if (e.url) out.url = e.url;
  return out;
}

/** The field names of an entity, a fact and a relation: "did you mean" suggestions come from these. */
export const FIELD_NAMES = {
  entity: Object.keys(EntitySourceSchema.pipe[0].entries),
  fact: Object.keys(FactSchema.entries),
  relation: Object.keys(RelationSchema.entries),
} as const;
