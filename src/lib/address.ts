/** The page address "highlight anyway" is remembered by: origin and path, no query or fragment. */
export const pageAddress = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
};
