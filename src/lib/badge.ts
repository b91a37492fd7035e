import type { PageState } from './messages';

/** Badge text: distinct entities on the page, "off" where the reader switched the site off. */
export function badgeText(state: PageState): string {
  if (!state.enabled) return 'off';
  const n = state.entities.length;
  return n === 0 ? '' : String(n);
}
