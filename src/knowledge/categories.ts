/**
 * The one list of entity categories: ids in the order the popup and options list them, the
 * colours they paint in, and the names of the messages that label them. Everything that needs a
 * category (schema, settings, highlight styles, card, popup, options) reads it from here.
 */
export const CATEGORIES = ['company', 'chip', 'regulator', 'product', 'person', 'law'] as const;

/** One of the closed list of entity categories. */
export type Category = (typeof CATEGORIES)[number];

/** A colour as `r g b` channels, so CSS can add an alpha: `rgb(var(--c) / 0.2)`. */
type Rgb = readonly [number, number, number];

/**
 * Text colours of each category on a light and on a dark background (badges, headings): each
 * has a contrast of at least 4.5:1 against the card's and popup's background of that scheme
 * (asserted in tests/unit/categories.test.ts). The page highlight is a tint of the same hue.
 */
export const CATEGORY_COLORS: Record<Category, { light: Rgb; dark: Rgb; tint: Rgb }> = {
  company: { light: [47, 95, 216], dark: [143, 177, 255], tint: [59, 110, 246] },
  chip: { light: [11, 125, 87], dark: [95, 212, 166], tint: [16, 160, 110] },
  regulator: { light: [166, 90, 0], dark: [240, 179, 92], tint: [222, 130, 20] },
  product: { light: [129, 54, 184], dark: [210, 162, 245], tint: [160, 80, 220] },
  person: { light: [184, 48, 93], dark: [245, 154, 184], tint: [220, 60, 110] },
  law: { light: [84, 96, 112], dark: [184, 196, 212], tint: [110, 125, 145] },
};

/** Message keys of each category: its badge on the card (singular) and its heading (plural). */
export const CATEGORY_MESSAGES = {
  company: { one: 'cardCompany', many: 'categoryCompanies' },
  chip: { one: 'cardChip', many: 'categoryChips' },
  regulator: { one: 'cardRegulator', many: 'categoryRegulators' },
  product: { one: 'cardProduct', many: 'categoryProducts' },
  person: { one: 'cardPerson', many: 'categoryPeople' },
  law: { one: 'cardLaw', many: 'categoryLaws' },
} as const satisfies Record<Category, { one: string; many: string }>;

/** `true` for every category: the default of the reader's choice of what to highlight. */
export const allCategories = (on = true): Record<Category, boolean> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, on])) as Record<Category, boolean>;

/** True for a category id. */
export const isCategory = (value: unknown): value is Category => (CATEGORIES as readonly unknown[]).includes(value);

/** `rgb(r g b)` or `rgb(r g b / a)`. */
export const rgb = (c: Rgb, alpha?: number): string =>
  alpha === undefined ? `rgb(${c.join(' ')})` : `rgb(${c.join(' ')} / ${alpha})`;
