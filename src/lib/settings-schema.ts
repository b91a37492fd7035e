import * as v from 'valibot';
import type { Category } from '../knowledge/schema';

/** How mentions are painted: a tint with an underline, the underline only, or the tint only. */
export const STYLES = ['tint-underline', 'underline', 'tint'] as const;
/** One of {@link STYLES}. */
export type HighlightStyle = (typeof STYLES)[number];
/** Which mentions of each entity are painted: every one, or the first on the page. */
export const MENTIONS = ['all', 'first'] as const;
/** One of {@link MENTIONS}. */
export type Mentions = (typeof MENTIONS)[number];
/** Bounds of `hoverDelay`, in milliseconds. */
export const HOVER_DELAY = { min: 0, max: 2000 } as const;

/** Typed apart so that a new category without a default fails to compile. */
const ALL_CATEGORIES: Record<Category, boolean> = {
  company: true,
  chip: true,
  regulator: true,
  product: true,
  person: true,
};

/** Global settings (storage.sync key `settings`); the defaults define the type, as in refined-github. */
export const DEFAULTS = {
  version: 1,
  paused: false,
  categories: ALL_CATEGORIES,
  mentions: 'all' as Mentions,
  style: 'tint-underline' as HighlightStyle,
  hoverDelay: 300,
};

/** The global settings, as `getSettings()` returns them. */
export type Settings = typeof DEFAULTS;

/** Defaults in the key order of the schema below, so equal settings serialise equally. */
const fresh = (): Omit<Settings, 'version'> => {
  const { version: _, ...rest } = DEFAULTS;
  return { ...rest, categories: { ...DEFAULTS.categories } };
};
const flag = (fallback: boolean) => v.fallback(v.boolean(), fallback);
const hoverDelay = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(HOVER_DELAY.min, `must be at least ${HOVER_DELAY.min}`),
  v.maxValue(HOVER_DELAY.max, `must be at most ${HOVER_DELAY.max}`),
);

/** Reading never fails: each missing or wrong value falls back to its own default, the rest is kept. */
const Lenient = v.fallback(
  v.object({
    paused: flag(DEFAULTS.paused),
    categories: v.fallback(
      v.object({
        company: flag(true),
        chip: flag(true),
        regulator: flag(true),
        product: flag(true),
        person: flag(true),
      }),
      () => ({ ...DEFAULTS.categories }),
    ),
    mentions: v.fallback(v.picklist(MENTIONS), DEFAULTS.mentions),
    style: v.fallback(v.picklist(STYLES), DEFAULTS.style),
    hoverDelay: v.fallback(hoverDelay, DEFAULTS.hoverDelay),
  }),
  fresh,
);

/** Stored settings as the current version reads them: junk becomes defaults, value by value. */
export const readSettings = (raw: unknown): Settings => ({ version: DEFAULTS.version, ...v.parse(Lenient, raw) });

const bool = v.boolean('must be true or false');

/** Writing and importing are strict: a wrong value is refused, not silently replaced. Missing ones take defaults. */
export const SettingsSchema = v.strictObject(
  {
    version: v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(DEFAULTS.version, `is newer than this version of Backstory reads (${DEFAULTS.version})`),
    ),
    paused: v.optional(bool, DEFAULTS.paused),
    categories: v.optional(
      v.strictObject(
        {
          company: v.optional(bool, true),
          chip: v.optional(bool, true),
          regulator: v.optional(bool, true),
          product: v.optional(bool, true),
          person: v.optional(bool, true),
        },
        'must be an object of category: true or false',
      ),
      () => ({ ...DEFAULTS.categories }),
    ),
    mentions: v.optional(v.picklist(MENTIONS, `must be one of: ${MENTIONS.join(', ')}`), DEFAULTS.mentions),
    style: v.optional(v.picklist(STYLES, `must be one of: ${STYLES.join(', ')}`), DEFAULTS.style),
    hoverDelay: v.optional(hoverDelay, DEFAULTS.hoverDelay),
  },
  'must be an object of Backstory settings',
);

/** `location.hostname` as pages report it: a name or IPv4 address, or an IPv6 address in brackets. */
const HOSTNAME = /^(?:[^\s/?#@:[\]]+|\[[0-9A-Fa-f:.]+\])$/;

/** The file `exportSettings()` writes and `importSettings()` reads. */
export const BackupSchema = v.object(
  {
    settings: SettingsSchema,
    sites: v.optional(
      v.record(
        v.pipe(v.string(), v.maxLength(253, 'is too long for a hostname'), v.regex(HOSTNAME, 'is not a hostname')),
        v.literal(false, 'must be false (the site is switched off)'),
        'must be an object of hostname: false',
      ),
      {},
    ),
  },
  'must be a JSON object with "settings" and "sites"',
);

/** `field "a.b" must be …`, from the first issue valibot reports. */
export function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'is not valid';
  const path = issue.path ?? [];
  const field = path.map((p) => String(p.key)).join('.');
  if (field === '') return issue.message;
  const byKey = (path.at(-1) as { origin?: string } | undefined)?.origin === 'key';
  if (byKey && issue.input === undefined) return `field "${field}" is missing`;
  if (byKey && issue.type === 'strict_object') return `field "${field}" is not a Backstory setting`;
  if (byKey) return `site "${field.split('.').at(-1)}" ${issue.message}`;
  return `field "${field}" ${issue.message}`;
}
