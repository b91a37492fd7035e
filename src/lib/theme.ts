import { CATEGORIES, CATEGORY_COLORS, type Category, rgb } from '../knowledge/categories';

/** Light or dark: the extension pages follow the system's choice; the card follows the page's own background. */
export type Scheme = 'light' | 'dark';

/** `--company: rgb(…); --chip: …`: each category's text colour on a background of that scheme. */
export const categoryVars = (scheme: Scheme): string =>
  CATEGORIES.map((c) => `--${c}: ${rgb(CATEGORY_COLORS[c][scheme])};`).join(' ');

/**
 * The category colours of the popup and the options page, made from the one palette
 * (src/knowledge/categories.ts): the variables for both schemes, and `--cat` on any element
 * marked `data-category`, so the stylesheets never list the categories themselves.
 */
export function categoryCss(): string {
  const each = CATEGORIES.map((c: Category) => `[data-category="${c}"] { --cat: var(--${c}); }`).join('\n');
  return `:root { ${categoryVars('light')} }
@media (prefers-color-scheme: dark) { :root { ${categoryVars('dark')} } }
${each}
`;
}

/** Adds the category colours to an extension page (popup, options) once. */
export function installCategoryCss(doc: Document = document): void {
  const style = doc.createElement('style');
  style.textContent = categoryCss();
  doc.head.append(style);
}
