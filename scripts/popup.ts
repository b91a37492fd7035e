import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import type { ExtensionBrowser } from './browser';

/** A minimal CDP client for one target, over its own DevTools WebSocket. */
export type TargetClient = {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates an expression in the target and returns its JSON value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  screenshot(): Promise<Buffer>;
  close(): void;
};

async function connectTarget(wsUrl: string): Promise<TargetClient> {
  const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const p = msg.id === undefined ? undefined : pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id as number);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return {
    send,
    async evaluate<T>(expression: string) {
      const r = await send<{
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result.value;
    },
    async screenshot() {
      const { data } = await send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      return Buffer.from(data, 'base64');
    },
    close: () => ws.close(),
  };
}

/**
 * Opens the real toolbar popup (chrome.action.openPopup from the service worker) and connects
 * to it. Playwright does not list the popup among its pages, so we reach it by target id.
 */
export async function openPopup(eb: ExtensionBrowser): Promise<TargetClient> {
  const popupUrl = `chrome-extension://${eb.extensionId}/src/popup/index.html`;
  // Under load a headless window can be briefly without focus ("Could not find an active browser
  // window"): Chrome then refuses to open the popup, and a moment later accepts.
  for (let attempt = 0; ; attempt++) {
    try {
      await eb.worker.evaluate(() =>
        (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup(),
      );
      break;
    } catch (error) {
      if (attempt >= 50 || !/active browser window/.test(String(error))) throw error;
      // Give the newest tab the focus again (a test's page), then ask again.
      await eb.context
        .pages()
        .at(-1)
        ?.bringToFront()
        .catch(() => undefined);
      await sleep(100);
    }
  }
  const wsBase = new URL(eb.wsEndpoint);
  for (let i = 0; i < 100; i++) {
    const { targetInfos } = await eb.cdp.send('Target.getTargets');
    const t = targetInfos.find((x) => x.type === 'page' && x.url.startsWith(popupUrl));
    if (t) {
      const client = await connectTarget(`ws://${wsBase.host}/devtools/page/${t.targetId}`);
      // Wait until the popup has rendered its first state.
      for (let j = 0; j < 100; j++) {
        const ready = await client.evaluate<boolean>(
          "!!document.querySelector('main') && !document.querySelector('main')?.textContent?.includes('Reading this page')",
        );
        if (ready) return client;
        await sleep(50);
      }
      return client;
    }
    await sleep(50);
  }
  throw new Error('The toolbar popup did not open');
}
