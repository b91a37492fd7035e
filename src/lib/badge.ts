import type { PageState } from './messages';

/** Badge text: distinct entities on the page; "off" where the reader switched the site off or paused Backstory. */
export function badgeText(state: PageState, paused = false): string {
  if (paused || !state.enabled) return 'off';
  const n = state.entities.length;
  return n === 0 ? '' : String(n);
}

/** Badge colour: the accent while Backstory works on the page, grey when it is off. */
export const badgeColor = (text: string): string => (text === 'off' ? '#6b6b6b' : '#3654c8');
