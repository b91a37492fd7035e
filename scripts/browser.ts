import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Worker } from 'playwright-core';

/** Debian's Chromium unless CHROME_PATH says otherwise. */
export const chromePath = () => process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** A running Chromium with the built extension, connected over CDP. */
export type ExtensionBrowser = {
  browser: Browser;
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** A CDP session on the browser target (for the real toolbar popup). */
  cdp: CDPSession;
  /** The browser's DevTools WebSocket URL. */
  wsEndpoint: string;
  close(): Promise<void>;
};

/**
 * Starts Chromium with the unpacked extension from `dist`. The process is started by hand
 * (not launchPersistentContext) so a browser-level CDP session can reach the popup target.
 */
export async function launchWithExtension(options: {
  dist: string;
  headless: boolean;
  userDataDir?: string;
  colorScheme?: 'light' | 'dark';
}): Promise<ExtensionBrowser> {
  const dist = resolve(options.dist);
  if (!existsSync(join(dist, 'manifest.json')))
    throw new Error(`No built extension in ${dist}: run npm run build first.`);
  if (!existsSync(chromePath()))
    throw new Error(`Chromium not found at ${chromePath()}: apt-get install -y chromium, or set CHROME_PATH.`);
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const args = [
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-port=0',
    '--no-sandbox',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-quic',
    '--disable-gpu',
    '--window-size=1280,900',
    ...(options.headless ? ['--headless=new'] : []),
    ...(options.colorScheme ? [`--blink-settings=preferredColorScheme=${options.colorScheme === 'dark' ? 0 : 1}`] : []),
    'about:blank',
  ];
  // Its own process group, so closing ends every helper process (crashpad, renderers) too.
  const proc = spawn(chromePath(), args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const endpoint = await devtoolsEndpoint(proc);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] as BrowserContext;
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const cdp = await browser.newBrowserCDPSession();
  return {
    browser,
    context,
    extensionId,
    worker,
    cdp,
    wsEndpoint: endpoint,
    async close() {
      await browser.close().catch(() => undefined);
      const exited = new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
      try {
        if (proc.pid) process.kill(-proc.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await exited;
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

function devtoolsEndpoint(proc: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${log}`)), 30_000);
    proc.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1] as string);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}):\n${log}`));
    });
  });
}
