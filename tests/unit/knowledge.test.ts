import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toNameIndex } from '../../src/knowledge/name-index';
import { CATEGORIES } from '../../src/knowledge/schema';
import { KnowledgeError, validateKnowledge } from '../../src/knowledge/validate';
import { compileMatcher } from '../../src/match';

const raw = JSON.parse(readFileSync('src/knowledge/entities.json', 'utf8')) as Record<string, unknown>[];
const entities = validateKnowledge(raw);

describe('the bundled knowledge file', () => {
  it('covers at least 150 entities across the categories the issue asks for', () => {
    const count = (c: string) => entities.filter((e) => e.category === c).length;
    expect(entities.length).toBeGreaterThanOrEqual(150);
    expect(count('company')).toBeGreaterThanOrEqual(60);
    expect(count('chip')).toBeGreaterThanOrEqual(40);
    expect(count('regulator')).toBeGreaterThanOrEqual(25);
    expect(new Set(entities.map((e) => e.category))).toEqual(new Set(CATEGORIES));
  });

  it('is sorted by id, so diffs stay readable', () => {
    const ids = entities.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('gives every fact a date no later than today and an https source', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const e of entities) {
      expect(e.facts.length, e.id).toBeGreaterThanOrEqual(2);
      for (const f of e.facts) {
        expect(f.asOf <= today, `${e.id}: ${f.asOf}`).toBe(true);
        expect(new URL(f.source).protocol, e.id).toBe('https:');
      }
    }
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

  it('relates Amazon to Anthropic so cards can say how they are connected', () => {
    const amazon = entities.find((e) => e.id === 'amazon');
    expect(amazon?.related.some((r) => r.id === 'anthropic')).toBe(true);
  });
});

/** A valid entry to break one field at a time. */
const good = () => ({
  id: 'acme-ai',
  name: 'Acme AI',
  category: 'company',
  aliases: ['Acme AI'],
  summary: 'A made-up company for tests.',
  url: 'https://example.com/',
  facts: [
    { text: 'Fact one.', asOf: '2024-01-01', source: 'https://example.com/1' },
    { text: 'Fact two.', asOf: '2024-02-01', source: 'https://example.com/2' },
  ],
  related: [] as { id: string; label: string }[],
});

const errorOf = (data: unknown): KnowledgeError => {
  try {
    validateKnowledge(data, 'entities.json');
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeError');
};

describe('validateKnowledge errors name the file, the entity and the field', () => {
  it.each([
    ['a missing category', () => ({ ...good(), category: undefined }), 'category', 'is missing'],
    ['an unknown category', () => ({ ...good(), category: 'fruit' }), 'category', 'must be one of'],
    ['an id not in kebab-case', () => ({ ...good(), id: 'Acme_AI' }), 'id', 'kebab-case'],
    [
      'a future date',
      () => ({ ...good(), facts: [good().facts[0], { ...good().facts[1], asOf: '2999-01-01' }] }),
      'facts.1.asOf',
      'future',
    ],
    [
      'an impossible date',
      () => ({ ...good(), facts: [good().facts[0], { ...good().facts[1], asOf: '2024-02-30' }] }),
      'facts.1.asOf',
      'real calendar date',
    ],
    [
      'an http source',
      () => ({ ...good(), facts: [good().facts[0], { ...good().facts[1], source: 'http://example.com' }] }),
      'facts.1.source',
      'https',
    ],
    ['HTML in a summary', () => ({ ...good(), summary: 'A <b>bold</b> claim.' }), 'summary', 'plain text'],
    ['a single fact', () => ({ ...good(), facts: [good().facts[0]] }), 'facts', 'at least 2'],
    ['an unknown field', () => ({ ...good(), valuation: 1 }), 'valuation', ''],
  ])('%s', (_, make, field, words) => {
    const entry = make();
    const error = errorOf([entry]);
    expect(error.file).toBe('entities.json');
    expect(error.entityId).toBe(entry.id);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`entities.json: entity "${entry.id}": field "${field}"`);
    expect(error.message).toContain(words);
  });

  it('an unknown related id', () => {
    const error = errorOf([{ ...good(), related: [{ id: 'nobody', label: 'owns' }] }]);
    expect(error.message).toBe('entities.json: entity "acme-ai": field "related.0.id" names unknown entity "nobody"');
  });

  it('an alias claimed by two entities unless both mark it ambiguous', () => {
    const other = { ...good(), id: 'acme-labs', name: 'Acme Labs', aliases: ['Acme Labs', 'Acme AI'] };
    expect(errorOf([good(), other]).message).toContain(
      'field "aliases" claims "Acme AI", already an alias of "acme-ai"',
    );
    const a = { ...good(), aliases: ['Acme AI'], ambiguousAliases: ['Acme'] };
    const b = { ...other, aliases: ['Acme Labs'], ambiguousAliases: ['Acme'] };
    expect(validateKnowledge([a, b]).map((e) => e.id)).toEqual(['acme-ai', 'acme-labs']);
  });

  it('a duplicate id', () => {
    expect(errorOf([good(), { ...good(), aliases: ['Acme'] }]).message).toContain('field "id" is used by two entities');
  });

  it('a file that is not an array', () => {
    expect(errorOf({}).message).toContain('must be a JSON array');
  });
});
