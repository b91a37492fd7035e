import * as v from 'valibot';
import { CATEGORIES, type Category } from '../knowledge/categories';
import { DEFAULTS, HOVER_DELAY, MENTIONS, SCOPES, STYLES } from './settings-defaults';

export {
  DEFAULTS,
  type HighlightStyle,
  HOVER_DELAY,
  MENTIONS,
  type Mentions,
  type ReadScope,
  readSettings,
  SCOPES,
  type Settings,
  STYLES,
} from './settings-defaults';

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
    scope: v.optional(v.picklist(SCOPES, `must be one of: ${SCOPES.join(', ')}`), DEFAULTS.scope),
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
