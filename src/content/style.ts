import { CATEGORIES } from '../knowledge/categories';
import type { HighlightStyle } from '../lib/settings';

const names = CATEGORIES.map((c) => `::highlight(backstory-${c})`).join(', ');

/** Overrides of highlights.css (tint and dotted underline) for the other two styles. */
const OVERRIDES: Record<HighlightStyle, string> = {
  'tint-underline': '',
  underline: `${names} { background-color: transparent !important; }`,
  tint: `${names} { text-decoration: none !important; }`,
};

let sheet: CSSStyleSheet | null = null;

/**
 * Applies the reader's highlight style. The default needs nothing beyond highlights.css; the
 * others add one constructed stylesheet to the document's adopted sheets (no element is added).
 */
export function applyHighlightStyle(style: HighlightStyle): void {
  const css = OVERRIDES[style];
  // The default touches nothing: even reading adoptedStyleSheets costs a page a millisecond.
  if (!css && !sheet) return;
  const adopted = document.adoptedStyleSheets;
  if (!css) {
    document.adoptedStyleSheets = adopted.filter((s) => s !== sheet);
    sheet = null;
    return;
  }
  if (!sheet) sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  if (!adopted.includes(sheet)) document.adoptedStyleSheets = [...adopted, sheet];
}
