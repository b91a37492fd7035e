// The reader's paths beyond a desktop mouse, in Chromium with the built extension: a phone and a
// tablet tapping names, the keyboard going into the card and out, and cards in the page's colours.
import { mkdirSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contrast,
  inShadow,
  pointOfText,
  readCard,
  startSuite,
  waitForCard,
  waitForHighlights,
  waitForNoCard,
} from './harness';

const SHOTS = 'artifacts/e2e';
mkdirSync(SHOTS, { recursive: true });

let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

/** A touch screen of the given size: the page sees touch events and no hover. */
async function touchScreen(path: string, width: number, height: number): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await suite.eb.context.newPage();
  const cdp = await suite.eb.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 2, mobile: true });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await page.goto(suite.server.url(path));
  await waitForHighlights(page);
  return { page, cdp };
}

/** A finger's tap at a point: touch start and end, as a phone sends them (trusted input). */
async function tap(cdp: CDPSession, { x, y }: { x: number; y: number }) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** The box of the first occurrence of `text` in the element `#id`. */
const boxOf = (page: Page, id: string, text: string) =>
  page.evaluate(
    ([elId, needle]) => {
      const el = document.getElementById(elId) as HTMLElement;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(needle);
        if (i === -1) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + needle.length);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
      throw new Error(`no ${needle}`);
    },
    [id, text] as const,
  );

const centre = (b: { x: number; y: number; width: number; height: number }) => ({
  x: b.x + b.width / 2,
  y: b.y + b.height / 2,
});

