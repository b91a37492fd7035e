import type { Page } from 'playwright-core';

/**
 * Runs in the page: highlights registered there, by name, as the text each range covers.
 * Shared by the Playwright (Chromium) and Puppeteer (Firefox) helpers.
 */
export function highlightTextsInPage(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, h] of registry) {
    out[name] = [...h].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }
  return out;
}

/** Highlights registered on the page, by name, as the text each range covers (read from the page itself). */
export function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(highlightTextsInPage);
}

/** Waits until Backstory has painted at least one `backstory-*` highlight. */
export async function waitForHighlights(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () =>
      [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights].some(
        ([n, h]) => n.startsWith('backstory-') && h.size > 0,
      ),
    undefined,
    { timeout },
  );
}

/** Runs in the page: the centre of the `n`th occurrence of `needle` in viewport coordinates (scrolled into view). */
export function pointOfTextInPage([needle, n]: readonly [string, number]): { x: number; y: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let i = data.indexOf(needle); i !== -1; i = data.indexOf(needle, i + 1)) {
      if (seen++ !== n) continue;
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + needle.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center', behavior: 'instant' });
      const b = r.getClientRects()[0] as DOMRect;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
  }
  throw new Error(`"${needle}" #${n} not found`);
}

/** The centre of the `nth` occurrence of `text` in the page's text, in viewport coordinates (scrolled into view). */
export function pointOfText(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(pointOfTextInPage, [text, nth] as const);
}

/** The card's text and box, or null when no card is shown. */
export function readCard(
  page: Page,
): Promise<{ text: string; box: { x: number; y: number; width: number; height: number } } | null> {
  return page.evaluate(() => {
    const card = document.querySelector('backstory-ui')?.shadowRoot?.querySelector('.card');
    if (!card) return null;
    const b = card.getBoundingClientRect();
    return { text: card.textContent ?? '', box: { x: b.x, y: b.y, width: b.width, height: b.height } };
  });
}
