import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopup, startSuite, waitForHighlights } from './harness';

type Chrome = {
  storage: Record<
    'sync' | 'local',
    { get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> }
  >;
  runtime: { sendMessage(message: object): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};
/** The extension API where a test evaluates code (functions are sent as source: no helpers from here). */
type G = { chrome: Chrome };

/** axe-core, evaluated over CDP: extension pages' CSP refuses inline script tags. */
const axeSource = `${readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')}\n;0`;
const AXE_RUN = `axe.run(document).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')))`;

let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite();
  mkdirSync('artifacts', { recursive: true });
});
afterAll(async () => {
  await suite?.stop();
});

const optionsUrl = () => `chrome-extension://${suite.eb.extensionId}/src/options/index.html`;

async function openOptions(): Promise<Page> {
  const page = await suite.eb.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(optionsUrl());
  await page.getByRole('group', { name: 'Kinds of names to highlight' }).waitFor();
  return page;
}

/** Reads a storage area from the service worker, as the extension sees it. */
const stored = (area: 'sync' | 'local', key: string) =>
  suite.eb.worker
    .evaluate(([a, k]) => (globalThis as unknown as G).chrome.storage[a].get(k), [area, key] as const)
    .then((r) => r[key]);

const waitStored = async (area: 'sync' | 'local', key: string, ok: (value: unknown) => boolean) => {
  for (let i = 0; i < 50; i++) {
    const value = await stored(area, key);
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`storage.${area}.${key} never matched: ${JSON.stringify(await stored(area, key))}`);
};

const entity = (id: string, over: object = {}) => ({
  id,
  name: `Acme ${id}`,
  category: 'company',
  aliases: [`Acme ${id}`],
  summary: 'A company from a knowledge pack.',
  url: 'https://example.org/',
  facts: [
    { text: 'Founded in 2020.', asOf: '2020-01-01', source: 'https://example.org/a' },
    { text: 'Raised money in 2023.', asOf: '2023-06-30', source: 'https://example.org/b' },
  ],
  related: [{ id: 'anthropic', type: 'competes-with' }],
  ...over,
});
const jsonFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value)),
});