describe('touch', () => {
  it('on a 360×740 phone, a tap opens the card as a sheet at the bottom that leaves the name visible; × closes it', async () => {
    const { page, cdp } = await touchScreen('demo-article.html', 360, 740);
    const name = await boxOf(page, 'deal', 'Anthropic');
    const before = page.url();
    await tap(cdp, centre(name));
    await waitForCard(page, 'anthropic');
    // "Anthropic" here sits in a link: the first tap shows the card and does not follow it.
    expect(page.url()).toBe(before);
    const card = await readCard(page);
    const sheet = card?.box;
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(await inShadow(page, (root) => root.querySelector('.card')?.classList.contains('sheet'))).toBe(true);
    expect(sheet.y + sheet.height).toBeGreaterThanOrEqual(740 - 2);
    expect(sheet.height).toBeLessThanOrEqual(740 / 2 + 1);
    expect(sheet.width).toBeGreaterThanOrEqual(340);
    // The tapped name stays above the sheet (the page may have scrolled to keep it there).
    const now = await boxOf(page, 'deal', 'Anthropic');
    expect(now.y + now.height).toBeLessThanOrEqual(sheet.y);
    await page.screenshot({ path: `${SHOTS}/touch-360-sheet.png` });
    // The close button is a real target for a finger.
    const close = await inShadow(page, (root) => {
      const b = (root.querySelector('.close') as HTMLElement).getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    });
    expect(close && close.width >= 24 && close.height >= 24).toBe(true);
    if (close) await tap(cdp, centre(close));
    await waitForNoCard(page);
    await page.close();
  });

  it('on a 360×740 phone, a name near the end of a short page stays visible: the sheet goes to the top', async () => {
    // The page cannot scroll the name above a sheet at the bottom, so the sheet takes the top.
    const { page, cdp } = await touchScreen('short-news.html', 360, 740);
    await tap(cdp, centre(await boxOf(page, 'last', 'Anthropic')));
    await waitForCard(page, 'anthropic');
    const sheet = (await readCard(page))?.box;
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const name = await boxOf(page, 'last', 'Anthropic');
    const covered = name.y < sheet.y + sheet.height && sheet.y < name.y + name.height;
    expect(covered).toBe(false);
    expect(sheet.y).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${SHOTS}/touch-360-sheet-short-page.png` });
    await page.close();
  });

  it('on a 768×1024 tablet, a tap opens the card beside the name; a tap elsewhere closes it', async () => {
    const { page, cdp } = await touchScreen('demo-article.html', 768, 1024);
    const name = await boxOf(page, 'deal', 'Anthropic');
    await tap(cdp, centre(name));
    await waitForCard(page, 'anthropic');
    const box = (await readCard(page))?.box;
    expect(await inShadow(page, (root) => root.querySelector('.card')?.classList.contains('sheet'))).toBe(false);
    const overlaps =
      box &&
      box.x < name.x + name.width &&
      name.x < box.x + box.width &&
      box.y < name.y + name.height &&
      name.y < box.y + box.height;
    expect(overlaps).toBe(false);
    await page.screenshot({ path: `${SHOTS}/touch-768-card.png` });
    await tap(cdp, { x: 20, y: 1000 });
    await waitForNoCard(page);
    await page.close();
  });
});

describe('keyboard', () => {
  it('Alt+Shift+N steps to a name, Alt+Shift+C goes into its card, Tab stays in it, Escape closes it and returns focus', async () => {
    const page = await suite.open('demo-article.html');
    await waitForHighlights(page);
    await page.focus('body');
    await page.keyboard.press('Alt+Shift+N');
    const first = await until(page, () => readCard(page));
    expect(first?.entity).toBeTruthy();
    await page.keyboard.press('Alt+Shift+C');
    const focused = () =>
      inShadow(page, (root) => root.activeElement?.textContent?.trim() ?? root.activeElement?.className ?? null);
    const names: (string | null)[] = [await focused()];
    expect(names[0]).not.toBeNull();
    // Tab cycles the card's controls (close button, sources, "More about"), never leaving it.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      names.push(await focused());
    }
    expect(names.every((n) => n !== null)).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(1);
    expect(await readCard(page)).not.toBeNull();
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    // Focus is back on the page, where it was, not lost inside a closed card.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    // A card the keyboard went into closes when focus leaves it for the page.
    await page.keyboard.press('Alt+Shift+N');
    await until(page, () => readCard(page));
    await page.keyboard.press('Alt+Shift+C');
    expect(await focused()).not.toBeNull();
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'elsewhere';
      b.textContent = 'Elsewhere';
      document.body.prepend(b);
    });
    await page.click('#elsewhere');
    await waitForNoCard(page);
    await page.close();
  });
});

/** Background of the open card. */
const cardBackground = (page: Page) =>
  inShadow(page, (root) => getComputedStyle(root.querySelector('.card') as HTMLElement).backgroundColor);
const isDark = (rgb: string | null) => {
  const [r = 255, g = 255, b = 255] = (rgb?.match(/\d+/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
};

describe("the page's colours, not the system's", () => {
  for (const [path, scheme, dark] of [
    ['always-dark.html', 'light', true],
    ['four-names.html', 'dark', false],
  ] as const) {
    it(`${dark ? 'a dark' : 'a light'} page with the system ${scheme} gets a ${dark ? 'dark' : 'light'} card`, async () => {
      const page = await suite.eb.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(suite.server.url(path));
      await waitForHighlights(page);
      const p = await pointOfText(page, 'Anthropic');
      await page.mouse.move(p.x, p.y);
      await waitForCard(page, 'anthropic');
      expect(isDark(await cardBackground(page))).toBe(dark);
      // Readable in both: every text colour of the card against its background, WCAG AA.
      const colours = await inShadow(page, (root) =>
        [...root.querySelectorAll('.card, .card *')].map((el) => getComputedStyle(el).color),
      );
      const bg = (await cardBackground(page)) ?? '';
      for (const fg of new Set(colours)) expect(contrast(fg, bg), fg).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: `${SHOTS}/card-on-${dark ? 'dark' : 'light'}-page-system-${scheme}.png` });
      await page.close();
    });
  }
});

/** Polls `read` until it gives a truthy value (5 s at most). */
async function until<T>(page: Page, read: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (value || Date.now() > deadline) return value;
    await page.waitForTimeout(50);
  }
}
