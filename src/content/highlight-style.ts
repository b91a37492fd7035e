import { CATEGORIES, CATEGORY_COLORS, rgb } from '../knowledge/categories';
import type { HighlightStyle } from '../lib/settings';
import type { Scheme } from '../lib/theme';

/** Tint strength: a dark page needs more of it to show. */
const TINT = { light: 0.16, dark: 0.3 } as const;

/**
 * Where the rules attach. Chromium gives custom highlights highlight inheritance: a rule on the
 * root reaches every element, and adding it invalidates the root's style alone, where a universal
 * `::highlight()` rule makes the browser recompute every element's style (a DOM 10,000 deep: 25 ms
 * or more, inside Backstory's task). Firefox paints a highlight only where a rule matches the text's
 * own element, so its build keeps the universal selector.
 */
const ON = import.meta.env?.BACKSTORY_FIREFOX ? '' : ':root';

/**
 * The `::highlight()` rules for a style and the page's scheme, from the one palette
 * (src/knowledge/categories.ts): a tint and a dotted underline per category (or either alone),
 * `backstory-quiet` nearly invisible until a mention is under the pointer, and
 * `backstory-active` for the mention whose card is open.
 */
export function highlightCss(style: HighlightStyle, scheme: Scheme): string {
  const rules = CATEGORIES.map((c) => {
    const { tint } = CATEGORY_COLORS[c];
    const line = CATEGORY_COLORS[c][scheme];
    const parts = [
      style !== 'underline' ? `background-color: ${rgb(tint, TINT[scheme])};` : '',
      style !== 'tint' ? `text-decoration: underline dotted ${rgb(line, 0.9)}; text-underline-offset: 0.2em;` : '',
    ];
    return `${ON}::highlight(backstory-${c}) { ${parts.join(' ')} }`;
  });
  const quiet = scheme === 'dark' ? [200, 205, 215] : [90, 96, 110];
  const active = scheme === 'dark' ? 'rgb(255 200 0 / 0.35)' : 'rgb(255 200 0 / 0.45)';
  rules.push(
    `${ON}::highlight(backstory-quiet) { text-decoration: underline dotted rgb(${quiet.join(' ')} / 0.35); text-underline-offset: 0.2em; }`,
    `${ON}::highlight(backstory-active) { background-color: ${active}; text-decoration: underline solid currentColor; }`,
  );
  return rules.join('\n');
}

/**
 * Backstory's highlight styles exist only while it paints: one constructed stylesheet in the
 * document's adopted sheets (no element is added), attached when painting starts and removed
 * when it stops, so a page where Backstory is off cannot tell it is installed from its styles.
 */
export function createHighlightStyle() {
  let sheet: CSSStyleSheet | null = null;
  let css = '';
  return {
    /** Attaches (or updates) the rules; a page that dropped the sheet gets it back. */
    attach(style: HighlightStyle, scheme: Scheme): void {
      const next = highlightCss(style, scheme);
      sheet ??= new CSSStyleSheet();
      if (next !== css) {
        sheet.replaceSync(next);
        css = next;
      }
      const adopted = document.adoptedStyleSheets;
      if (!adopted.includes(sheet)) document.adoptedStyleSheets = [...adopted, sheet];
    },
    /** True while the page still has the sheet. */
    attached: (): boolean => sheet !== null && document.adoptedStyleSheets.includes(sheet),
    detach(): void {
      if (!sheet) return;
      const own = sheet;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
    },
  };
}
