import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../scripts/firefox';
import { highlightPlacesInPage } from '../../scripts/furniture';
import { highlightTextsInPage, pointOfTextInPage, tintedShareInPage } from '../../scripts/inspect';
import { serveFolder } from '../../scripts/serve';
import { realPageWithFurniture } from './harness';

let ff: FirefoxWithExtension;
let server: Awaited<ReturnType<typeof serveFolder>>;
beforeAll(async () => {
  server = await serveFolder('tests/fixtures/pages', {
    '/furniture.html': realPageWithFurniture('en-03-anthropic-380bn-round.json'),
  });
  ff = await launchFirefoxWithExtension({ dist: 'dist-firefox', headless: true });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const open = async (path: string): Promise<Page> => {
  const page = await ff.browser.newPage();
  await page.goto(server.url(path));
  return page;
};

/** Waits until the page has some (or no) ranges in `backstory-*` highlights, `backstory-active` aside. */
const waitPainted = (page: Page, want: 'none' | 'some') =>
  page.waitForFunction(
    (w: string) => {
      let n = 0;
      for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) {
        if (name.startsWith('backstory-') && name !== 'backstory-active') n += h.size;
      }
      return w === 'none' ? n === 0 : n > 0;
    },
    { timeout: 15_000, polling: 100 },
    want,
  );

/**
 * Waits until a card covers the point just below a mention (or, with `shown` false, until none
 * does). The card lives in a closed shadow root the page cannot read, and Firefox offers tests no
 * way in: what the page can see is that Backstory's host is the topmost element there.
 */
const waitCard = (page: Page, below: { x: number; y: number }, shown: boolean) =>
  page.waitForFunction(
    (p: { x: number; y: number }, want: boolean) => {
      const hit = document.elementFromPoint(p.x, p.y);
      return (hit?.localName.startsWith('backstory-') ?? false) === want;
    },
    { timeout: 5000, polling: 100 },
    below,
    shown,
  );

describe('in Firefox ESR with the built add-on (dist-firefox)', () => {
  it('paints exactly the known names, by category, through CSS.highlights', async () => {
    const page = await open('four-names.html');
    await waitPainted(page, 'some');
    expect(await page.evaluate(highlightTextsInPage)).toEqual({
      'backstory-company': ['Anthropic', 'Amazon'],
      'backstory-chip': ['Trainium'],
      'backstory-regulator': ['Competition and Markets Authority'],
    });
    // What the reader sees: a tint behind the name, none behind an ordinary word.
    const tint = async (text: string) => {
      const p = await page.evaluate(pointOfTextInPage, [text, 0] as const);
      const clip = { x: p.x - 30, y: p.y - 6, width: 60, height: 12 };
      const png = (await page.screenshot({ clip, encoding: 'base64' })) as string;
      return page.evaluate(tintedShareInPage, png);
    };
    await expect.poll(() => tint('Anthropic')).toBeGreaterThan(0.3);
    expect(await tint('reviewed')).toBeLessThan(0.02);
    expect(
      await page.evaluate(() =>
        [...document.documentElement.children].some((e) => e.localName.startsWith('backstory-')),
      ),
    ).toBe(false);
    await page.close();
  });

  it('paints names written in Chinese on a page in Chinese', async () => {
    const page = await open('chinese-article.html');
    await waitPainted(page, 'some');
    expect(await page.evaluate(highlightTextsInPage)).toEqual({
      'backstory-company': ['英伟达', 'Anthropic', '亚马逊', '台积电', 'SK海力士'],
      'backstory-person': ['黄仁勋'],
    });
    await page.close();
  });

  it('opens the card of a hovered name below it; Escape closes it', async () => {
    const page = await open('four-names.html');
    await waitPainted(page, 'some');
    const p = await page.evaluate(pointOfTextInPage, ['Anthropic', 0] as const);
    const below = { x: p.x + 20, y: p.y + 40 };
    expect(await page.evaluate((q) => document.elementFromPoint(q.x, q.y)?.localName, below)).not.toMatch(
      /^backstory-/,
    );
    await page.mouse.move(p.x, p.y);
    await waitCard(page, below, true);
    expect((await page.evaluate(highlightTextsInPage))['backstory-active']).toEqual(['Anthropic']);
    await page.keyboard.press('Escape');
    await waitCard(page, below, false);
    expect((await page.evaluate(highlightTextsInPage))['backstory-active']).toEqual([]);
    await page.close();
  });

  it('clears the highlights live when the site is switched off, and paints again when it is back on', async () => {
    const page = await open('four-names.html');
    await waitPainted(page, 'some');
    // The popup cannot be opened by automation in Firefox: write the switch the popup writes, from an extension page.
    const options = await ff.openExtensionPage('src/options/index.html');
    await options.evaluate(() =>
      (
        globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }
      ).browser.storage.local.set({ sites: { '127.0.0.1': false } }),
    );
    await options.close();
    await waitPainted(page, 'none');
    // The options page lists the site; its button turns it back on.
    const again = await ff.openExtensionPage('src/options/index.html');
    await again.waitForFunction(() => document.querySelector('li.row span')?.textContent === '127.0.0.1', {
      timeout: 5000,
      polling: 100,
    });
    await again.evaluate(() => (document.querySelector('li.row button') as HTMLButtonElement).click());
    await waitPainted(page, 'some');
    await again.close();
    await page.close();
  });

  it('steps to a name with Alt+Shift+N and opens its card; Escape closes it', async () => {
    const page = await open('four-names.html');
    await waitPainted(page, 'some');
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await page.waitForFunction(
      () =>
        (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('backstory-active')?.size === 1,
      { timeout: 5000, polling: 100 },
    );
    const [name] = (await page.evaluate(highlightTextsInPage))['backstory-active'] ?? [];
    expect(name).toBe('Anthropic');
    const p = await page.evaluate(pointOfTextInPage, ['Anthropic', 0] as const);
    const below = { x: p.x + 20, y: p.y + 40 };
    await waitCard(page, below, true);
    await page.keyboard.press('Escape');
    await waitCard(page, below, false);
    await page.close();
  });

  it('highlights names in the article, and none in the menus, rails, share bar and footer around it', async () => {
    const page = await open('furniture.html');
    await waitPainted(page, 'some');
    const places = await page.evaluate(highlightPlacesInPage);
    expect(places.inside).toBeGreaterThanOrEqual(5);
    expect(places.outside).toEqual([]);
    await page.close();
  });
});
