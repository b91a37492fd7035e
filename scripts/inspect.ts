import type { CDPSession, Page } from 'playwright-core';

/**
 * How long helpers wait for Backstory by default: 15 s, or `BACKSTORY_WAIT_MS` (the mutation
 * check runs the tests against a broken build, where every wait runs out: it sets a short one).
 */
export const WAIT_MS = Number(process.env.BACKSTORY_WAIT_MS ?? 15_000);

/**
 * Runs in the page: highlights registered there, by name, as the text each range covers.
 * Shared by the Playwright (Chromium) and Puppeteer (Firefox) helpers.
 */
export function highlightTextsInPage(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, h] of registry) {
    out[name] = [...h].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }
  return out;
}

/** Highlights registered on the page, by name, as the text each range covers (read from the page itself). */
export function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(highlightTextsInPage);
}

/** Waits until Backstory has painted at least one `backstory-*` highlight. */
export async function waitForHighlights(page: Page, timeout = WAIT_MS): Promise<void> {
  await page.waitForFunction(
    () =>
      [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights].some(
        ([n, h]) => n.startsWith('backstory-') && h.size > 0,
      ),
    undefined,
    { timeout },
  );
}

/** Runs in the page: the centre of the `n`th occurrence of `needle` in viewport coordinates (scrolled into view). */
export function pointOfTextInPage([needle, n]: readonly [string, number]): { x: number; y: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let i = data.indexOf(needle); i !== -1; i = data.indexOf(needle, i + 1)) {
      if (seen++ !== n) continue;
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + needle.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center', behavior: 'instant' });
      const b = r.getClientRects()[0] as DOMRect;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
  }
  throw new Error(`"${needle}" #${n} not found`);
}

/** The centre of the `nth` occurrence of `text` in the page's text, in viewport coordinates (scrolled into view). */
export function pointOfText(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(pointOfTextInPage, [text, nth] as const);
}

type CDPNode = { nodeName: string; backendNodeId: number; children?: CDPNode[]; shadowRoots?: CDPNode[] };
const sessions = new WeakMap<Page, Promise<CDPSession>>();
const cdpOf = (page: Page): Promise<CDPSession> => {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
};

/**
 * Runs `fn` on Backstory's shadow root (its card and live region), which is closed: the page's
 * scripts cannot reach it, so tests go through DevTools (CDP `DOM.describeNode` with `pierce`),
 * as a person inspecting the page would. Answers null when Backstory has no UI on the page.
 */
