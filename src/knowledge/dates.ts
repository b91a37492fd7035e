const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-11-22" → "Nov 2024"; "2024" → "2024" (no Intl: a formatter costs milliseconds on a page). */
export const monthYear = (iso: string): string => {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1];
  return month ? `${month} ${iso.slice(0, 4)}` : iso.slice(0, 4);
};

/** "2024-03-27" → "27 Mar 2024" (an article's own date is known to the day). */
export const dayMonthYear = (iso: string): string =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
