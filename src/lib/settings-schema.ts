import * as v from 'valibot';
import { allCategories, CATEGORIES, type Category } from '../knowledge/categories';
import { isRecord } from './records';

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

/** Every category is highlighted until the reader says otherwise. */
const ALL_CATEGORIES: Record<Category, boolean> = allCategories();

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

const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  (list as readonly unknown[]).includes(value) ? (value as T) : fallback;
const isHoverDelay = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= HOVER_DELAY.min && value <= HOVER_DELAY.max;

/**
 * Stored settings as the current version reads them: junk becomes defaults, value by value, and
 * unknown keys are dropped. Plain code, not a schema: every page's content script reads settings
 * first thing, and a validation library costs it milliseconds there. Key order is fixed, so equal
 * settings serialise equally.
 */
export function readSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  const c = isRecord(r.categories) ? r.categories : {};
  return {
    version: DEFAULTS.version,
    paused: flag(r.paused, DEFAULTS.paused),
    categories: Object.fromEntries(CATEGORIES.map((k) => [k, flag(c[k], true)])) as Record<Category, boolean>,
    mentions: oneOf(MENTIONS, r.mentions, DEFAULTS.mentions),
    style: oneOf(STYLES, r.style, DEFAULTS.style),
    hoverDelay: isHoverDelay(r.hoverDelay) ? r.hoverDelay : DEFAULTS.hoverDelay,
  };
}

const bool = v.boolean('must be true or false');
const hoverDelay = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(HOVER_DELAY.min, `must be at least ${HOVER_DELAY.min}`),
  v.maxValue(HOVER_DELAY.max, `must be at most ${HOVER_DELAY.max}`),
);

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
        Object.fromEntries(CATEGORIES.map((k) => [k, v.optional(bool, true)])) as Record<
          Category,
          v.OptionalSchema<typeof bool, true>
        >,
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
