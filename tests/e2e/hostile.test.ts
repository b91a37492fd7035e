import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hostCount,
  inShadow,
  pageState,
  pointOfText,
  readCard,
  readHighlights,
  startSuite,
  until,
  waitForCard,
  waitForHighlights,
} from './harness';

/**
 * A hostile page (tests/fixtures/pages/hostile.html) against Backstory: it spies on shadow roots,
 * defines every custom-element name Backstory might use, dispatches events, clears highlights and
 * style sheets. Backstory must stay out of its reach and keep working.
 */
let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

/** Opens the hostile page and waits until Backstory has scanned and painted it. */
async function openHostile(): Promise<Page> {
  const page = await suite.open('hostile.html');
  await waitForHighlights(page);
  await suite.settled(page);
  return page;
}

/** True when a card is shown (read through DevTools: the shadow root is closed). */
const cardShown = async (page: Page) => (await readCard(page)) !== null;

/**
 * What the page's own script reads of a `::highlight()` pseudo-element of the first paragraph:
 * Backstory's colours for `backstory-company`, and a name nobody registered, for comparison.
 */
const highlightLooks = (page: Page) =>
  page.evaluate(() => {
    const p = document.querySelector('#p1') as Element;
    const read = (name: string) => {
      const s = getComputedStyle(p, `::highlight(${name})`);
      return [s.backgroundColor, s.textDecorationLine, s.textDecorationStyle, s.textDecorationColor].join(' | ');
    };
    return { ours: read('backstory-company'), none: read('no-such-highlight') };
  });

