// npm run bench: Backstory against mark.js 8.11.1 and a bare one-pass floor, in headless
// Chromium, in one run, on generated pages, with the same term list (every alias).
// Backstory's time is read from outside the extension: a CPU profile of the page's renderer,
// counting samples with chrome-extension:// code on the stack (and garbage collections that
// interrupt it), in wall time and in CPU time (a sample's interval scaled by the thread time of
// the task it falls in). Exits non-zero only if it cannot run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { allAliases, toNameIndex } from '../src/knowledge/name-index';
import { DEFAULTS } from '../src/lib/settings-defaults';
import { aliasPattern } from './alias-pattern';
import { generatePack, heapUsed, importPack } from './bench-packs';
import {
  appendChunkBytes,
  appendPage,
  articlePage,
  bigPage,
  deepPage,
  manyNodesPage,
  oneNodePage,
} from './bench-pages';
import { chromePath, type ExtensionBrowser, launchWithExtension } from './browser';
import { inShadow } from './inspect';
import { loadKnowledge } from './knowledge-load';
import { serveFolder } from './serve';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const require = createRequire(import.meta.url);
const markSource = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
const entities = loadKnowledge().entities;
const terms = allAliases(toNameIndex(entities));
const pattern = `(?<![\\p{L}\\p{M}\\p{N}])(?:${aliasPattern(terms)})(?![\\p{L}\\p{M}\\p{N}])`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a');

type CpuProfile = {
  startTime: number;
  nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

const FLOOR_URL = 'backstory-floor.js';
const fromExtension = (url: string) => url.startsWith('chrome-extension://');

/** For BENCH_DEBUG: self time by function, summed over the runs of one page. */
const debugSelf = new Map<string, number>();
const debugFloor = new Map<string, number>();
function printDebugSelf(label: string, runs: number, from = debugSelf) {
  if (!process.env.BENCH_DEBUG) return;
  const top = [...from].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.BENCH_DEBUG_TOP ?? 25));
  console.log(`  ${label}: self time per run, by function`);
  console.log(top.map(([k, v]) => `    ${(v / runs).toFixed(2)} ms  ${k.slice(0, 100)}`).join('\n'));
  from.clear();
}

/**
 * A main-thread task of the page's renderer: start and end, in the profile's clock (µs), and the
 * share of that wall time the thread was on a CPU (the trace's thread time over its wall time).
 */
type Task = [number, number, number];

/** A script compile on the renderer's main thread: when, how long (µs, wall and thread time), which script. */
type Compile = { ts: number; dur: number; tdur: number; url: string };

/**
 * JS time of the code `owns` picks in a profile: in all, and the most of it inside one task of
 * the renderer's main thread (the "unbroken stretch": work split by yields is several tasks).
 * V8 compiles a script before any of it runs, so the profile has no sample of that: the trace's
 * compile events of the same scripts are added (to the total, and to the task they fall in).
 */
