import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, readHighlights, startSuite, waitForCard, waitForHighlights } from './harness';

let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

/** Changes settings where the options page keeps them (storage.sync); every tab reads them from there. */
const setSettings = (patch: Record<string, unknown>) =>
  suite.eb.worker.evaluate(async (p) => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          storage: {
            sync: { get(k: string): Promise<Record<string, Record<string, unknown>>>; set(v: object): Promise<void> };
          };
        };
      }
    ).chrome;
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...settings, ...p } });
  }, patch);

const sizes = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights]
        .filter(([name]) => name !== 'backstory-active')
        .map(([name, h]) => [name, h.size]),
    ),
  );

describe('settings apply live to open pages', () => {
  it('categories, first mention only, style and pause', async () => {
    const page = await suite.open('demo-article.html');
    await waitForHighlights(page);
    const all = await sizes(page);
    expect(all['backstory-chip']).toBe(5);

    await setSettings({ categories: { company: true, chip: false, regulator: true, product: true, person: true } });
    await page.waitForFunction(
      () => !(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('backstory-chip')?.size,
    );
    expect((await sizes(page))['backstory-company']).toBe(all['backstory-company']);

    await setSettings({
      categories: { company: true, chip: true, regulator: true, product: true, person: true },
      mentions: 'first',
    });
    await page.waitForFunction(
      () => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('backstory-chip')?.size === 2,
    );
    const first = await readHighlights(page);
    expect(first['backstory-chip']?.sort()).toEqual(['Inferentia', 'Trainium']);
    expect(new Set(first['backstory-company']).size).toBe(first['backstory-company']?.length);

    await setSettings({ mentions: 'all', style: 'underline' });
    await page.waitForFunction(
      () => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('backstory-chip')?.size === 5,
    );
    // What the reader sees of a company name: a dotted underline, no tint.
    const look = () =>
      page.evaluate(() => {
        const s = getComputedStyle(document.querySelector('p') as Element, '::highlight(backstory-company)');
        return { tint: s.backgroundColor, line: s.textDecorationStyle };
      });
    await expect.poll(look).toEqual({ tint: 'rgba(0, 0, 0, 0)', line: 'dotted' });
    // Adopting a stylesheet adds no element to the page.
    expect(await page.evaluate(() => document.querySelectorAll('style, link').length)).toBe(1);

    await setSettings({ style: 'tint-underline', paused: true });
    await page.waitForFunction(() =>
      [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.keys()].every(
        (k) => !k.startsWith('backstory-'),
      ),
    );
    // Paused: none of Backstory's styles apply to the page any more.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(await look()).toEqual({ tint: 'rgba(0, 0, 0, 0)', line: 'solid' });
    await setSettings({ paused: false });
    await waitForHighlights(page);
    await page.close();
  });

  it('uses the hover delay from the options', async () => {
    await setSettings({ hoverDelay: 1200 });
    const page = await suite.open('four-names.html');
    await waitForHighlights(page);
    const box = await page.evaluate(() => {
      const t = document.querySelector('#p1')?.firstChild as Text;
      const r = document.createRange();
      r.setStart(t, 0);
      r.setEnd(t, 9);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.waitForTimeout(700);
    expect(await cardText(page)).toBeNull();
    await waitForCard(page, 'anthropic');
    await setSettings({ hoverDelay: 300 });
    await page.close();
  });
});
