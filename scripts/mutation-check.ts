/**
 * `npm run test:mutation`: do the end-to-end tests notice when Backstory is broken? Copies the
 * built extension (dist/) to dist-mutant/, makes its content script throw on its first line, and
 * runs the end-to-end files that exercise the content script against it. Every test in them must
 * fail; one that passes cannot tell a working Backstory from a broken one, and is named here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The end-to-end files that drive the content script (options, build and Firefox files do not). */
export const CONTENT_SCRIPT_FILES = [
  'tests/e2e/page.test.ts',
  'tests/e2e/card.test.ts',
  'tests/e2e/badge.test.ts',
  'tests/e2e/popup.test.ts',
  'tests/e2e/settings.test.ts',
  'tests/e2e/privacy.test.ts',
  'tests/e2e/structure.test.ts',
  'tests/e2e/reader.test.ts',
  'tests/e2e/hostile.test.ts',
  'tests/e2e/backstory.test.ts',
];

const MUTANT = 'dist-mutant';

function makeMutant(): string {
  if (!existsSync('dist/manifest.json')) throw new Error('No dist/: run npm run build first.');
  rmSync(MUTANT, { recursive: true, force: true });
  cpSync('dist', MUTANT, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(MUTANT, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  const script = join(MUTANT, manifest.content_scripts[0]?.js[0] ?? '');
  writeFileSync(
    script,
    `throw new Error('Backstory mutation check: this content script is broken on purpose');\n${readFileSync(script, 'utf8')}`,
  );
  return script;
}

type Report = { testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[] };

function main() {
  const script = makeMutant();
  console.log(`Broke ${script}; running ${CONTENT_SCRIPT_FILES.length} end-to-end files against it…`);
  const out = join(mkdtempSync(join(tmpdir(), 'backstory-mutation-')), 'report.json');
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--project', 'e2e', '--reporter=json', `--outputFile=${out}`, ...CONTENT_SCRIPT_FILES],
    { env: { ...process.env, BACKSTORY_DIST: MUTANT, BACKSTORY_WAIT_MS: '2500' }, stdio: 'inherit' },
  );
  rmSync(MUTANT, { recursive: true, force: true });
  if (!existsSync(out)) throw new Error(`vitest wrote no report (exit ${run.status})`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  const tests = report.testResults.flatMap((f) => f.assertionResults);
  const survivors = tests.filter((t) => t.status !== 'failed');
  console.log(`\n${tests.length - survivors.length} of ${tests.length} tests failed against the broken build.`);
  if (tests.length === 0 || survivors.length > 0) {
    console.error(
      `These tests did not fail although the content script does not run (${survivors.length}):\n${survivors
        .map((t) => `  ${t.status}: ${t.fullName}`)
        .join('\n')}`,
    );
    process.exit(1);
  }
  console.log('Every test noticed.');
}

main();
