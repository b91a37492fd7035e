import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knowledgeDir } from '../../scripts/knowledge-load';

const dir = mkdtempSync(join(tmpdir(), 'backstory-bad-knowledge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `vite build` on a broken copy of the knowledge folder, into a throwaway folder. */
function buildWith(edits: Record<string, (text: string) => string>) {
  const copy = join(dir, 'knowledge');
  rmSync(copy, { recursive: true, force: true });
  cpSync(knowledgeDir(), copy, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(copy, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
  }
  const r = spawnSync('npx', ['vite', 'build', '--outDir', join(dir, 'out')], {
    env: { ...process.env, BACKSTORY_KNOWLEDGE: copy },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('npm run build refuses knowledge with mistakes', () => {
  it('lists every mistake with file, line and words, and no stack trace', () => {
    const r = buildWith({
      'company/anthropic.yaml': (t) => t.replace(/^category: company\n/m, ''),
      'company/amazon.yaml': (t) =>
        `${t.replace(/^related:\n/m, 'related:\n  - id: no-such-entity\n    type: owns\n')}`,
      'chip/trainium.yaml': (t) => t.replace(/^summary:/m, 'sumary:'),
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('The knowledge has 4 mistakes; nothing was built');
    expect(r.output).toMatch(/company\/anthropic\.yaml:1:1: anthropic: `category` is missing/);
    expect(r.output).toMatch(
      /company\/amazon\.yaml:\d+:9: amazon: `related\.0\.id` names "no-such-entity", which is not an entity/,
    );
    expect(r.output).toMatch(/chip\/trainium\.yaml:1:1: trainium: `summary` is missing/);
    expect(r.output).toMatch(/chip\/trainium\.yaml:\d+:1: trainium: unknown field `sumary`: did you mean `summary`\?/);
    expect(r.output).not.toMatch(/^\s+at /m);
  });
});
