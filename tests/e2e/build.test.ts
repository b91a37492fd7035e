import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'backstory-bad-knowledge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundled = JSON.parse(readFileSync('src/knowledge/entities.json', 'utf8')) as Record<string, unknown>[];

/** Runs `vite build` on a broken copy of the knowledge file, into a throwaway folder. */
function buildWith(mutate: (entities: Record<string, unknown>[]) => void) {
  const entities = structuredClone(bundled);
  mutate(entities);
  const file = join(dir, 'entities.json');
  writeFileSync(file, JSON.stringify(entities));
  return spawnSync('npx', ['vite', 'build', '--outDir', join(dir, 'out')], {
    env: { ...process.env, BACKSTORY_KNOWLEDGE: file },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run build refuses a bad knowledge file', () => {
  it('names the entry without a category', () => {
    const r = buildWith((list) => {
      const anthropic = list.find((e) => e.id === 'anthropic');
      if (anthropic) delete anthropic.category;
    });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain('entities.json: entity "anthropic": field "category" is missing');
  });

  it('names the entry whose related id does not exist', () => {
    const r = buildWith((list) => {
      const amazon = list.find((e) => e.id === 'amazon') as { related: { id: string; label: string }[] };
      amazon.related.push({ id: 'no-such-entity', label: 'owns' });
    });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(
      /entities\.json: entity "amazon": field "related\.\d+\.id" names unknown entity "no-such-entity"/,
    );
  });
});
