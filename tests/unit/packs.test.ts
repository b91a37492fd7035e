import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../src/knowledge/schema';
import { KnowledgeError } from '../../src/knowledge/validate';
import { addPack, listPacks, onPacksChange, packEntities, removePack } from '../../src/lib/packs';

vi.mock('webextension-polyfill', async () => ({ default: (await import('@webext-core/fake-browser')).fakeBrowser }));

beforeEach(() => fakeBrowser.reset());

/** A valid pack entity; `over` replaces fields (undefined removes one). */
function entity(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id,
    name: `Name ${id}`,
    category: 'company',
    aliases: [`Name ${id}`],
    ambiguousAliases: [],
    summary: `Summary of ${id}.`,
    url: `https://example.org/${id}`,
    facts: [
      { text: 'Founded in 2020.', asOf: '2020-01-01', source: 'https://example.org/a' },
      { text: 'Raised money in 2023.', asOf: '2023-06-30', source: 'https://example.org/b' },
    ],
    related: [],
  };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

const file = (...entities: Record<string, unknown>[]) => JSON.stringify(entities);

/** The reason `addPack` gives, or null when it stored the pack. */
const refusal = (name: string, text: string) =>
  addPack(name, text).then(
    () => null,
    (e: Error) => (e instanceof KnowledgeError ? e.message : `not a KnowledgeError: ${e.message}`),
  );

