import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from './firefox-manifest';

/** Debian's Firefox ESR unless FIREFOX_PATH says otherwise. */
export const firefoxPath = () => process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** A running Firefox with `dist-firefox/` installed as a temporary add-on, driven over WebDriver BiDi. */
export type FirefoxWithExtension = {
  browser: Browser;
  /** The add-on's internal UUID: its pages live at moz-extension://<uuid>/. */
  uuid: string;
  /** Opens one of the add-on's own pages (e.g. `src/options/index.html`) in a new tab, ready to evaluate. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
};

/**
 * Starts Firefox headless with the built add-on. The add-on's UUID is chosen here and handed to
 * Firefox through the `extensions.webextensions.uuids` pref, so its pages have a known address.
 * `--remote-allow-system-access` lets WebDriver BiDi navigate a tab to a moz-extension:// page
 * (plain BiDi only navigates to http(s), file, blob and about:blank).
 */
export async function launchFirefoxWithExtension(options: { dist: string; headless: boolean }) {
  const dist = resolve(options.dist);
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`No built add-on in ${dist}: run npm run build:firefox first.`);
  if (!existsSync(firefoxPath()))
    throw new Error(`Firefox not found at ${firefoxPath()}: apt-get install -y firefox-esr, or set FIREFOX_PATH.`);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: options.headless,
    defaultViewport: { width: 1200, height: 860 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  const id = await browser.installExtension(dist);
  if (id !== GECKO_ID) throw new Error(`Installed add-on has id ${id}, expected ${GECKO_ID}`);
  const result: FirefoxWithExtension = {
    browser,
    uuid,
    async openExtensionPage(path: string) {
      const url = `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
      const page = await browser.newPage();
      // Puppeteer sees no load event for a moz-extension:// document (it loads in the extension
      // process), so the navigation is started without waiting and the document is polled instead.
      void page.goto(url, { timeout: 30_000 }).catch(() => undefined);
      for (let i = 0; i < 200; i++) {
        const ready = await page
          .evaluate((want) => location.href === want && document.readyState === 'complete', url)
          .catch(() => false);
        if (ready) return page;
        await sleep(50);
      }
      throw new Error(`${url} did not load`);
    },
    close: () => browser.close(),
  };
  return result;
}
