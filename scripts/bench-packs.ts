// Knowledge packs for `npm run bench`: generated from a seed, so the figures repeat. Names are
// plausible company names ("Velorant Labs", "Quenza AI"), never words, never the bundled names.
import type { Page } from 'playwright-core';
import { allAliases, toNameIndex } from '../src/knowledge/name-index';
import type { ExtensionBrowser } from './browser';
import { loadKnowledge } from './knowledge-load';

/** The bundled names: a generated name never takes one ("Rivos"). */
const BUNDLED = new Set(allAliases(toNameIndex(loadKnowledge().entities)));

/** A small seeded generator (mulberry32): the same seed gives the same pack. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'V',
  'Qu',
  'Z',
  'Kr',
  'Th',
  'Br',
  'S',
  'M',
  'L',
  'T',
  'N',
  'X',
  'Gr',
  'Pl',
  'D',
  'R',
  'Fl',
  'C',
  'H',
  'J',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'io', 'ea', 'y'];
const CODAS = ['r', 'n', 'x', 'l', 'nt', 'rk', 's', 'm', 'nd', 'lt', 'v', 'q', 'z'];
const SUFFIXES = [
  'Labs',
  'AI',
  'Systems',
  'Robotics',
  'Compute',
  'Semiconductor',
  'Cloud',
  'Dynamics',
  'Networks',
  'Bio',
];

/** The first `n` names of one seeded sequence, each different: packs take slices of it, so they never share a name. */
function names(n: number): string[] {
  const next = random(1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const used = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    let stem = '';
    for (let s = 0, k = 2 + Math.floor(next() * 2); s < k; s++) stem += pick(ONSETS).toLowerCase() + pick(VOWELS);
    stem += pick(CODAS);
    const name = stem[0]?.toUpperCase() + stem.slice(1);
    if (used.has(name) || name.length < 5 || BUNDLED.has(name)) continue;
    used.add(name);
    out.push(name);
  }
  return out;
}

/**
 * A pack of `entities` companies with `aliasesPer` aliases each (the name, and the name with
 * suffixes), as a reader would import it: the JSON text of an array of entities. `from` is where
 * in the name sequence it starts (packs that take different stretches share no name).
 */
export function generatePack(entities: number, aliasesPer: number, from: number): string {
  const all = names(from + entities).slice(from);
  return JSON.stringify(
    all.map((name, i) => {
      const id = `bench-${from + i}`;
      return {
        id,
        name: `${name} ${SUFFIXES[0]}`,
        category: 'company',
        aliases: [name, ...SUFFIXES.map((s) => `${name} ${s}`)].slice(0, aliasesPer),
        summary: `A generated company for the benchmark (${id}).`,
        url: 'https://example.org/',
        facts: [
          { text: 'Founded for the benchmark.', asOf: '2024-01-01', source: 'https://example.org/a' },
          { text: 'Raised money for the benchmark.', asOf: '2025-06-30', source: 'https://example.org/b' },
        ],
      };
    }),
  );
}

/**
 * Imports a pack through the options page, as a reader does; returns the time it took (ms), from
 * the page receiving the chosen file to the pack listed (measured in the page: the automation's
 * own transfer of the file into it is not the reader's wait).
 */
export async function importPack(eb: ExtensionBrowser, name: string, json: string): Promise<number> {
  const page: Page = await eb.context.newPage();
  await page.goto(`chrome-extension://${eb.extensionId}/src/options/index.html`);
  const input = page.locator('input[type="file"][aria-describedby="packs-hint"]');
  await input.waitFor({ state: 'attached' });
  await page.evaluate((file) => {
    const w = window as unknown as { chosenAt?: number; listedAt?: number };
    document.addEventListener('change', () => (w.chosenAt ??= performance.now()), { capture: true });
    new MutationObserver(() => {
      const listed = [...document.querySelectorAll('li.pack .name')].some((e) => e.textContent === file);
      if (listed) w.listedAt ??= performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, name);
  await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(json) });
  // Done when the pack is listed, or refused with a reason.
  await page
    .locator('li.pack .name', { hasText: name })
    .or(page.locator('#packs-notice-error:not(:empty)'))
    .waitFor({ timeout: 120_000 });
  const error = await page.locator('#packs-notice-error').textContent();
  if (error) throw new Error(`Importing ${name} failed: ${error.slice(0, 500)}`);
  const took = await page.evaluate(() => {
    const w = window as unknown as { chosenAt?: number; listedAt?: number };
    return (w.listedAt ?? Number.NaN) - (w.chosenAt ?? Number.NaN);
  });
  await page.close();
  return took;
}

/** The page's JavaScript heap in use after a garbage collection (bytes): page and content scripts share it. */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}
