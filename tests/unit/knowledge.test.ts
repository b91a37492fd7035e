// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatEntityYaml } from '../../scripts/knowledge-format';
import { entityFiles, knowledgeAsOf, knowledgeDir, loadKnowledge } from '../../scripts/knowledge-load';
import { isStrong, NEEDS_SECOND, report, strongSites, TARGETS } from '../../scripts/knowledge-report';
import { CATEGORIES } from '../../src/knowledge/categories';
import { toNameIndex } from '../../src/knowledge/name-index';
import { tieText, toTie } from '../../src/knowledge/relations';
import { formatIssue } from '../../src/knowledge/validate';
import { compileMatcher } from '../../src/match';

const { entities, issues } = loadKnowledge();

describe('the bundled knowledge', () => {
  it('has no mistakes', () => {
    expect(issues.map(formatIssue)).toEqual([]);
  });

  it('covers every category, each with at least as many entities as the knowledge aims for', () => {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, entities.filter((e) => e.category === c).length]));
    for (const c of CATEGORIES) expect(counts[c], c).toBeGreaterThanOrEqual(TARGETS[c] ?? 1);
    expect(entities.length).toBeGreaterThanOrEqual(600);
  });

  it('keeps every file in the canonical form (npm run knowledge:format)', () => {
    const differ = entityFiles(knowledgeDir()).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return formatEntityYaml(text) !== text;
    });
    expect(differ).toEqual([]);
  });

  it('gives every fact a date no later than today and https sources', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const e of entities) {
      for (const f of e.facts) {
        expect(f.asOf <= today, `${e.id}: ${f.asOf}`).toBe(true);
        expect(new URL(f.source).protocol, e.id).toBe('https:');
        if (f.confirmedBy) expect(new URL(f.confirmedBy).protocol, e.id).toBe('https:');
      }
    }
  });

  it('confirms every number of 2025 or later (money, shares, capacity) with a second source', () => {
    const unconfirmed = entities.flatMap((e) =>
      e.facts
        .filter((f) => f.asOf >= '2025' && NEEDS_SECOND.test(f.text) && !f.confirmedBy)
        .map((f) => `${e.id}: ${f.text}`),
    );
    expect(unconfirmed).toEqual([]);
  });

  it('tells strong sources (listed sites, their subdomains, government sites) from the rest', () => {
    const sites = strongSites();
    expect(sites).toContain('reuters.com');
    const strong = (u: string) => isStrong(u, sites);
    expect(strong('https://www.reuters.com/technology/x')).toBe(true);
    expect(strong('https://nvidianews.nvidia.com/news/x')).toBe(true);
    expect(strong('https://www.bis.gov/press-release/x')).toBe(true);
    expect(strong('https://digital-strategy.ec.europa.eu/en/x')).toBe(true);
    expect(strong('https://www.msit.go.kr/eng/x')).toBe(true);
    // A government's own domain, not only its subdomains (www. is not part of the name).
    expect(strong('https://www.gov.uk/government/news/x')).toBe(true);
    expect(strong('https://www.gouv.fr/x')).toBe(true);
    // Canada's federal sites live under canada.ca; its Senate and Commons have their own names.
    expect(strong('https://competition-bureau.canada.ca/en/x')).toBe(true);
    expect(strong('https://www.canada.ca/en/competition-bureau/x')).toBe(true);
    expect(strong('https://sencanada.ca/en/senators/x')).toBe(true);
    expect(strong('https://www.ourcommons.ca/committees/x')).toBe(true);
    expect(strong('https://notcanada.ca/x')).toBe(false);
    // A look-alike name, a blog on a listed name's subdomain of another site, an aggregator.
    expect(strong('https://notreuters.com/x')).toBe(false);
    expect(strong('https://reuters.com.example.net/x')).toBe(false);
    expect(strong('https://aiwiki.ai/wiki/gemini_3')).toBe(false);
    expect(strong('not a url')).toBe(false);
  });

  it('adds no fact that rests only on weak sources (the count may only go down)', () => {
    // Facts with neither source nor confirmedBy on a strong site (npm run knowledge:report lists
    // them). Lower this as old facts are re-sourced; a new fact needs a strong source.
    const WEAK_CEILING = 695;
    const weak = report(entities, knowledgeAsOf(), strongSites()).weak;
    expect(weak.length).toBeLessThanOrEqual(WEAK_CEILING);
  });

  it('ties every fact to the other entities it names, so the timeline finds it from both sides', () => {
    const unlinked = report(entities, knowledgeAsOf()).unlinked.map(
      (u) => `${u.id}: [${u.names.join(', ')}] ${u.fact}`,
    );
    expect(unlinked).toEqual([]);
  });

  it('reports the most-read entities that went a year without a fact, by their rank', () => {
    const openai = entities.find((e) => e.id === 'openai');
    if (!openai) throw new Error('openai is missing');
    const old = { ...openai, id: 'old-co', facts: openai.facts.map((f) => ({ ...f, asOf: '2020-01-01' })) };
    const r = report([openai, old], '2026-12-06', [], ['old-co', 'unknown-id', 'openai']);
    expect(r.staleRead).toEqual([{ rank: 1, id: 'old-co', newest: '2020-01-01' }]);
  });

  it('says when it was last brought up to date, a real date no later than today', () => {
    const asOf = knowledgeAsOf();
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(asOf <= new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('names every entity of the seed article', () => {
    const matcher = compileMatcher(toNameIndex(entities));
    const names = [
      ['Amazon', 'amazon'],
      ['Anthropic', 'anthropic'],
      ['Amazon Web Services', 'aws'],
      ['AWS', 'aws'],
      ['Trainium', 'trainium'],
      ['Inferentia', 'inferentia'],
      ['Nvidia', 'nvidia'],
      ['Bedrock', 'amazon-bedrock'],
      ['Neuron', 'neuron-sdk'],
      ['Claude', 'claude'],
      ['Google', 'google'],
      ['Microsoft', 'microsoft'],
      ['OpenAI', 'openai'],
      ['Competition and Markets Authority', 'uk-cma'],
      ['European Commission', 'european-commission'],
      ['Federal Trade Commission', 'ftc'],
      ['Andrew Ng', 'andrew-ng'],
      ['The Information', 'the-information'],
    ];
    for (const [name, id] of names) {
      expect(
        matcher.scan(name as string).map((m) => m.entityId),
        name,
      ).toEqual([id]);
    }
  });

  it('matches aliases written with either apostrophe', () => {
    const matcher = compileMatcher(toNameIndex(entities));
    for (const text of ["Information Commissioner's Office", 'Information Commissioner’s Office']) {
      expect(matcher.scan(text).map((m) => m.entityId)).toEqual(['uk-ico']);
    }
  });

  it('ties Amazon to Anthropic so cards can say how they are connected', () => {
    const ties = entities.flatMap((e) => e.related.map((r) => [e.id, r.id].sort().join(' ')));
    expect(ties).toContain('amazon anthropic');
  });

  it('words ties to laws as who enacted or wrote them, from either side', () => {
    const name = (id: string) =>
      ({ 'gavin-newsom': 'Gavin Newsom', 'scott-wiener': 'Scott Wiener', 'california-sb-53': 'California SB 53' })[
        id
      ] ?? id;
    const signed = toTie('gavin-newsom', { id: 'california-sb-53', type: 'enacted', note: 'signed it into law' });
    expect(tieText(signed, name, '2026-12-06')).toBe('Gavin Newsom enacted California SB 53 (signed it into law)');
    const written = toTie('california-sb-53', { id: 'scott-wiener', type: 'written-by' });
    expect(tieText(written, name, '2026-12-06')).toBe('Scott Wiener wrote California SB 53');
    const newsom = entities.find((e) => e.id === 'gavin-newsom');
    expect(newsom?.related.map((r) => toTie('gavin-newsom', r))).toContainEqual(
      expect.objectContaining({ subject: 'gavin-newsom', type: 'enacted', object: 'california-sb-53' }),
    );
  });
});

// ---- Mistakes, as a person editing the files meets them ----

const root = mkdtempSync(join(tmpdir(), 'backstory-knowledge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A knowledge folder holding these files (`category/id.yaml` → text), and what loading it reports. */
function load(files: Record<string, string>) {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'knowledge.yaml'), 'asOf: 2026-01-01\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path.split('/')[0] as string), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = loadKnowledge(dir);
  // Paths relative to the folder, as a reader of the message sees them.
  return result.issues.map((i) => formatIssue({ ...i, file: i.file.split('/').slice(-2).join('/') }));
}

const acme = `id: acme-ai
name: Acme AI
category: company
aliases:
  - Acme AI
summary: A made-up company for tests.
facts:
  - text: Founded in 2021.
    asOf: 2021-01-01
    source: https://example.com/1
  - text: Raised money in 2024.
    asOf: 2024-02-01
    source: https://example.com/2
`;

describe('mistakes in the files are named by file, line and column, in words', () => {
  it('reads a good file without complaint', () => {
    expect(load({ 'company/acme-ai.yaml': acme })).toEqual([]);
  });

  it('a syntax slip', () => {
    const broken = acme.replace('  - Acme AI', '  - [Acme AI');
    const [issue] = load({ 'company/acme-ai.yaml': broken });
    // The parser notices where the list should have ended: the line after the slip.
    expect(issue).toMatch(/^company\/acme-ai\.yaml:[56]:\d+: acme-ai: is not valid YAML: /);
  });

  it('a key written twice', () => {
    const twice = acme.replace('summary:', 'name: Acme Again\nsummary:');
    expect(load({ 'company/acme-ai.yaml': twice })).toEqual([
      'company/acme-ai.yaml:6:1: acme-ai: a key is written twice in this entity: keep one',
    ]);
  });

  it('a missing field and a misspelt one', () => {
    const text = acme.replace('summary:', 'sumary:').replace('    asOf: 2024-02-01\n', '');
    expect(load({ 'company/acme-ai.yaml': text })).toEqual([
      'company/acme-ai.yaml:1:1: acme-ai: `summary` is missing',
      'company/acme-ai.yaml:6:1: acme-ai: unknown field `sumary`: did you mean `summary`?',
      'company/acme-ai.yaml:11:5: acme-ai: `facts.1.asOf` is missing',
    ]);
  });

  it('bad values: a date, a URL, a category, a relation type', () => {
    const text = `${acme
      .replace('asOf: 2024-02-01', 'asOf: 2024-02-30')
      .replace(
        'source: https://example.com/1',
        'source: http://example.com/1',
      )}related:\n  - id: acme-ai-two\n    type: invests-in\n`;
    const two = acme.replace(/acme-ai/g, 'acme-ai-two').replace(/Acme AI/g, 'Acme Two');
    expect(load({ 'company/acme-ai.yaml': text, 'company/acme-ai-two.yaml': two })).toEqual([
      'company/acme-ai.yaml:10:13: acme-ai: `facts.0.source` must be an https URL',
      'company/acme-ai.yaml:12:11: acme-ai: `facts.1.asOf` must be a real calendar date',
      'company/acme-ai.yaml:16:11: acme-ai: `related.0.type` "invests-in" is not a type: did you mean "invested-in"?',
    ]);
  });

  it('a fact dated only by its year or month, and a month that does not exist', () => {
    // "Founded in 2021": the year alone, as a number or in quotes; "in February 2024": the month.
    const partial = acme.replace('asOf: 2021-01-01', 'asOf: 2021').replace('asOf: 2024-02-01', 'asOf: "2024-02"');
    expect(load({ 'company/acme-ai.yaml': partial })).toEqual([]);
    const dir = join(root, String(n++));
    mkdirSync(join(dir, 'company'), { recursive: true });
    writeFileSync(join(dir, 'knowledge.yaml'), 'asOf: 2026-01-01\n');
    writeFileSync(join(dir, 'company/acme-ai.yaml'), partial);
    expect(loadKnowledge(dir).entities[0]?.facts.map((f) => f.asOf)).toEqual(['2021', '2024-02']);
    expect(load({ 'company/acme-ai.yaml': acme.replace('asOf: 2024-02-01', 'asOf: 2024-13') })).toEqual([
      'company/acme-ai.yaml:12:11: acme-ai: `facts.1.asOf` must be a real calendar date',
    ]);
    expect(load({ 'company/acme-ai.yaml': acme.replace('asOf: 2024-02-01', 'asOf: 2024-2-1') })).toEqual([
      'company/acme-ai.yaml:12:11: acme-ai: `facts.1.asOf` must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY, when only the month or the year is known)',
    ]);
  });

  it('an id that differs from the file name, a category that differs from the folder', () => {
    expect(load({ 'chip/acme.yaml': acme })).toEqual([
      'chip/acme.yaml:1:5: acme-ai: `id` is "acme-ai" but the file is named "acme": they must be the same',
      'chip/acme.yaml:3:11: acme-ai: `category` is "company" but the file is in the folder "chip"',
    ]);
  });

  it('an alias claimed by two entities, unless both mark it ambiguous', () => {
    const other = acme.replace(/acme-ai/g, 'acme-labs').replace('  - Acme AI', '  - Acme Labs\n  - Acme AI');
    expect(load({ 'company/acme-ai.yaml': acme, 'company/acme-labs.yaml': other })).toEqual([
      'company/acme-labs.yaml:6:5: acme-labs: "Acme AI" is already an alias of "acme-ai": an alias may name one entity, unless every entity that uses it lists it under `ambiguousAliases`',
    ]);
    const a = acme.replace('summary:', 'ambiguousAliases:\n  - Acme\nsummary:');
    const b = acme
      .replace(/acme-ai/g, 'acme-labs')
      .replace(/Acme AI/g, 'Acme Labs')
      .replace('summary:', 'ambiguousAliases:\n  - Acme\nsummary:');
    expect(load({ 'company/acme-ai.yaml': a, 'company/acme-labs.yaml': b })).toEqual([]);
  });

  it('a relation, a family or an involved entity that does not exist', () => {
    const text = `${acme.replace('category: company', 'category: company\nfamily: acme-family').replace('    source: https://example.com/2', '    source: https://example.com/2\n    involves: [acme-a]')}related:\n  - id: nobody\n    type: owns\n`;
    const two = acme.replace(/acme-ai/g, 'acme-ai-two').replace(/Acme AI/g, 'Acme Two');
    expect(load({ 'company/acme-ai.yaml': text, 'company/acme-ai-two.yaml': two })).toEqual([
      'company/acme-ai.yaml:4:9: acme-ai: `family` names "acme-family", which is not an entity',
      'company/acme-ai.yaml:15:16: acme-ai: `facts.1.involves.0` names "acme-a", which is not an entity (did you mean "acme-ai"?)',
      'company/acme-ai.yaml:17:9: acme-ai: `related.0.id` names "nobody", which is not an entity',
    ]);
  });

  it('every mistake of every file at once', () => {
    const bad1 = acme.replace('name: Acme AI', 'nam: Acme AI');
    const bad2 = acme
      .replace(/acme-ai/g, 'acme-two')
      .replace(/Acme AI/g, 'Acme Two')
      .replace('    asOf: 2021-01-01\n', '');
    expect(load({ 'company/acme-ai.yaml': bad1, 'company/acme-two.yaml': bad2 })).toEqual([
      'company/acme-ai.yaml:1:1: acme-ai: `name` is missing',
      'company/acme-ai.yaml:2:1: acme-ai: unknown field `nam`: did you mean `name`?',
      'company/acme-two.yaml:8:5: acme-two: `facts.0.asOf` is missing',
    ]);
  });
});