describe('knowledge packs', () => {
  it('store a good pack, its relations reaching bundled and its own entities', async () => {
    const text = file(
      entity('acme-labs', { related: [{ id: 'anthropic', type: 'competes-with' }] }),
      entity('acme-chip', { category: 'chip', related: [{ id: 'acme-labs', type: 'made-by' }] }),
    );
    const { installed, ...pack } = await addPack('acme.json', text);
    expect(installed).toEqual([pack]);
    expect(pack.name).toBe('acme.json');
    expect(new Date(pack.importedAt).toISOString()).toBe(pack.importedAt);
    expect(pack.entities.map((e) => e.id)).toEqual(['acme-labs', 'acme-chip']);
    expect(await listPacks()).toEqual([pack]);
    expect((await packEntities()).map((e: Entity) => e.id)).toEqual(['acme-labs', 'acme-chip']);
    // Stored as written, as one JSON text; checked again whenever it is read.
    expect(await fakeBrowser.storage.local.get('packs')).toEqual({
      packs: [{ name: 'acme.json', importedAt: pack.importedAt, json: text }],
    });
  });

  it('refuse a bad pack with file, entity id and field, and keep the packs stored before', async () => {
    const { installed: _, ...good } = await addPack('good.json', file(entity('acme-labs')));
    const cases: [string, string, string][] = [
      ['object.json', '{"id":"x"}', 'object.json: (file): the file must be a JSON array of entities'],
      ['empty.json', '[]', 'empty.json: (file): the file has no entities'],
      ['facts.json', file(entity('nofacts', { facts: undefined })), 'facts.json: nofacts: `facts` is missing'],
      [
        'url.json',
        file(entity('plain-http', { url: 'http://example.org/' })),
        'url.json: plain-http: `url` must be an https URL',
      ],
      [
        'related.json',
        file(entity('lonely', { related: [{ id: 'nobody', type: 'partners-with' }] })),
        'related.json: lonely: `related.0.id` names "nobody", which is not an entity',
      ],
      [
        'bundled-id.json',
        file(entity('anthropic')),
        'bundled-id.json: anthropic: `id` "anthropic" is already the id of an installed entity',
      ],
      [
        'pack-id.json',
        file(entity('acme-labs')),
        'pack-id.json: acme-labs: `id` "acme-labs" is already the id of an installed entity',
      ],
      [
        'alias.json',
        file(entity('nv-fans', { aliases: ['Nvidia'] })),
        'alias.json: nv-fans: "Nvidia" is already an alias of installed entity "nvidia": an alias may name one entity, unless every entity that uses it lists it under `ambiguousAliases`',
      ],
      [
        'ambiguous.json',
        file(entity('amazon-river', { aliases: ['Amazon'] })),
        'ambiguous.json: amazon-river: "Amazon" is an ambiguous name of installed entity "amazon": list it under `ambiguousAliases` here too',
      ],
    ];
    expect(await refusal('broken.json', '[{')).toMatch(/^broken\.json: \(file\): the file is not valid JSON: ./);
    for (const [name, text, reason] of cases) expect(await refusal(name, text), name).toBe(reason);
    expect(await listPacks()).toEqual([good]);
  });

  it('list every mistake of a bad pack at once', async () => {
    const reason = await refusal(
      'two.json',
      file(entity('first-bad', { summary: undefined }), entity('second-bad', { url: 'ftp://example.org' })),
    );
    expect(reason).toBe(
      '2 mistakes in the knowledge:\n  two.json: first-bad: `summary` is missing\n  two.json: second-bad: `url` must be an https URL',
    );
  });

  it('check stored packs again when read: a bad stored entity is left out, the rest still used', async () => {
    await addPack('good.json', file(entity('acme-labs'), entity('acme-two')));
    const stored = (await fakeBrowser.storage.local.get('packs')).packs as { json: string }[];
    const first = stored[0] as { json: string };
    const entities = JSON.parse(first.json) as Record<string, unknown>[];
    entities[1] = { ...entities[1], url: 'javascript:alert(1)' };
    first.json = JSON.stringify(entities);
    await fakeBrowser.storage.local.set({ packs: stored });
    const [pack] = await listPacks();
    expect(pack?.entities.map((e) => e.id)).toEqual(['acme-labs']);
    expect(pack?.problems.map((p) => `${p.entityId}: ${p.message}`)).toEqual(['acme-two: `url` must be an https URL']);
    expect((await packEntities()).map((e) => e.id)).toEqual(['acme-labs']);
  });

  it('refuse aliases that would match everywhere, and say why, unless an ordinary word is marked ambiguous', async () => {
    const reason = await refusal(
      'words.json',
      file(
        entity('the-co', { aliases: ['the', 'AI', 'Data'] }),
        entity('fine-co', { aliases: ['Fine Co'], ambiguousAliases: ['Model'] }),
      ),
    );
    expect(reason).toBe(
      [
        '3 mistakes in the knowledge:',
        '  words.json: the-co: "AI" is too short: an alias needs at least three characters, or it would match everywhere',
        '  words.json: the-co: "the" is an ordinary word: every page would be full of it. List it under ambiguousAliases (highlighted only with evidence), or leave it out',
        '  words.json: the-co: "Data" is an ordinary word: every page would be full of it. List it under ambiguousAliases (highlighted only with evidence), or leave it out',
      ].join('\n'),
    );
    expect(
      await refusal('ok.json', file(entity('fine-co', { aliases: ['Fine Co'], ambiguousAliases: ['Model'] }))),
    ).toBeNull();
  });

  it('refuse an entity with too many aliases, and a pack storage cannot hold, before anything is written', async () => {
    const many = Array.from({ length: 26 }, (_, i) => `Many Name ${i}`);
    expect(await refusal('many.json', file(entity('many-co', { aliases: many })))).toBe(
      'many.json: many-co: has 26 aliases; a pack entity may have at most 25',
    );
    await fakeBrowser.storage.local.set({ other: 'x'.repeat(10_485_500) });
    const reason = await refusal('big.json', file(entity('big-co')));
    expect(reason).toMatch(
      /^big\.json: \(file\): there is not enough room to store it: Backstory's storage holds 10\.5 MB, and with this pack it would need 10\.\d MB\. Nothing was changed$/,
    );
    expect(await listPacks()).toEqual([]);
  });

  it('store the compact names pages search, with each import and removal', async () => {
    await addPack('a.json', file(entity('alpha-one', { aliases: ['Alpha One', 'AlphaOne'] })));
    const names = (await fakeBrowser.storage.local.get('packNames')).packNames as {
      count: number;
      lines: string;
      entities: string[];
    };
    expect(names.count).toBe(2);
    // Each alias names its entity by number; the entity's id, name and category are written once.
    expect(names.lines.split('\n').map((l) => l.split('\u0001'))).toEqual([
      ['Alpha One', '0', '0'],
      ['AlphaOne', '0', '0'],
      [''],
    ]);
    expect(names.entities).toEqual(['alpha-one\u0001Name alpha-one\u0001company']);
    await removePack('a.json');
    expect(await fakeBrowser.storage.local.get('packNames')).toEqual({});
  });

  it('accept a name that is ambiguous both in Backstory and in the pack', async () => {
    const pack = await addPack(
      'river.json',
      file(entity('amazon-river', { aliases: ['Amazon River'], ambiguousAliases: ['Amazon'] })),
    );
    expect(pack.entities[0]?.ambiguousAliases).toEqual(['Amazon']);
  });

  it('replace a pack imported again under the same name, and remove packs by name', async () => {
    await addPack('a.json', file(entity('alpha-one')));
    await addPack('b.json', file(entity('beta-one', { related: [{ id: 'alpha-one', type: 'partners-with' }] })));
    // The new a.json may reuse its own old ids: it replaces them.
    await addPack('a.json', file(entity('alpha-one', { summary: 'Updated.' }), entity('alpha-two')));
    expect((await listPacks()).map((p) => [p.name, p.entities.map((e) => e.id)])).toEqual([
      ['a.json', ['alpha-one', 'alpha-two']],
      ['b.json', ['beta-one']],
    ]);
    await removePack('a.json');
    await removePack('missing.json');
    expect((await listPacks()).map((p) => p.name)).toEqual(['b.json']);
  });

  it('tell listeners the pack entities after each change, until their signal aborts', async () => {
    const life = new AbortController();
    const seen: string[][] = [];
    onPacksChange(life.signal, (entities) => seen.push(entities.map((e) => e.id)));
    await addPack('a.json', file(entity('alpha-one')));
    await addPack('b.json', file(entity('beta-one')));
    await removePack('a.json');
    life.abort();
    await removePack('b.json');
    expect(seen).toEqual([['alpha-one'], ['alpha-one', 'beta-one'], ['beta-one']]);
  });

  it('read junk in storage as no packs', async () => {
    for (const junk of ['x', { name: 'a' }, [null, 3, { name: 'a', importedAt: 1, entities: [] }]]) {
      await fakeBrowser.storage.local.set({ packs: junk });
      expect(await listPacks()).toEqual([]);
      expect(await packEntities()).toEqual([]);
    }
    await fakeBrowser.storage.local.set({ packs: [{ name: 'a', importedAt: 'x', entities: [1, null, 'x'] }] });
    expect((await listPacks())[0]?.entities).toEqual([]);
    for (const json of ['not json', '{"id":"x"}']) {
      await fakeBrowser.storage.local.set({ packs: [{ name: 'a', importedAt: 'x', json }] });
      expect((await listPacks())[0]?.entities).toEqual([]);
    }
  });

  it('read a pack stored by an earlier version as objects, and store it as text with the next change', async () => {
    const old = { name: 'old.json', importedAt: '2026-01-01T00:00:00.000Z', entities: [entity('acme-labs')] };
    await fakeBrowser.storage.local.set({ packs: [old] });
    expect((await packEntities()).map((e) => e.id)).toEqual(['acme-labs']);
    await addPack('new.json', file(entity('beta-one')));
    expect((await listPacks()).map((p) => [p.name, p.entities.map((e) => e.id)])).toEqual([
      ['old.json', ['acme-labs']],
      ['new.json', ['beta-one']],
    ]);
    const stored = (await fakeBrowser.storage.local.get('packs')).packs as Record<string, unknown>[];
    expect(stored[0]).toEqual({ name: 'old.json', importedAt: old.importedAt, json: JSON.stringify(old.entities) });
  });
});
