/**
 * The settings' defaults and the plain reader of stored settings, without a validation library:
 * the content script reads settings on every page.
 */
import { allCategories, CATEGORIES, type Category } from '../knowledge/categories';
import { isRecord } from './records';

/** How mentions are painted: a tint with an underline, the underline only, or the tint only. */
export const STYLES = ['tint-underline', 'underline', 'tint'] as const;
/** One of {@link STYLES}. */
export type HighlightStyle = (typeof STYLES)[number];
/**
 * Which mentions are painted: calm (every mention in the article's first screen and each name's
 * first mention in every section, the rest shown only under the pointer), every one, or only the
 * first of each name on the page.
 */
export const MENTIONS = ['calm', 'all', 'first'] as const;
/** One of {@link MENTIONS}. */
export type Mentions = (typeof MENTIONS)[number];
/** Where names are read: the page's article (menus, rails, footers left alone), or the whole page. */
export const SCOPES = ['article', 'page'] as const;
/** One of {@link SCOPES}. */
export type ReadScope = (typeof SCOPES)[number];
/** Bounds of `hoverDelay`, in milliseconds. */
export const HOVER_DELAY = { min: 0, max: 2000 } as const;

/** Every category is highlighted until the reader says otherwise. */
const ALL_CATEGORIES: Record<Category, boolean> = allCategories();

/** Global settings (storage.sync key `settings`); the defaults define the type, as in refined-github. */
export const DEFAULTS = {
  version: 1,
  paused: false,
  categories: ALL_CATEGORIES,
  mentions: 'calm' as Mentions,
  style: 'tint-underline' as HighlightStyle,
  hoverDelay: 300,
  scope: 'article' as ReadScope,
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
    scope: oneOf(SCOPES, r.scope, DEFAULTS.scope),
  };
}