export async function inShadow<R>(page: Page, fn: (root: ShadowRoot) => R): Promise<R | null> {
  const cdp = await cdpOf(page);
  const found = await cdp.send('Runtime.evaluate', {
    expression: `[...document.documentElement.children].find((e) => e.localName.startsWith('backstory-')) ?? null`,
  });
  const hostId = found.result.objectId;
  if (!hostId) return null;
  const { node } = (await cdp.send('DOM.describeNode', { objectId: hostId, depth: 1, pierce: true })) as {
    node: CDPNode;
  };
  const root = node.shadowRoots?.[0];
  await cdp.send('Runtime.releaseObject', { objectId: hostId });
  if (!root) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  if (!object.objectId) return null;
  const result = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () { return (${fn.toString()})(this); }`,
    returnByValue: true,
    awaitPromise: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  if (result.exceptionDetails) throw new Error(`inShadow: ${result.exceptionDetails.text}`);
  return (result.result.value ?? null) as R | null;
}

/** The box of an element, as tests compare boxes. */
export type Box = { x: number; y: number; width: number; height: number };

/** The card's entity id, text and box, or null when no card is shown. */
export function readCard(page: Page): Promise<{ entity: string | null; text: string; box: Box } | null> {
  return inShadow(page, (root) => {
    const card = root.querySelector('.card');
    if (!card || getComputedStyle(card).visibility === 'hidden') return null;
    const b = card.getBoundingClientRect();
    return {
      entity: card.getAttribute('data-entity'),
      text: card.textContent ?? '',
      box: { x: b.x, y: b.y, width: b.width, height: b.height },
    };
  });
}

/** Polls `read` until `done` holds for its answer (or the time runs out), and returns the answer. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = WAIT_MS,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

/** Waits until the card shows this entity with its facts. */
export const waitForCard = (page: Page, entityId: string, timeout = 5000) =>
  until(
    () =>
      inShadow(page, (root) => {
        // Only a card the reader sees: one built out of sight ahead of the hover delay is not open.
        const card = root.querySelector('.card');
        return card && getComputedStyle(card).visibility !== 'hidden'
          ? { entity: card.getAttribute('data-entity'), facts: card.querySelectorAll('.facts li').length }
          : null;
      }),
    (c) => c?.entity === entityId && c.facts > 0,
    timeout,
    `the card of ${entityId}`,
  );

/** Waits until no card is shown. */
export const waitForNoCard = (page: Page, timeout = 5000) =>
  until(
    () =>
      inShadow(page, (root) => {
        const card = root.querySelector('.card');
        return card !== null && getComputedStyle(card).visibility !== 'hidden';
      }),
    (open) => !open,
    timeout,
    'the card to close',
  );

/** The extension's service worker, as far as the helpers below need it. */
type WorkerLike = { evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> };

/** The page state Backstory's content script reports for the tab showing `url` (top frame), or null. */
export function pageState(worker: WorkerLike, url: string): Promise<PageStateLike | null> {
  return worker.evaluate(async (u: string) => {
    type Tab = { id?: number; url?: string };
    const chrome = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<Tab[]>;
            sendMessage(id: number, m: object, o: object): Promise<unknown>;
          };
        };
      }
    ).chrome;
    // Without the "tabs" permission tab URLs are hidden: ask every tab, and keep the one on that page.
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      const state = (await chrome.tabs
        .sendMessage(tab.id, { kind: 'get-state' }, { frameId: 0 })
        .catch(() => null)) as {
        url?: string;
      } | null;
      if (state?.url === u) return state as never;
    }
    return null;
  }, url);
}

/** What tests read of a page state (see src/lib/messages.ts). */
export type PageStateLike = {
  enabled: boolean;
  running: boolean;
  relevant: boolean;
  entities: { id: string; count: number }[];
  total: number;
  scans: number;
  busy: boolean;
};

/**
 * Waits until Backstory has settled on the page (at least `after + 1` scans finished and nothing
 * queued) and returns its state: the signal a test awaits before saying that "nothing happened".
 * Throws when the content script never answers, so a broken script fails the test.
 */
export async function waitForScan(
  worker: WorkerLike,
  page: Pick<Page, 'url'>,
  { after = 0, timeout = WAIT_MS }: { after?: number; timeout?: number } = {},
): Promise<PageStateLike> {
  const deadline = Date.now() + timeout;
  let last: PageStateLike | null = null;
  while (Date.now() < deadline) {
    last = await pageState(worker, page.url());
    if (last && last.scans > after && !last.busy) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `Backstory did not settle on ${page.url()} within ${timeout} ms (last state: ${JSON.stringify(last)})`,
  );
}

/**
 * The share of a PNG's pixels (base64) that are coloured rather than grey, decoded in a page:
 * text and a white or dark page are grey, so what is coloured around a name is the highlight's
 * tint the reader sees. Self-contained, for page.evaluate.
 */
export async function tintedShareInPage(png: string): Promise<number> {
  const img = new Image();
  img.src = `data:image/png;base64,${png}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.drawImage(img, 0, 0);
  const d = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let tinted = 0;
  for (let i = 0; i < d.length; i += 4) {
    const [r, g, b] = [d[i] as number, d[i + 1] as number, d[i + 2] as number];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 12) tinted++;
  }
  return tinted / (d.length / 4);
}