function extensionTime(
  profile: CpuProfile,
  tasks: readonly Task[],
  compiles: readonly Compile[],
  owns: (url: string) => boolean = fromExtension,
  debug = !!process.env.BENCH_DEBUG,
): { total: number; cpu: number; longest: number; longestCpu: number; compile: number; gc: number } {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ext = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const known = ext.get(id);
    if (known !== undefined) return known;
    const own = owns(byId.get(id)?.callFrame.url ?? '');
    const p = parent.get(id);
    const v = own || (p !== undefined && isExt(p));
    ext.set(id, v);
    return v;
  };
  let total = 0;
  /** The same time counted on the CPU only: a sample's interval scaled by its task's CPU share. */
  let cpu = 0;
  let longest = 0;
  let task = 0;
  let inTask = 0;
  let at = profile.startTime;
  const self = new Map<string, number>();
  /** Compile time by task index, added to that task's share below. */
  const compileIn = new Map<number, number>();
  const compileCpuIn = new Map<number, number>();
  let compile = 0;
  for (const c of compiles) {
    if (!owns(c.url)) continue;
    const i = tasks.findIndex(([from, to]) => from <= c.ts && c.ts <= to);
    compileIn.set(i, (compileIn.get(i) ?? 0) + c.dur / 1000);
    compileCpuIn.set(i, (compileCpuIn.get(i) ?? 0) + c.tdur / 1000);
    compile += c.dur / 1000;
    cpu += c.tdur / 1000;
  }
  total += compile;
  for (const [i, ms] of compileIn) if (i !== -1 && ms > longest) longest = ms;
  /** The longest stretch in CPU time: what the code itself took, without the machine's other load. */
  let longestCpu = 0;
  for (const [i, ms] of compileCpuIn) if (i !== -1 && ms > longestCpu) longestCpu = ms;
  inTask = compileIn.get(0) ?? 0;
  let inTaskCpu = compileCpuIn.get(0) ?? 0;
  if (compile > 0) self.set('(script compile, from the trace)', compile);
  /** For BENCH_DEBUG: where the longest task's time went, by function. */
  let longestTask = -1;
  let longestCpuTask = -1;
  const perTask = new Map<number, Map<string, number>>();
  // A garbage collection that interrupts the code `owns` picks, in the same task, is that code's:
  // its allocations set it off. (The profile files collections under the root, not under a script.)
  let lastOwned = false;
  let lastTask = -1;
  const gcNode = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === '(garbage collector)').map((n) => n.id),
  );
  let gc = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    while (task < tasks.length && (tasks[task] as Task)[1] < at) {
      task++;
      inTask = compileIn.get(task) ?? 0;
      inTaskCpu = compileCpuIn.get(task) ?? 0;
    }
    const current = tasks[task];
    const inside = current !== undefined && current[0] <= at;
    const collecting = gcNode.has(id) && lastOwned && lastTask === task && inside;
    if (!gcNode.has(id)) {
      lastOwned = isExt(id);
      lastTask = task;
    }
    if (collecting || isExt(id)) {
      const f = byId.get(id)?.callFrame;
      const key = collecting
        ? '(garbage collection in this code)'
        : `${f?.functionName || '(anonymous)'}:${f?.lineNumber} ${f?.url.startsWith('chrome-extension://') ? '' : f?.url.slice(0, 40)}`;
      // BENCH_DEBUG's tables count CPU time: wall time there moves with the machine's load.
      const onCpu = dt * (inside ? current[2] : 1);
      self.set(key, (self.get(key) ?? 0) + onCpu);
      if (process.env.BENCH_DEBUG === 'inclusive') {
        // Every Backstory function on the stack, once: where whole phases of work go.
        const onStack = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
          const g = byId.get(n)?.callFrame;
          if (g && fromExtension(g.url)) onStack.add(`  (incl) ${g.functionName || '(anonymous)'}:${g.lineNumber}`);
        }
        for (const k of onStack) self.set(k, (self.get(k) ?? 0) + onCpu);
      }
      total += dt;
      cpu += onCpu;
      if (collecting) gc += onCpu;
      if (inside) {
        inTaskCpu += onCpu;
        if (inTaskCpu > longestCpu) {
          longestCpu = inTaskCpu;
          longestCpuTask = task;
        }
        inTask += dt;
        if (inTask > longest) {
          longest = inTask;
          longestTask = task;
        }
        const m = perTask.get(task) ?? new Map<string, number>();
        m.set(key, (m.get(key) ?? 0) + dt);
        perTask.set(task, m);
      }
    }
  });
  if (debug) {
    // BENCH_DEBUG_CALLERS=<function name>: the stacks that function's samples were taken in.
    const wanted = process.env.BENCH_DEBUG_CALLERS;
    if (wanted) {
      const stacks = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        if (byId.get(id)?.callFrame.functionName !== wanted || !isExt(id)) return;
        const names: string[] = [];
        for (let n = parent.get(id); n !== undefined && names.length < 6; n = parent.get(n))
          names.push(byId.get(n)?.callFrame.functionName || '(anonymous)');
        const key = names.join(' < ');
        stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
      });
      for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 5))
        console.log(`  ${wanted} ${v.toFixed(2)} ms (wall) < ${k}`);
    }
    const into = owns === fromExtension ? debugSelf : debugFloor;
    for (const [k, v] of self) into.set(k, (into.get(k) ?? 0) + v);
    const inLongest = [...(perTask.get(longestTask) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `  longest task ${longest.toFixed(1)} ms: ${inLongest.map(([k, v]) => `${k.trim()} ${v.toFixed(1)}`).join(' | ')}`,
    );
    if (longestCpuTask !== longestTask) {
      const inCpu = [...(perTask.get(longestCpuTask) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.log(
        `  longest in CPU time ${longestCpu.toFixed(1)} ms: ${inCpu.map(([k, v]) => `${k.trim()} ${v.toFixed(1)}`).join(' | ')} (wall)`,
      );
    }
  }
  return { total, cpu, longest, longestCpu, compile, gc };
}

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; processId?: number } };
};

/**
 * The main-thread tasks of the renderer that showed a page of `origin`, and the scripts it
 * compiled there, from a Chromium trace.
 */
