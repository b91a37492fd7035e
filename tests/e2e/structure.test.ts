// The article first, in Chromium with the built extension: a real excerpt inside a news site's
// furniture (menus, share bar, "more stories" rail, comments, cookie notice, footer, all naming
// AI companies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightPlacesInPage } from '../../scripts/furniture';
import { WAIT_MS } from '../../scripts/inspect';
import { readHighlights, startSuite, until, waitForCard, waitForHighlights } from './harness';

let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

describe('the article, not the page furniture', () => {
  it('highlights names in the article only; the whole-page option lights the furniture too', async () => {
    const page = await suite.open('furniture.html');
    await waitForHighlights(page);
    await suite.settled(page);
    const places = await page.evaluate(highlightPlacesInPage);
    expect(places.inside).toBeGreaterThanOrEqual(5);
    expect(places.outside).toEqual([]);

    const before = (await suite.settled(page)).scans;
    await suite.setSettings({ scope: 'page' });
    await suite.settled(page, { after: before });
    const whole = await page.evaluate(highlightPlacesInPage);
    expect(whole.outside).toEqual(expect.arrayContaining(['OpenAI', 'Microsoft']));
    await suite.setSettings({ scope: 'article' });
    await page.close();
  });

  it('takes a page whose only AI names are in its rails and menus for what it is: not AI news', async () => {
    const page = await suite.open('furniture-not-ai.html');
    const state = await suite.settled(page);
    expect(state.scans).toBeGreaterThan(0);
    expect(await readHighlights(page)).toEqual({});
    await page.close();
  });

  it('paints a paragraph of 100,000 text nodes, and one of a single 5 MB text node', { timeout: 180_000 }, async () => {
    for (const path of ['many-nodes.html', 'one-node.html']) {
      const page = await suite.open(path);
      // The browser itself takes seconds to lay such pages out; under a loaded CI machine more.
      await waitForHighlights(page, 4 * WAIT_MS);
      await suite.settled(page, { timeout: 4 * WAIT_MS });
      /** Ranges registered per highlight name. */
      const sizes = () =>
        page.evaluate(() => {
          const out: Record<string, number> = {};
          for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights)
            out[name] = h.size;
          return out;
        });
      const counts = await sizes();
      expect(counts['backstory-company'] ?? 0, path).toBeGreaterThan(0);
      expect(counts['backstory-chip'] ?? 0, path).toBeGreaterThan(0);
      if (path === 'many-nodes.html') {
        // Every mention of the paragraph is painted, though a slice at a time: 1,000 each of
        // Anthropic, Trainium and Nvidia.
        await until(
          async () =>
            Object.entries(await sizes())
              .filter(([name]) => name.startsWith('backstory-') && name !== 'backstory-active')
              .reduce((n, [, size]) => n + size, 0),
          (n) => n === 3000,
          WAIT_MS,
          'all 3,000 mentions painted',
        );
        // A name far down the paragraph is found under the pointer, and its card opens.
        const p = await page.evaluate(() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let seen = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if ((node as Text).data !== 'Nvidia ' || seen++ < 900) continue;
            const r = document.createRange();
            r.setStart(node, 0);
            r.setEnd(node, 6);
            window.scrollBy({ top: r.getBoundingClientRect().top - innerHeight / 2, behavior: 'instant' });
            const b = r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
          throw new Error('no 901st Nvidia');
        });
        await page.mouse.move(p.x, p.y);
        await waitForCard(page, 'nvidia');
      }
      await page.close();
    }
  });

  it('reads an article nested 10,000 elements deep', async () => {
    const page = await suite.open('deep.html');
    await waitForHighlights(page);
    const highlights = await readHighlights(page);
    expect(highlights['backstory-company']).toEqual(expect.arrayContaining(['Anthropic', 'AWS', 'Nvidia']));
    await page.close();
  });
});
