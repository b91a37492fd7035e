import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { deepPage, manyNodesPage, oneNodePage } from '../../scripts/bench-pages';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/browser';
import { excerptWithFurniture } from '../../scripts/furniture';
import { inShadow, waitForScan } from '../../scripts/inspect';
import { serveFolder } from '../../scripts/serve';

export { deepPage, manyNodesPage, oneNodePage } from '../../scripts/bench-pages';
export {
  inShadow,
  pageState,
  pointOfText,
  readCard,
  readHighlights,
  until,
  waitForCard,
  waitForHighlights,
  waitForNoCard,
} from '../../scripts/inspect';
export { openPopup } from '../../scripts/popup';

/**
 * A long page of AI news: `words` words in paragraphs of ~100, naming entities throughout; the
 * paragraph halfway down has `id="middle"`.
 */
export function hugePage(words: number): string {
  const sentences = [
    'Anthropic said it would train new models on Trainium chips in AWS data centers.',
    'Nvidia shipped more H100 GPUs to cloud providers than analysts expected this quarter.',
    'The Competition and Markets Authority opened a review of the partnership on Monday.',
    'Analysts said the market for AI accelerators keeps growing as model sizes rise each year.',
    'Microsoft and OpenAI extended their agreement while the Federal Trade Commission watched.',
  ];
  const paragraphs: string[] = [];
  let count = 0;
  let i = 0;
  while (count < words) {
    const p: string[] = [];
    for (let k = 0; k < 7; k++) {
      const s = sentences[i++ % sentences.length] as string;
      p.push(s);
      count += s.split(' ').length;
    }
    paragraphs.push(`<p>${p.join(' ')}</p>`);
  }
  const half = Math.floor(paragraphs.length / 2);
  paragraphs[half] = (paragraphs[half] as string).replace('<p>', '<p id="middle">');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live blog</title></head><body><h1>Live: the AI chip race</h1><button id="ping">Ping</button><output id="out"></output><script>document.getElementById('ping').onclick=()=>{document.getElementById('out').textContent='pong'}</script>${paragraphs.join('\n')}</body></html>`;
}

/** A real excerpt (tests/fixtures/real) inside a news site's furniture: menus, share bar, rail, cookie notice, footer. */
export function realPageWithFurniture(file: string): string {
  const { text } = JSON.parse(readFileSync(`tests/fixtures/real/${file}`, 'utf8')) as { text: string };
  return excerptWithFurniture(text, 'landmarks');
}

/** One browser with the built extension and the fixture server, for a test file. */
export async function startSuite(options: { userDataDir?: string } = {}) {
  const server = await serveFolder('tests/fixtures/pages', {
    '/huge.html': hugePage(200_000),
    '/long.html': hugePage(6_000),
    '/furniture.html': realPageWithFurniture('en-03-anthropic-380bn-round.json'),
    '/furniture-not-ai.html': realPageWithFurniture('non-03-mistral-wind.json'),
    '/deep.html': deepPage(10_000),
    '/one-node.html': oneNodePage(5_000_000),
    '/many-nodes.html': manyNodesPage(100_000),
    // The dated article without its date (JSON-LD), for the behaviour without one.
    '/undated-article.html': readFileSync('tests/fixtures/pages/dated-article.html', 'utf8').replace(
      /<script type="application\/ld\+json">[\s\S]*?<\/script>\n?/,
      '',
    ),
  });
  // BACKSTORY_DIST: another build (the mutation check's broken one).
  const dist = process.env.BACKSTORY_DIST ?? 'dist';
  const eb: ExtensionBrowser = await launchWithExtension({ dist, headless: true, ...options });
  return {
    server,
    eb,
    async open(path: string, host = '127.0.0.1'): Promise<Page> {
      const page = await eb.context.newPage();
      await page.setViewportSize({ width: 1200, height: 860 });
      await page.goto(server.url(path, host));
      return page;
    },
    /**
     * Waits until Backstory has settled on the page (`after`: the scans counted before a change,
     * so that the change's own scan is awaited) and returns its state. Throws when the content
     * script never answers: a test that asserts "nothing happened" after it proves Backstory ran.
     */
    settled(page: Page, options: { after?: number; timeout?: number } = {}) {
      return waitForScan(eb.worker, page, options);
    },
    /** Changes settings where the options page keeps them (storage.sync); every tab reads them from there. */
    setSettings(patch: Record<string, unknown>) {
      return eb.worker.evaluate(async (p) => {
        type Sync = { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> };
        const { sync } = (globalThis as unknown as { chrome: { storage: { sync: Sync } } }).chrome.storage;
        const { settings } = await sync.get('settings');
        await sync.set({ settings: { ...settings, ...p } });
      }, patch);
    },
    async stop() {
      await eb.close();
      await server.close();
    },
  };
}

/** The text of the card the reader sees (one built out of sight, ahead of the hover delay, does not count). */
export const cardText = (page: Page) =>
  inShadow(page, (root) => {
    const card = root.querySelector('.card');
    return card && getComputedStyle(card).visibility !== 'hidden' ? card.textContent : null;
  });

/** How many elements Backstory added to the page (its UI host, appended to <html>). */
export const hostCount = (page: Page) =>
  page.evaluate(
    () => [...document.documentElement.children].filter((e) => e.localName.startsWith('backstory-')).length,
  );

/** Total number of ranges in `backstory-*` highlights (not counting `backstory-active`). */
export const paintedCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights) {
      if (name.startsWith('backstory-') && name !== 'backstory-active') n += h.size;
    }
    return n;
  });

/** WCAG contrast ratio of two CSS rgb() colours. */
export function contrast(fg: string, bg: string): number {
  const lum = (c: string) => {
    const [r = 0, g = 0, b = 0] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}