function rendererTasks(trace: Buffer, origin: string): { tasks: Task[]; compiles: Compile[] } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  // The page's renderer: from a navigation during the trace, or from the frames it started with.
  const frames = events.flatMap((e) =>
    e.name === 'FrameCommittedInBrowser'
      ? [e.args?.data ?? {}]
      : e.name === 'TracingStartedInBrowser'
        ? ((e.args?.data as { frames?: { url?: string; processId?: number }[] } | undefined)?.frames ?? [])
        : [],
  );
  const pids = new Set(frames.filter((f) => f.url?.startsWith(origin)).map((f) => f.processId));
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`);
  const tasks = events
    .filter((e) => e.name === 'RunTask' && onMain(e))
    .map((e): Task => [e.ts, e.ts + (e.dur ?? 0), e.dur && e.tdur !== undefined ? Math.min(1, e.tdur / e.dur) : 1])
    .sort((a, b) => a[0] - b[0]);
  const compiles = events
    .filter((e) => e.name === 'v8.compile' && onMain(e))
    .map((e): Compile => ({ ts: e.ts, dur: e.dur ?? 0, tdur: e.tdur ?? e.dur ?? 0, url: e.args?.data?.url ?? '' }));
  return { tasks, compiles };
}

/**
 * Profiles and traces the page while `work` runs; returns the share of the code `owns` picks
 * (Backstory's by default) in all, and the most of it inside any one main-thread task.
 */
async function profiled(
  page: Page,
  origin: string,
  work: () => Promise<void>,
  owns?: (url: string) => boolean,
  debug?: boolean,
) {
  const browser = page.context().browser();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_SAMPLING_US ?? 100) });
  await browser?.startTracing(page, {
    categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8', 'toplevel'],
  });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const trace = await browser?.stopTracing();
  await cdp.detach();
  const { tasks, compiles } = trace ? rendererTasks(trace, origin) : { tasks: [], compiles: [] };
  if (tasks.length === 0) throw new Error('The trace shows no main-thread task of the page: cannot measure stretches.');
  return extensionTime(profile, tasks, compiles, owns, debug);
}

const painted = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const [k, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights)
      if (k.startsWith('backstory-')) n += h.size;
    return n;
  });

/**
 * Waits until Backstory has painted and then stayed quiet for a while: the registered ranges
 * unchanged for 800 ms (a long page paints what is on screen first, the rest after).
 */
async function settle(page: Page) {
  await page.waitForFunction(
    () =>
      [...(CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.keys()].some((k) =>
        k.startsWith('backstory-'),
      ),
    undefined,
    { timeout: 60_000 },
  );
  let last = -1;
  let quietSince = Date.now();
  while (Date.now() - quietSince < 800) {
    const now = await painted(page);
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
    await page.waitForTimeout(100);
  }
}

/**
 * How late the card opens, with its facts, after the hover delay (issue 16: "within a frame or
 * two of the hover delay"). The pointer rests on a painted name of a freshly loaded page, so the
 * card's code runs for the first time. Backstory opens a card only once its facts are there
 * (card-session.ts), and marks its name active as it does: the page notes when the pointer moved
 * and the first frame with the mark; DevTools then checks that the card lists its facts.
 */
async function cardLatency(page: Page): Promise<number> {
  await page.mouse.move(1, 1);
  const point = await page.evaluate(() => {
    const w = window as unknown as { cardAt?: number; movedAt?: number };
    addEventListener('pointermove', (e) => (w.movedAt ??= e.timeStamp), { capture: true });
    for (const [key, set] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
      if (!key.startsWith('backstory-')) continue;
      for (const r of set) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        if (box && box.top > 40 && box.bottom < innerHeight - 40 && box.width > 8)
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  });
  if (!point) throw new Error('card latency: no painted name on screen to hover');
  await page.evaluate(WATCH_ACTIVE);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => (window as unknown as { cardAt?: number }).cardAt !== undefined, undefined, {
    timeout: 5_000,
  });
  const { cardAt, movedAt } = await page.evaluate(() => {
    const w = window as unknown as { cardAt: number; movedAt: number };
    return { cardAt: w.cardAt, movedAt: w.movedAt };
  });
  // "With its facts" as the e2e tests' waitForCard reads it: the card lists at least one fact.
  const facts = await inShadow(page, (root) => root.querySelectorAll('.card .facts li').length);
  if (!facts) throw new Error('card latency: the card opened without its facts');
  return cardAt - movedAt - DEFAULTS.hoverDelay;
}

// Page-side code as strings: tsx's name helpers do not exist in the page.
/**
 * The card opens in the same task that marks its name active: the first frame that finds the mark
 * is the first frame with the card (Backstory may build the card, hidden, before then).
 */
const WATCH_ACTIVE = `(() => {
  const watch = () => {
    if ((CSS.highlights.get('backstory-active')?.size ?? 0) > 0) window.cardAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})()`;
/** The floor: TreeWalker over text nodes, one RegExp of every term, one StaticRange per match. */
const floorScript = (source: string) => `(() => {
  const t0 = performance.now();
  const re = new RegExp(${JSON.stringify(source)}, 'gu');
  const ranges = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    re.lastIndex = 0;
    for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
      ranges.push(new StaticRange({ startContainer: n, startOffset: m.index, endContainer: n, endOffset: m.index + m[0].length }));
    }
  }
  return performance.now() - t0;
})()
//# sourceURL=${FLOOR_URL}`;

