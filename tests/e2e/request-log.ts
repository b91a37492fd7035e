import WebSocket from 'ws';

/** Every request seen on every target of a Chromium, and the kinds of target watched. */
export type RequestLog = {
  /** URLs of all requests, WebSockets and WebTransports started by any watched target. */
  urls: Set<string>;
  /** Target types we attached to (page, service_worker, iframe, worker…). */
  targetTypes: Set<string>;
  stop(): void;
};

type Message = {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: {
    sessionId?: string;
    targetInfo?: { type: string };
    request?: { url: string };
    url?: string;
  };
  error?: { message: string };
};

/**
 * Everything but the browser itself, its tab wrappers and its own WebUI (`browser_ui`, e.g. the
 * omnibox popup at chrome://omnibox-popup.top-chrome/, which loads chrome:// resources): those are
 * Chromium, not the page or the extension.
 */
const AUTO_ATTACH = {
  autoAttach: true,
  waitForDebuggerOnStart: true,
  flatten: true,
  filter: [
    { type: 'browser', exclude: true },
    { type: 'tab', exclude: true },
    { type: 'browser_ui', exclude: true },
    {},
  ],
};

/**
 * Watches the network of every target of the browser at `wsEndpoint` (pages, the popup, the
 * extension's service worker, frames, workers), on a CDP connection of its own. Targets are
 * auto-attached paused, get `Network.enable`, auto-attach their own children, then resume:
 * nothing they request is missed. Existing targets are attached too.
 */
export async function watchRequests(wsEndpoint: string): Promise<RequestLog> {
  const ws = new WebSocket(wsEndpoint, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const urls = new Set<string>();
  const targetTypes = new Set<string>();
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<void>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as Message;
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve();
      return;
    }
    const params = msg.params ?? {};
    if (msg.method === 'Target.attachedToTarget' && params.sessionId && params.targetInfo) {
      const session = params.sessionId;
      targetTypes.add(params.targetInfo.type);
      // Sent in order on one session: the target resumes only once its network is watched.
      const ignore = () => undefined;
      send('Network.enable', {}, session).catch(ignore);
      send('Target.setAutoAttach', AUTO_ATTACH, session).catch(ignore);
      send('Runtime.runIfWaitingForDebugger', {}, session).catch(ignore);
    } else if (msg.method === 'Network.requestWillBeSent' && params.request) {
      urls.add(params.request.url);
    } else if (
      (msg.method === 'Network.webSocketCreated' || msg.method === 'Network.webTransportCreated') &&
      params.url
    ) {
      urls.add(params.url);
    }
  });
  await send('Target.setAutoAttach', AUTO_ATTACH);
  return { urls, targetTypes, stop: () => ws.close() };
}
