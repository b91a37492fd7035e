// npm run bench:core: instructions of one cold pass of the pure core (the matcher; the matcher
// with relevance and sentence cues; the same with the short names a page learns) over the 1 MB
// bench page, counted by valgrind's callgrind on Node. Unlike times on this shared machine, the
// counts repeat exactly, so they judge a change to src/match that the browser bench cannot tell
// from noise. Node's V8 is older than Chromium's and tiers code differently: confirm a gain with
// `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const which = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
if (which.status !== 0) {
  console.error('valgrind not found: apt-get install -y valgrind');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'backstory-core-'));
// One plain file for Node: a loader that transpiles on the fly (tsx) caches and talks to a
// helper process, and its counts then move by tens of millions between runs.
await build({
  configFile: false,
  logLevel: 'silent',
  ssr: { noExternal: true },
  build: {
    ssr: 'scripts/core-pass.ts',
    outDir: dir,
    minify: false,
    rollupOptions: { output: { entryFileNames: 'core-pass.mjs' } },
  },
});
/** Instructions callgrind counts for one run of core-pass in `mode`, with V8 made deterministic. */
function count(mode: string): number {
  const out = join(dir, `${mode}.out`);
  const run = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--smc-check=all-non-file',
      `--callgrind-out-file=${out}`,
      process.execPath,
      '--single-threaded',
      '--predictable',
      '--random-seed=1',
      '--hash-seed=1',
      join(dir, 'core-pass.mjs'),
      mode,
    ],
    // The bundle runs from a temporary folder: it finds the knowledge by its absolute path.
    { encoding: 'utf8', env: { ...process.env, BACKSTORY_KNOWLEDGE: resolve('src/knowledge') } },
  );
  const m = /Collected : (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !m) throw new Error(`callgrind failed for ${mode}:\n${run.stderr.slice(-2000)}`);
  return Number(m[1]);
}
try {
  const base = count('none');
  const labels: Record<string, string> = {
    scan: 'matcher.scan',
    cues: 'scanBlock (scan, relevance, sentence cues)',
    page: 'scanBlock with the short names a page learns (local-names.ts)',
  };
  for (const [mode, label] of Object.entries(labels)) {
    console.log(`${label}: ${((count(mode) - base) / 1e6).toFixed(1)}M instructions`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
