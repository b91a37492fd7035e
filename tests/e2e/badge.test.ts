import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSuite, waitForHighlights } from './harness';

let suite: Awaited<ReturnType<typeof startSuite>>;
beforeAll(async () => {
  suite = await startSuite();
});
afterAll(async () => {
  await suite?.stop();
});

type Chrome = {
  tabs: { query(q: object): Promise<{ id: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { set(v: object): Promise<void> } };
};

/** The toolbar badge of the active tab, read in the service worker. */
const badge = () =>
  suite.eb.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
  });

describe('the toolbar badge', () => {
  it('counts the distinct entities on the page, and says "off" when the site is switched off', async () => {
    const page = await suite.open('four-names.html');
    await waitForHighlights(page);
    await page.bringToFront();
    await expect.poll(badge).toBe('4');
    await suite.eb.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ sites: { '127.0.0.1': false } }),
    );
    await expect.poll(badge).toBe('off');
    await suite.eb.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ sites: {} }),
    );
    await expect.poll(badge).toBe('4');
    await page.close();
  });

  it('is empty on a page that is not AI news', async () => {
    const page = await suite.open('amazon-rainforest.html');
    await page.bringToFront();
    // Backstory ran on the page and found it is not AI news: nothing to count.
    expect(await suite.settled(page)).toMatchObject({ running: true, relevant: false });
    expect(await badge()).toBe('');
    await page.close();
  });
});