describe('the options page', () => {
  it('saves categories, mentions, whole page, style and hover delay to storage.sync', async () => {
    const page = await openOptions();
    await page.getByLabel('Chips').uncheck();
    await page.getByLabel(/Read the whole page/).check();
    await page.getByLabel('Underline only').check();
    await page.getByLabel('Only the first mention of each name').check();
    await page.getByLabel('Card delay in milliseconds').fill('800');
    await page.getByLabel('Card delay in milliseconds').press('Tab');
    const settings = await waitStored('sync', 'settings', (s) => (s as { hoverDelay?: number })?.hoverDelay === 800);
    expect(settings).toEqual({
      version: 1,
      paused: false,
      categories: { company: true, chip: false, regulator: true, product: true, person: true, law: true },
      mentions: 'first',
      scope: 'page',
      style: 'underline',
      hoverDelay: 800,
    });
    // A reload shows what is stored.
    await page.reload();
    await page.getByRole('group', { name: 'Kinds of names to highlight' }).waitFor();
    expect(await page.getByLabel('Chips').isChecked()).toBe(false);
    expect(await page.getByLabel(/Read the whole page/).isChecked()).toBe(true);
    expect(await page.getByLabel('Underline only').isChecked()).toBe(true);
    expect(await page.getByLabel('Card delay in milliseconds').inputValue()).toBe('800');
    await page.close();
  });

  it('lists the sites switched off, live, and turns one back on', async () => {
    const page = await openOptions();
    await suite.eb.worker.evaluate(() =>
      (globalThis as unknown as G).chrome.storage.local.set({
        sites: { 'news.example.com': false, 'blog.example.org': false },
      }),
    );
    const hosts = () => page.locator('li.row span').allTextContents();
    await expect.poll(hosts).toEqual(['blog.example.org', 'news.example.com']);
    await page.getByRole('button', { name: 'Turn back on news.example.com' }).click();
    await expect.poll(hosts).toEqual(['blog.example.org']);
    expect(await stored('local', 'sites')).toEqual({ 'blog.example.org': false });
    await page.close();
  });

  it('refuses a bad knowledge pack with the reason and lists a good one, whose cards the background answers', async () => {
    const page = await openOptions();
    const input = page.locator('input[type="file"][aria-describedby="packs-hint"]');
    await input.setInputFiles(jsonFile('bad.json', [entity('anthropic', { related: [] })]));
    await expect
      .poll(() => page.locator('#packs-notice-error').textContent())
      .toBe('Not imported. bad.json: anthropic: `id` "anthropic" is already the id of an installed entity');
    expect(await stored('local', 'packs')).toBeUndefined();
    await page.locator('section[aria-labelledby="packs"]').screenshot({ path: 'artifacts/options-pack-error.png' });
    await input.setInputFiles(jsonFile('acme.json', [entity('acme-labs')]));
    await expect.poll(() => page.locator('li.pack .name').allTextContents()).toEqual(['acme.json']);
    expect(await page.locator('#packs-notice-ok').textContent()).toBe('Imported “acme.json”: 1 entity.');
    expect(await page.locator('#packs-notice-error').textContent()).toBe('');
    const details = await page.evaluate(() =>
      (globalThis as unknown as G).chrome.runtime.sendMessage({ kind: 'entity-details', id: 'acme-labs' }),
    );
    expect(details).toMatchObject({
      id: 'acme-labs',
      summary: 'A company from a knowledge pack.',
      ties: [
        {
          subject: 'acme-labs',
          type: 'competes-with',
          object: 'anthropic',
          text: 'Acme acme-labs competes with Anthropic',
        },
      ],
    });
    await page.evaluate(axeSource);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `artifacts/options-${scheme}.png`, fullPage: true });
      expect(await page.evaluate(AXE_RUN), scheme).toEqual([]);
    }
    await page.getByRole('button', { name: 'Remove pack acme.json' }).click();
    await expect.poll(() => page.locator('li.pack').count()).toBe(0);
    expect(await stored('local', 'packs')).toEqual([]);
    await page.close();
  });

  it('refuses a bad settings file and imports a good one', async () => {
    const page = await openOptions();
    const before = await stored('sync', 'settings');
    const input = page.locator('input[type="file"][aria-describedby="backup-hint"]');
    await input.setInputFiles(jsonFile('wrong.json', { settings: { version: 1, style: 'neon' } }));
    await expect
      .poll(() => page.locator('#backup-notice-error').textContent())
      .toBe(
        'Nothing changed. This is not a Backstory settings file: field "settings.style" must be one of: tint-underline, underline, tint.',
      );
    expect(await stored('sync', 'settings')).toEqual(before);
    const good = { settings: { version: 1, style: 'tint', hoverDelay: 0 }, sites: { 'old.example.com': false } };
    await input.setInputFiles(jsonFile('backup.json', good));
    await expect.poll(() => page.getByLabel('Tint only').isChecked()).toBe(true);
    expect(await page.getByLabel('Chips').isChecked()).toBe(true);
    expect(await page.locator('li.row span').allTextContents()).toEqual(['old.example.com']);
    expect(await stored('sync', 'settings')).toMatchObject({ style: 'tint', hoverDelay: 0, mentions: 'calm' });
    await page.close();
  });

  it('copies the page summary, pauses everywhere (every badge "off") and says so in the popup, light and dark', async () => {
    // Earlier tests changed what is highlighted: back to every category, every mention.
    await suite.eb.worker.evaluate(() =>
      (globalThis as unknown as G).chrome.storage.sync.set({ settings: { version: 1 } }),
    );
    const article = await suite.open('four-names.html');
    await waitForHighlights(article);
    const badges = () =>
      suite.eb.worker.evaluate(async () => {
        const tabs = await (globalThis as unknown as G).chrome.tabs.query({});
        return Promise.all(
          tabs.map((t) =>
            t.id === undefined ? '' : (globalThis as unknown as G).chrome.action.getBadgeText({ tabId: t.id }),
          ),
        );
      });
    await expect.poll(badges).toContain('4');
    await article.bringToFront();
    let popup = await openPopup(suite.eb);
    await popup.evaluate(`document.querySelector('.more').click()`);
    // Past the chevron's turn.
    await popup.evaluate('new Promise((r) => setTimeout(r, 250))');
    // The real clipboard: a click with user activation, then the text read back.
    await popup.send('Runtime.evaluate', {
      expression: `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Copy summary').click()`,
      userGesture: true,
    });
    await expect.poll(() => popup.evaluate<string>(`document.querySelector('.copy').textContent`)).toBe('Copied');
    const origin = `chrome-extension://${suite.eb.extensionId}`;
    await suite.eb.cdp.send('Browser.grantPermissions', { origin, permissions: ['clipboardReadWrite'] });
    const copied = await popup.evaluate<string>('navigator.clipboard.readText()');
    expect(copied.split('\n').slice(0, 4)).toEqual(['# Backstory: 127.0.0.1', '', '## Companies', '']);
    expect(copied).toMatch(/^- \*\*Anthropic\*\* \(1 mention\): \S/m);
    // Rows dated by month and year, or by the year alone when that is all the source gives.
    expect(copied).toMatch(/^## Timeline\n\n- (?:\w{3} )?\d{4}: /m);
    await popup.evaluate(axeSource);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
      writeFileSync(`artifacts/popup-${scheme}.png`, await popup.screenshot());
      expect(await popup.evaluate(AXE_RUN), scheme).toEqual([]);
    }
    await popup.evaluate(`document.querySelector('.pause').click()`);
    await waitStored('sync', 'settings', (s) => (s as { paused?: boolean })?.paused === true);
    // Really close it: chrome.action.openPopup finds no active window while a popup is open.
    await popup.evaluate('setTimeout(() => window.close(), 0)');
    popup.close();
    await expect.poll(badges).not.toContain('4');
    expect(new Set(await badges())).toEqual(new Set(['off']));
    popup = await openPopup(suite.eb);
    expect(await popup.evaluate<string>("document.querySelector('.status').textContent")).toContain(
      'Backstory is paused everywhere',
    );
    writeFileSync('artifacts/popup-paused.png', await popup.screenshot());
    await popup.evaluate(`document.querySelector('.pause').click()`);
    await waitStored('sync', 'settings', (s) => (s as { paused?: boolean })?.paused === false);
    popup.close();
    await expect.poll(badges).toContain('4');
    await article.close();
  });
});