/**
 * The floor as an extension: the same bare scan in a content script, after the one storage read
 * any extension with a per-site switch makes. It pays what Backstory pays for being an extension
 * (an isolated world, the API bindings, compiling its script) and nothing for the engine: what
 * Backstory's figures mean beside the page floor. One range is registered, so `settle` sees the
 * scan end. Written to a temporary folder, removed when the bench ends.
 */
function floorExtension(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-floor-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Backstory bench floor',
    version: '1.0',
    permissions: ['storage'],
    background: { service_worker: 'worker.js' },
    content_scripts: [{ matches: ['<all_urls>'], js: ['floor.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), '');
  writeFileSync(
    join(dir, 'floor.js'),
    `chrome.storage.local.get('sites').then(() => {
  const re = new RegExp(${JSON.stringify(source)}, 'gu');
  const ranges = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    re.lastIndex = 0;
    for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
      ranges.push(new StaticRange({ startContainer: n, startOffset: m.index, endContainer: n, endOffset: m.index + m[0].length }));
    }
  }
  CSS.highlights.set('backstory-floor', new Highlight(...ranges.slice(0, 1)));
});`,
  );
  return dir;
}

/**
 * mark.js 8.11.1 with the options the issue names. One mark() call per term: mark.js chains terms
 * through synchronous callbacks, and with hundreds of terms that recursion overflows the stack;
 * mark.js makes one pass per term either way, so the work is the same.
 */
const markScript = (list: string[]) => `(async () => {
  const t0 = performance.now();
  const instance = new Mark(document.body);
  const options = { separateWordSearch: false, accuracy: 'exactly', caseSensitive: true };
  for (const term of ${JSON.stringify(list)}) {
    await new Promise((done) => instance.mark(term, { ...options, done }));
  }
  return performance.now() - t0;
})()`;

async function main() {
  const pages = {
    '/article.html': articlePage(),
    '/big.html': bigPage(),
    '/append.html': appendPage(20),
    '/one-node.html': oneNodePage(5_000_000),
    '/many-nodes.html': manyNodesPage(100_000),
    '/deep.html': deepPage(10_000),
  };
  const server = await serveFolder('tests/fixtures/pages', pages);
  const bigBytes = Buffer.byteLength(pages['/big.html']);
  const origin = new URL(server.url('')).origin;
  const results: Record<string, number> = {};
  let cardRuns: number[] = [];

  // BENCH_ONLY=article (or big): that page alone, while working on it.
  const only = process.env.BENCH_ONLY;
  const names = (['article', 'big'] as const).filter((n) => !only || n === only);
  /** Bad input (issue 17): Backstory alone, for its longest stretch (BENCH_ONLY=one-node etc. picks one). */
  const badNames = (['one-node', 'many-nodes', 'deep'] as const).filter((n) => !only || n === only);

  // Backstory with the built extension, and the floor in a browser without it, run in turns: the
  // machine's load moves both the same way, so their ratio holds better than either figure.
  const eb = await launchWithExtension({ dist: 'dist', headless: true });
  // BENCH_BASELINE=<folder of another build>: that build too, in turns with this one (A/B a change
  // on this noisy machine: the two share every slow moment).
  const baselineDist = process.env.BENCH_BASELINE;
  const baseline = baselineDist ? await launchWithExtension({ dist: baselineDist, headless: true }) : null;
  const floorDir = floorExtension(pattern);
  const floorExt = await launchWithExtension({ dist: floorDir, headless: true });
  const plain = await chromium.launch({
    executablePath: chromePath(),
    args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update'],
  });
  const ctx = await plain.newContext();
  /**
   * Loads a page in a browser with an extension and profiles that extension's work until it
   * settles; `inspect` reads the page before it closes. `debug` false keeps its functions out of
   * BENCH_DEBUG's table (only this build's belong there).
   */
  const loadProfiled = async (
    browser: ExtensionBrowser,
    name: string,
    debug?: boolean,
    inspect?: (page: Page) => Promise<void>,
  ) => {
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    const t = await profiled(
      page,
      origin,
      async () => {
        await page.goto(server.url(`${name}.html`));
        await settle(page);
      },
      undefined,
      debug,
    );
    await inspect?.(page);
    await page.close();
    return t;
  };
  for (const name of names) {
    const totals: number[] = [];
    const longest: number[] = [];
    const longestCpu: number[] = [];
    const compiles: number[] = [];
    const floor: number[] = [];
    const base: number[] = [];
    const extFloor: number[] = [];
    /** How late the first card opened after the hover delay, per run (article only). */
    const cardLate: number[] = [];
    /** The same runs in CPU time (see extensionTime): far steadier on a loaded machine. */
    const cpu = { backstory: [] as number[], floor: [] as number[], base: [] as number[], extFloor: [] as number[] };
    /** Garbage collection counted in the CPU times above (see extensionTime). */
    const gc = { backstory: [] as number[], floor: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      if (baseline) {
        const b = await loadProfiled(baseline, name, false);
        base.push(b.total);
        cpu.base.push(b.cpu);
      }
      const t = await loadProfiled(eb, name, undefined, async (page) => {
        if (i === 0) results[`${name}.painted`] = await painted(page);
        if (name === 'article') cardLate.push(await cardLatency(page));
      });
      totals.push(t.total);
      cpu.backstory.push(t.cpu);
      gc.backstory.push(t.gc);
      longest.push(t.longest);
      longestCpu.push(t.longestCpu);
      compiles.push(t.compile);

      const bare = await ctx.newPage();
      await bare.goto(server.url(`${name}.html`));
      // Profiled like Backstory, so the ratio compares like with like (sampling costs both the same).
      const f = await profiled(
        bare,
        origin,
        async () => {
          await bare.evaluate<number>(floorScript(pattern));
        },
        (url) => url === FLOOR_URL,
      );
      floor.push(f.total);
      cpu.floor.push(f.cpu);
      gc.floor.push(f.gc);
      await bare.close();

      const e = await loadProfiled(floorExt, name, false);
      extFloor.push(e.total);
      cpu.extFloor.push(e.cpu);
    }
    if (process.env.BENCH_DEBUG) {
      console.log(`  ${name} runs: ${totals.map((t) => t.toFixed(1)).join(' ')} ms`);
      console.log(`  ${name} floor runs: ${floor.map((t) => t.toFixed(1)).join(' ')} ms`);
      console.log(`  ${name} extension floor runs: ${extFloor.map((t) => t.toFixed(1)).join(' ')} ms`);
      console.log(`  ${name} CPU runs: ${cpu.backstory.map((t) => t.toFixed(1)).join(' ')} ms`);
    }
    if (baseline) {
      console.log(
        `  ${name}: this build ${ms(median(totals))}, baseline (${baselineDist}) ${ms(median(base))}: ${(median(totals) / median(base)).toFixed(3)}×; runs ${base.map((t) => t.toFixed(1)).join(' ')} ms`,
      );
      console.log(
        `  ${name} CPU time: this build ${ms(median(cpu.backstory))}, baseline ${ms(median(cpu.base))}: ${(median(cpu.backstory) / median(cpu.base)).toFixed(3)}×; runs ${cpu.base.map((t) => t.toFixed(1)).join(' ')} ms`,
      );
    }
    printDebugSelf(name, RUNS);
    printDebugSelf(`${name} floor`, RUNS, debugFloor);
    results[`${name}.backstory`] = median(totals);
    results[`${name}.compile`] = median(compiles);
    if (cardLate.length > 0) {
      results.cardLate = median(cardLate);
      results.cardLateWorst = Math.max(...cardLate);
      cardRuns = cardLate;
    }
    results[`${name}.longest`] = Math.max(...longest);
    results[`${name}.longestMedian`] = median(longest);
    results[`${name}.longestCpu`] = Math.max(...longestCpu);
    results[`${name}.longestCpuMedian`] = median(longestCpu);
    results[`${name}.floor`] = median(floor);
    results[`${name}.extFloor`] = median(extFloor);
    for (const [k, v] of Object.entries(cpu)) results[`${name}.cpu.${k}`] = median(v);
    for (const [k, v] of Object.entries(gc)) results[`${name}.gc.${k}`] = median(v);
  }
  // Big knowledge packs: a browser with a 20,000-alias pack imported, then with 100,000 aliases,
  // run in turns with the one without; CPU time, longest stretch and heap compared (BENCH_NO_PACKS=1 skips).
  const packs: string[] = [];
  const bad: string[] = [];
  if (!process.env.BENCH_NO_PACKS) {
    const packed = await launchWithExtension({ dist: 'dist', headless: true });
    try {
      const pack20k = generatePack(5_000, 4, 0);
      const importMs = await importPack(packed, 'bench-20k.json', pack20k);
      const heap = async (browser: ExtensionBrowser | null, name: string) => {
        const page = browser ? await browser.context.newPage() : await ctx.newPage();
        await page.goto(server.url(`${name}.html`));
        if (browser) await settle(page);
        const used = await heapUsed(page);
        await page.close();
        return used;
      };
      const compare = async (label: string) => {
        for (const name of names) {
          const without: number[] = [];
          const withPack: number[] = [];
          let longest = 0;
          for (let i = 0; i < RUNS; i++) {
            without.push((await loadProfiled(eb, name, false)).cpu);
            const t = await loadProfiled(packed, name, false);
            withPack.push(t.cpu);
            longest = Math.max(longest, t.longestCpu);
          }
          const bare = await heap(null, name);
          const heapWithout = (await heap(eb, name)) - bare;
          const heapWith = (await heap(packed, name)) - bare;
          const ratio = median(withPack) / median(without);
          const heapRatio = heapWith / heapWithout;
          packs.push(
            `  ${label.padEnd(17)} ${name.padEnd(8)} CPU ${ms(median(withPack))} vs ${ms(median(without))} without (${ratio.toFixed(2)}×; runs ${withPack.map((x) => x.toFixed(1)).join(' ')} / ${without.map((x) => x.toFixed(1)).join(' ')}), longest stretch ${ms(longest)}, heap +${(heapWith / 1e6).toFixed(2)} MB vs +${(heapWithout / 1e6).toFixed(2)} MB (${heapRatio.toFixed(2)}×)`,
          );
          console.log(packs.at(-1));
          results[`${label}.${name}.ratio`] = ratio;
          results[`${label}.${name}.cpu`] = median(withPack);
          results[`${label}.${name}.longest`] = longest;
          results[`${label}.${name}.heap`] = heapRatio;
        }
      };
      await compare('pack20k');
      // Up to the 100,000-alias limit: three packs of 25,000 and one of 5,000, of lean entities (25
      // aliases each: fat ones of this many aliases would not fit Chrome's 10 MB storage quota).
      let moreMs = 0;
      for (const [n, from] of [
        [1_000, 5_000],
        [1_000, 6_000],
        [1_000, 7_000],
        [200, 8_000],
      ] as const)
        moreMs = Math.max(moreMs, await importPack(packed, `bench-${n * 25}-${from}.json`, generatePack(n, 25, from)));
      await compare('pack100k');
      packs.unshift(
        `  import of the 20,000-alias pack (5,000 entities, ${(pack20k.length / 1024).toFixed(0)} KB) through the options page: ${ms(importMs)}; each 25,000-alias pack after it (1,000 entities): up to ${ms(moreMs)}`,
      );
      results.importMs = importMs;
    } catch (error) {
      // The main figures still print: a pack that cannot be imported is a finding, not a crash.
      packs.push(`  packs could not be measured: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      await packed.close();
    }
  }
  // Bad input: a 5 MB text node, 100,000 text nodes in one paragraph, a DOM 10,000 deep.
  for (const name of badNames) {
    const wall: number[] = [];
    const onCpu: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const t = await loadProfiled(eb, name, undefined, async (page) => {
        if (i === 0) results[`${name}.painted`] = await painted(page);
      });
      wall.push(t.longest);
      onCpu.push(t.longestCpu);
    }
    printDebugSelf(name, Math.min(RUNS, 3));
    results[`${name}.longest`] = Math.max(...wall);
    results[`${name}.longestCpu`] = Math.max(...onCpu);
    bad.push(
      `  ${name.padEnd(11)} longest stretch ${ms(Math.max(...onCpu))} CPU (runs ${onCpu.map((x) => x.toFixed(1)).join(' ')}), ${ms(Math.max(...wall))} wall; ${results[`${name}.painted`]} ranges painted`,
    );
    console.log(bad.at(-1));
  }
  // Only Backstory's browser stays open for the live blog.
  await baseline?.close();
  await floorExt.close();
  rmSync(floorDir, { recursive: true, force: true });
  if (!only) {
    const page = await eb.context.newPage();
    await page.goto(server.url('append.html'));
    await settle(page);
    const t = await profiled(page, origin, async () => {
      await page.evaluate(() => (window as unknown as { startAppending(): void }).startAppending());
      await page.waitForFunction(() => (window as unknown as { appendDone: boolean }).appendDone);
      await page.waitForTimeout(500);
    });
    printDebugSelf('append (per batch)', 20);
    results['append.perBatch'] = t.total / 20;
    results['append.longest'] = t.longest;
    results['append.cpu'] = t.cpu / 20;
    results['append.longestCpu'] = t.longestCpu;
    await page.close();
  }
  await eb.close();

  // mark.js, in the browser without the extension.
  for (const name of names) {
    // BENCH_NO_MARK=1 skips mark.js (a minute on the big page) while working on Backstory itself.
    const markRuns = process.env.BENCH_NO_MARK ? 0 : name === 'big' ? 1 : Math.min(RUNS, 3);
    const mark: number[] = [];
    for (let i = 0; i < markRuns; i++) {
      const page = await ctx.newPage();
      await page.goto(server.url(`${name}.html`));
      await page.addScriptTag({ content: markSource });
      mark.push(await page.evaluate<number>(markScript(terms)));
      await page.close();
    }
    results[`${name}.mark`] = median(mark);
  }
  await plain.close();
  await server.close();

  const gz = gzipSync(readFileSync('dist/src/content/index.js')).length / 1024;
  const check = (ok: boolean) => (ok ? 'ok ' : 'MISS');
  const r = (k: string) => results[k] ?? Number.NaN;
  console.log(`\nBackstory benchmark — ${terms.length} terms, ${RUNS} runs (medians), headless Chromium\n`);
  console.log(
    'page                     mark.js      floor    Backstory  mark.js/Backstory  Backstory/floor  longest stretch (median of runs)',
  );
  for (const name of ['article', 'big'] as const) {
    const label = name === 'big' ? `≥1 MB (${(bigBytes / 1e6).toFixed(2)} MB)` : 'article (~1,500 words)';
    console.log(
      `${label.padEnd(24)} ${ms(r(`${name}.mark`)).padStart(10)} ${ms(r(`${name}.floor`)).padStart(10)} ${ms(r(`${name}.backstory`)).padStart(12)} ${`${(r(`${name}.mark`) / r(`${name}.backstory`)).toFixed(0)}×`.padStart(18)} ${`${(r(`${name}.backstory`) / r(`${name}.floor`)).toFixed(2)}×`.padStart(16)} ${ms(r(`${name}.longest`)).padStart(16)} (${ms(r(`${name}.longestMedian`))})`,
    );
  }
  console.log(
    '\nthe same runs in CPU time (thread time of the tasks the samples fall in; wall time above); garbage collection that interrupts the code is counted as its own (in both tables)',
  );
  for (const name of ['article', 'big'] as const) {
    console.log(
      `  ${name.padEnd(8)} floor ${ms(r(`${name}.cpu.floor`))} (GC ${ms(r(`${name}.gc.floor`))}), Backstory ${ms(r(`${name}.cpu.backstory`))} (GC ${ms(r(`${name}.gc.backstory`))}, ${(r(`${name}.cpu.backstory`) / r(`${name}.cpu.floor`)).toFixed(2)}× the floor), floor as an extension ${ms(r(`${name}.cpu.extFloor`))} (Backstory ${(r(`${name}.cpu.backstory`) / r(`${name}.cpu.extFloor`)).toFixed(2)}×), longest stretch ${ms(r(`${name}.longestCpu`))} (${ms(r(`${name}.longestCpuMedian`))})`,
    );
  }
  console.log(`  append   Backstory per batch ${ms(r('append.cpu'))}, longest stretch ${ms(r('append.longestCpu'))}`);
  console.log(
    `\nthe floor as an extension (same scan in a content script: isolated world, a storage read, its compile): article ${ms(r('article.extFloor'))} (Backstory ${(r('article.backstory') / r('article.extFloor')).toFixed(2)}×), big page ${ms(r('big.extFloor'))} (Backstory ${(r('big.backstory') / r('big.extFloor')).toFixed(2)}×)`,
  );
  console.log(`\nappend page: ${(appendChunkBytes() / 1024).toFixed(1)} KB every 100 ms, 20 batches`);
  console.log(`  Backstory per batch ${ms(r('append.perBatch'))}, longest stretch ${ms(r('append.longest'))}`);
  console.log(`ranges registered after load: article ${r('article.painted')}, big page ${r('big.painted')} (bounded)`);
  if (cardRuns.length > 0)
    console.log(
      `the first card on the article, with its facts: ${ms(r('cardLate'))} after the hover delay (worst run ${ms(r('cardLateWorst'))}; runs ${cardRuns.map((x) => x.toFixed(1)).join(' ')} ms), wall time to the next frame`,
    );
  console.log(
    `content script: ${gz.toFixed(1)} KB gzipped; compiling it (included above): article ${ms(r('article.compile'))}, big page ${ms(r('big.compile'))}\n`,
  );
  // Each time goal is judged twice: in wall time (what the profile's samples span, the machine's
  // other load included) and in CPU time (what the main thread spent running Backstory).
  const both = (wall: boolean, onCpu: boolean) => `${check(wall)} wall, ${check(onCpu)} CPU`;
  console.log('goals');
  console.log(`  ${check(r('big.mark') / r('big.backstory') >= 500)} ≥ 500× faster than mark.js on the ≥ 1 MB page`);
  // Issue 19: the floor the goal compares with is the bare scan run as a content script (an
  // isolated world, a storage read, its compile), which any extension pays; the floor in the page
  // is printed above for reference.
  console.log(
    `  ${both(r('big.backstory') / r('big.extFloor') <= 1.5, r('big.cpu.backstory') / r('big.cpu.extFloor') <= 1.5)}: within 1.5× of the floor as an extension on the ≥ 1 MB page (${(r('big.cpu.backstory') / r('big.cpu.extFloor')).toFixed(2)}× in CPU time)`,
  );
  const longest = Math.max(r('article.longest'), r('big.longest'), r('append.longest'));
  const longestCpu = Math.max(r('article.longestCpu'), r('big.longestCpu'), r('append.longestCpu'));
  console.log(
    `  ${both(longest <= 16, longestCpu <= 16)}: no Backstory stretch over 16 ms (longest ${ms(longest)} wall, ${ms(longestCpu)} CPU)`,
  );
  console.log(`  ${both(r('article.backstory') <= 15, r('article.cpu.backstory') <= 15)}: ≤ 15 ms on the article`);
  console.log(`  ${both(r('append.perBatch') <= 2, r('append.cpu') <= 2)}: ≤ 2 ms per 5 KB mutation batch`);
  console.log(`  ${check(gz <= 50)} content script ≤ 50 KB gzipped`);
  // Issue 16: the card opens with its facts within a frame or two of the hover delay (two frames at 60 Hz).
  if (cardRuns.length > 0)
    console.log(
      `  ${check(r('cardLate') <= 33)} the first card opens with its facts within two frames (33 ms) of the hover delay (median ${ms(r('cardLate'))})`,
    );
  if (bad.length > 0) {
    console.log('\nbad input (one 5 MB text node; 100,000 text nodes in one paragraph; a DOM 10,000 deep)');
    for (const line of bad) console.log(line);
    for (const name of badNames)
      console.log(
        `  ${check(r(`${name}.longestCpu`) <= 50)} ${name}: no Backstory stretch over 50 ms (CPU), and painted (${r(`${name}.painted`) > 0 ? 'yes' : 'NO'})`,
      );
  }
  if (packs.length > 0) {
    console.log('\nwith knowledge packs (generated, seeded), in turns with the same build without them, CPU time');
    for (const line of packs) console.log(line);
    // Issue 19 asks for the floor comparison with a big pack too: the pack's runs against the
    // floor as an extension measured earlier in this invocation.
    for (const label of ['pack20k', 'pack100k'])
      if (names.includes('big'))
        console.log(
          `  ${label.padEnd(17)} big page: ${(r(`${label}.big.cpu`) / r('big.cpu.extFloor')).toFixed(2)}× the floor as an extension in CPU time (${ms(r(`${label}.big.cpu`))} vs ${ms(r('big.cpu.extFloor'))})`,
        );
    console.log('goals with packs');
    for (const name of names) {
      console.log(
        `  ${check(r(`pack20k.${name}.ratio`) <= 1.3)} ${name}: ≤ 1.3× the time without the 20,000-alias pack`,
      );
      console.log(`  ${check(r(`pack20k.${name}.heap`) <= 2)} ${name}: heap ≤ 2× the figure without the pack`);
      console.log(`  ${check(r(`pack20k.${name}.longest`) <= 16)} ${name}: no stretch over 16 ms with the pack`);
      console.log(
        `  ${check(r(`pack100k.${name}.longest`) <= 50)} ${name}: with 100,000 aliases, the page answers within 50 ms`,
      );
    }
    console.log(`  ${check(r('importMs') <= 2000)} import of a 20,000-alias pack ≤ 2 s`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
