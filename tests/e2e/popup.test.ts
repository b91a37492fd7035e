import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopup, paintedCount, startSuite, waitForCard, waitForHighlights } from './harness';

const profile = mkdtempSync(join(tmpdir(), 'backstory-e2e-profile-'));
let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite({ userDataDir: profile });
});
afterAll(async () => {
  await suite?.stop();
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Waits until the page's painted range count satisfies `ok`. */
const waitPainted = (page: Page, ok: 'none' | 'some') =>
  page.waitForFunction(
    (want) => {
      let n = 0;
      for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) {
        if (name.startsWith('backstory-') && name !== 'backstory-active') n += h.size;
      }
      return want === 'none' ? n === 0 : n > 0;
    },
    ok,
    { timeout: 5000 },
  );

describe('the toolbar popup', () => {
  it('lists the entities of the page grouped by category with mention counts', async () => {
    const page = await suite.open('four-names.html');
    await waitForHighlights(page);
    await page.bringToFront();
    const popup = await openPopup(suite.eb);
    const groups = await popup.evaluate<Record<string, string[]>>(`Object.fromEntries(
      [...document.querySelectorAll('section.group')].map((s) => [
        s.getAttribute('aria-label'),
        [...s.querySelectorAll('.row')].map((r) => r.querySelector('.entity').textContent + ' ' + r.querySelector('.count').firstChild.textContent),
      ]),
    )`);
    expect(groups).toEqual({
      Companies: ['Anthropic 1', 'Amazon 1'],
      Chips: ['AWS Trainium 1'],
      Regulators: ['UK Competition and Markets Authority 1'],
      'Connections on this page': [],
    });
    expect(
      await popup.evaluate<string[]>("[...document.querySelectorAll('.links li')].map((l) => l.textContent)"),
    ).toEqual([
      'Amazon invested in Anthropic',
      'Anthropic uses AWS Trainium (training)',
      'UK Competition and Markets Authority investigated Anthropic',
      'Amazon makes AWS Trainium',
      'UK Competition and Markets Authority investigated Amazon',
    ]);
    expect(await popup.evaluate<string>("document.querySelector('.switch').textContent")).toBe(
      'Backstory on 127.0.0.1',
    );
    popup.close();
    await page.close();
  });

  it('opens the card of an entity when its row is clicked', async () => {
    const page = await suite.open('demo-article.html');
    await waitForHighlights(page);
    await page.bringToFront();
    const popup = await openPopup(suite.eb);
    await popup.evaluate(`document.querySelector('.row[data-entity="uk-cma"]').click()`);
    await waitForCard(page, 'uk-cma');
    popup.close();
    await page.close();
  });

  it('switches the site off live on every tab of that site, keeps it off across reloads, and back on', async () => {
    const a = await suite.open('demo-article.html');
    const b = await suite.open('four-names.html');
    const other = await suite.open('demo-article.html', 'localhost');
    for (const p of [a, b, other]) await waitForHighlights(p);
    await a.bringToFront();
    let popup = await openPopup(suite.eb);
    await popup.evaluate(`document.querySelector('.switch').click()`);
    popup.close();
    await waitPainted(a, 'none');
    await waitPainted(b, 'none');
    expect(await paintedCount(other)).toBeGreaterThan(0);
    await a.reload();
    expect(await suite.settled(a)).toMatchObject({ enabled: false, running: false });
    expect(await paintedCount(a)).toBe(0);
    await a.bringToFront();
    popup = await openPopup(suite.eb);
    expect(await popup.evaluate<string>("document.querySelector('.status').textContent")).toContain(
      'off for 127.0.0.1',
    );
    await popup.evaluate(`document.querySelector('.switch').click()`);
    popup.close();
    await waitPainted(a, 'some');
    await waitPainted(b, 'some');
    for (const p of [a, b, other]) await p.close();
  });

  it('says when a page is not AI news, and highlights it anyway on request', async () => {
    const page = await suite.open('amazon-rainforest.html');
    expect(await suite.settled(page)).toMatchObject({ running: true, relevant: false });
    await page.bringToFront();
    const popup = await openPopup(suite.eb);
    expect(await popup.evaluate<string>("document.querySelector('.status').textContent")).toContain(
      'This page does not look like AI news',
    );
    await popup.evaluate(
      `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Highlight anyway').click()`,
    );
    await waitPainted(page, 'some');
    popup.close();
    await page.close();
  });

  it('remembers a switched-off site after a browser restart', async () => {
    const page = await suite.open('four-names.html');
    await waitForHighlights(page);
    await page.bringToFront();
    const popup = await openPopup(suite.eb);
    await popup.evaluate(`document.querySelector('.switch').click()`);
    popup.close();
    await waitPainted(page, 'none');
    await suite.stop();
    suite = await startSuite({ userDataDir: profile });
    const again = await suite.open('four-names.html');
    expect(await suite.settled(again)).toMatchObject({ enabled: false, running: false });
    expect(await paintedCount(again)).toBe(0);
    const other = await suite.open('four-names.html', 'localhost');
    await waitForHighlights(other);
  });
});
