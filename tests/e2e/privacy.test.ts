import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopup, pointOfText, startSuite, waitForCard, waitForHighlights } from './harness';
import { type RequestLog, watchRequests } from './request-log';

let suite: Awaited<ReturnType<typeof startSuite>>;
let log: RequestLog;
beforeAll(async () => {
  suite = await startSuite();
  log = await watchRequests(suite.eb.wsEndpoint);
});
afterAll(async () => {
  log?.stop();
  await suite?.stop();
});

describe('privacy', () => {
  it('makes no request beyond the page’s own server and the extension’s own files', async () => {
    const page = await suite.open('demo-article.html');
    await waitForHighlights(page);
    const p = await pointOfText(page, 'Anthropic', 2);
    await page.mouse.move(p.x, p.y);
    await waitForCard(page, 'anthropic');
    await page.bringToFront();
    const popup = await openPopup(suite.eb);
    // Time for anything deferred (a lazy fetch, a beacon on idle) to show up.
    await sleep(1500);
    popup.close();
    await page.close();

    const local = suite.server.url('/');
    const own = `chrome-extension://${suite.eb.extensionId}/`;
    const urls = [...log.urls];
    // The watch really saw the page, the popup and the service worker.
    expect(urls).toContain(suite.server.url('demo-article.html'));
    expect(urls.some((u) => u.startsWith(`${own}src/popup/`))).toBe(true);
    expect(log.targetTypes).toContain('service_worker');
    expect(urls.filter((u) => !u.startsWith(local) && !u.startsWith(own))).toEqual([]);
  });
});
