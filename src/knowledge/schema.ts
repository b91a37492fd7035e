import * as v from 'valibot';

/** Categories, in the order the popup lists them. Each paints as `backstory-<category>`. */
export const CATEGORIES = ['company', 'chip', 'regulator', 'product', 'person'] as const;

/** One of the closed list of entity categories. */
export type Category = (typeof CATEGORIES)[number];

const NO_HTML = /[<>]/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Pure: bundles that import this module only for its types and constants drop the schemas.
const plainText = /* @__NO_SIDE_EFFECTS__ */ (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check((s) => !NO_HTML.test(s), 'must be plain text (no < or >)'),
  );

const httpsUrl = v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be an https URL'));

/** `asOf` dates are real calendar dates and never in the future (a fact cannot be known yet). */
const isoDate = /* @__NO_SIDE_EFFECTS__ */ (today: () => string) =>
  v.pipe(
    v.string(),
    v.regex(ISO_DATE, 'must be an ISO date (YYYY-MM-DD)'),
    v.check((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, 'must be a real calendar date'),
    v.check((s) => s <= today(), 'must not be in the future'),
  );

const todayIso = () => new Date().toISOString().slice(0, 10);

/** Schema of one fact: a sentence, the date it was true, and where it is stated. */
export const FactSchema = v.strictObject({
  text: plainText(240),
  asOf: isoDate(todayIso),
  source: httpsUrl,
});

const alias = v.pipe(
  v.string(),
  v.nonEmpty('must not be empty'),
  v.check((s) => s.trim() === s, 'must not start or end with spaces'),
  v.check((s) => !NO_HTML.test(s), 'must be plain text (no < or >)'),
);

/** Schema of one entry of `entities.json`, as people write it. */
export const EntitySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(KEBAB, 'must be kebab-case (a-z, 0-9, single hyphens)')),
  name: plainText(80),
  category: v.picklist(CATEGORIES, `must be one of: ${CATEGORIES.join(', ')}`),
  aliases: v.pipe(v.array(alias), v.minLength(1, 'must list at least one alias')),
  ambiguousAliases: v.optional(v.array(alias), []),
  summary: plainText(240),
  url: httpsUrl,
  facts: v.pipe(
    v.array(FactSchema),
    v.minLength(2, 'must have at least 2 facts'),
    v.maxLength(5, 'must have at most 5 facts'),
  ),
  related: v.optional(v.array(v.strictObject({ id: v.string(), label: plainText(60) })), []),
});

/** One validated knowledge entry. */
export type Entity = v.InferOutput<typeof EntitySchema>;

/** One dated, sourced fact. */
export type Fact = v.InferOutput<typeof FactSchema>;