describe('a hostile page', () => {
  it('cannot open a card by dispatching pointer, mouse or keyboard events; the reader’s own pointer still can', async () => {
    const page = await openHostile();
    const at = await pointOfText(page, 'Anthropic');
    // Synthetic pointer and mouse events on the name, as a page script would send them.
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      const init = { clientX: x, clientY: y, bubbles: true, composed: true, view: window };
      for (let i = 0; i < 5; i++) {
        target.dispatchEvent(new PointerEvent('pointerover', { ...init, pointerType: 'mouse', isPrimary: true }));
        target.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse', isPrimary: true }));
        window.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse', isPrimary: true }));
        target.dispatchEvent(new MouseEvent('mouseover', init));
        target.dispatchEvent(new MouseEvent('mousemove', init));
      }
    }, at);
    // Backstory has run on this page (settled above): three times its hover delay is long enough.
    await page.waitForTimeout(900);
    expect(await hostCount(page)).toBe(0);
    expect(await cardShown(page)).toBe(false);
    // Synthetic Alt+Shift+N (next mention) and Alt+Shift+P, on the document and on the window.
    await page.evaluate(() => {
      for (const code of ['KeyN', 'KeyP']) {
        const init = { key: code.slice(3), code, altKey: true, shiftKey: true, bubbles: true, composed: true };
        document.body.dispatchEvent(new KeyboardEvent('keydown', init));
        window.dispatchEvent(new KeyboardEvent('keydown', init));
        document.body.dispatchEvent(new KeyboardEvent('keyup', init));
      }
    });
    await page.waitForTimeout(400);
    expect(await hostCount(page)).toBe(0);
    expect(await cardShown(page)).toBe(false);
    expect((await readHighlights(page))['backstory-active'] ?? []).toEqual([]);
    // The negative means something: the reader's real pointer on the same point opens the card.
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'anthropic');
    await page.close();
  });

  it('cannot read the open card: no shadow root or card text reaches its scripts', async () => {
    const page = await openHostile();
    const at = await pointOfText(page, 'Anthropic');
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'anthropic');
    // What the card says, read through DevTools as a person inspecting the page would.
    const summary = await until(
      () => readSummary(page),
      (s) => typeof s === 'string' && s.length > 20,
      5000,
      'the card summary',
    );
    const seen = await page.evaluate((text) => {
      const hosts = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('backstory-'));
      const anyOpenRoot = [...document.querySelectorAll('*')].some((e) => e.shadowRoot !== null);
      const spied = (window as unknown as { __roots: ShadowRoot[] }).__roots;
      return {
        hosts: hosts.length,
        hostRoots: hosts.map((h) => h.shadowRoot),
        anyOpenRoot,
        spied: spied.length,
        spiedText: spied.some((r) => (r.textContent ?? '').includes(text)),
        // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, which the page can read too
        bodyText: document.body.innerText.includes(text),
        pageText: (document.documentElement.textContent ?? '').includes(text),
        html: document.documentElement.outerHTML.includes(text.slice(0, 40)),
      };
    }, summary as string);
    expect(seen).toEqual({
      hosts: 1,
      hostRoots: [null],
      anyOpenRoot: false,
      spied: 0,
      spiedText: false,
      bodyText: false,
      pageText: false,
      html: false,
    });
    await page.close();
  });

  it('cannot wipe the highlights or their styles for good: they come back, and new text is still painted', async () => {
    const page = await openHostile();
    const painted = () =>
      readHighlights(page).then((h) =>
        Object.entries(h)
          .filter(([name]) => name.startsWith('backstory-') && name !== 'backstory-active')
          .flatMap(([, texts]) => texts),
      );
    expect(await painted()).toContain('Anthropic');
    await page.evaluate(() => {
      CSS.highlights.clear();
      document.adoptedStyleSheets = [];
    });
    expect(await painted()).toEqual([]);
    // Put back by Backstory (it checks on a timer), with its colours.
    await until(painted, (texts) => texts.includes('Anthropic'), 5000, 'the highlights to come back');
    await until(
      () => highlightLooks(page),
      (l) => l.ours !== l.none,
      5000,
      'the highlight styles to come back',
    );
    // The page then replaces one of Backstory's highlights with its own empty one.
    await page.evaluate(() => CSS.highlights.set('backstory-company', new Highlight()));
    await until(
      () => readHighlights(page),
      (h) => (h['backstory-company'] ?? []).includes('Anthropic'),
      8000,
      'the company highlight to be put back',
    );
    // And it still follows the page: a paragraph the page adds is painted.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Nvidia shipped more GPUs to the startup.';
      document.querySelector('main')?.append(p);
    });
    await until(painted, (texts) => texts.includes('Nvidia'), 5000, 'Nvidia to be painted');
    await page.close();
  });

  it('cannot stop the card by defining Backstory-like custom elements first', async () => {
    const page = await openHostile();
    // The page did define them (its script ran), and none was ever made.
    expect(
      await page.evaluate(() => ({
        defined: customElements.get('backstory-ui') !== undefined,
        made: (window as unknown as { __defined: string[] }).__defined,
      })),
    ).toEqual({ defined: true, made: [] });
    const at = await pointOfText(page, 'Trainium');
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'trainium');
    expect(await hostCount(page)).toBe(1);
    // Backstory's host is none of the names the page defined, and ran none of its constructors.
    const host = await page.evaluate(() => ({
      tag: [...document.documentElement.children].find((e) => e.localName.startsWith('backstory-'))?.localName,
      made: (window as unknown as { __defined: string[] }).__defined,
    }));
    expect(host.made).toEqual([]);
    expect(host.tag).toMatch(/^backstory-[a-z0-9]+$/);
    await page.close();
  });

  it('cannot tell from its styles that Backstory is installed while it is paused', async () => {
    const page = await openHostile();
    // While on, Backstory's colours are there to see (so this test can tell).
    const on = await highlightLooks(page);
    expect(on.ours).not.toBe(on.none);
    try {
      await suite.setSettings({ paused: true });
      await until(
        () => pageState(suite.eb.worker, page.url()),
        (s) => s?.running === false,
        5000,
        'Backstory to stop on the page',
      );
      const off = await highlightLooks(page);
      expect(off.ours).toBe(off.none);
      expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
      // Nor on a page loaded while paused.
      await page.reload();
      expect(await suite.settled(page)).toMatchObject({ running: false });
      const fresh = await highlightLooks(page);
      expect(fresh.ours).toBe(fresh.none);
      expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    } finally {
      await suite.setSettings({ paused: false });
    }
    await waitForHighlights(page);
    await page.close();
  });

  it('keeps painting the bundled names and opening cards when stored packs are malformed', async () => {
    const keys = ['packs', 'packNames'];
    type Local = {
      get(k: string[]): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
      remove(k: string[]): Promise<void>;
    };
    const before = await suite.eb.worker.evaluate(
      (k) => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get(k),
      keys,
    );
    try {
      // Junk of every kind where packs and their compact names are kept.
      await suite.eb.worker.evaluate(
        (junk) => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set(junk),
        {
          packs: [
            'not a pack',
            null,
            { name: 'evil', importedAt: 'yesterday', entities: [null, 42, { id: 'anthropic' }, { id: '__proto__' }] },
            { name: 7, entities: 'none' },
            { name: 'evil-text', importedAt: 'today', json: '[null, 42, {"id": "__proto__"}' },
            { name: 'evil-text-2', importedAt: 'today', json: '[{"id": "anthropic"}, {"id": "constructor"}]' },
          ],
          packNames: { v: 2, lines: 42, index: 'Anthropic', firsts: null, count: 'many' },
        },
      );
      const page = await suite.open('hostile.html');
      await waitForHighlights(page, 5000);
      const state = await suite.settled(page);
      expect(state.running).toBe(true);
      const painted = await readHighlights(page);
      expect(painted['backstory-company']).toEqual(['Anthropic', 'Amazon']);
      expect(painted['backstory-chip']).toEqual(['Trainium']);
      const at = await pointOfText(page, 'Amazon');
      await page.mouse.move(at.x, at.y);
      await waitForCard(page, 'amazon');
      await page.close();
    } finally {
      await suite.eb.worker.evaluate(
        async ({ k, v }) => {
          const { local } = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage;
          await local.remove(k);
          await local.set(v);
        },
        { k: keys, v: before },
      );
    }
  });
});

/** The card's summary text, read through DevTools (null while it is not there yet). */
const readSummary = (page: Page) => inShadow(page, (root) => root.querySelector('.card .summary')?.textContent ?? null);
