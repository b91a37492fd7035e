import type { Scheme } from '../lib/theme';

/** `rgb(a)` channels and alpha from a computed colour, or null for anything else. */
function parse(color: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return null;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

/** WCAG relative luminance of sRGB channels (0–255). */
export function luminance(r: number, g: number, b: number): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Whether the page is light or dark where `el` sits: the first opaque background from it up to
 * the root; where none is painted, the canvas, which is dark only when the page asks for a dark
 * colour scheme. The reader's system setting does not decide: a white news page is light.
 */
export function schemeAt(el: Element | null, doc: Document = document): Scheme {
  for (let e = el; e; e = e.parentElement) {
    const bg = parse(getComputedStyle(e).backgroundColor);
    if (bg && bg[3] >= 0.5) return luminance(bg[0], bg[1], bg[2]) < 0.25 ? 'dark' : 'light';
  }
  const scheme = getComputedStyle(doc.documentElement).colorScheme ?? '';
  // "light dark" lets the browser pick; a page that offers only dark paints a dark canvas.
  return /\bdark\b/.test(scheme) && !/\blight\b/.test(scheme) ? 'dark' : 'light';
}
