import { describe, expect, it } from 'vitest';
import { buildPackNames, createPackLookup, type PackAlias } from '../../src/match/pack-table';

const alias = (a: string, id: string, ambiguous = false): PackAlias => ({
  alias: a,
  id,
  name: id.toUpperCase(),
  category: 'company',
  ambiguous,
});

const table = buildPackNames([
  alias('Acme', 'acme'),
  alias('Acme Labs', 'acme-labs'),
  alias('Acme Lab X', 'acme-lab-x'),
  alias('Acme Labs Robotics', 'acme-robotics'),
  alias('Zeta GPU', 'zeta'),
  alias('Orbit', 'orbit', true),
  alias('Orbit', 'orbit-plain'),
  alias('Qu', 'too-short'),
]);
const lookup = createPackLookup(table);

/** What is found at the start of the text: the name found, its entity and where it ends. */
const at = (text: string, i = 0) => {
  const hit = lookup.at(text, i);
  return hit && { alias: hit.alias, id: hit.entity.id, end: hit.end, ambiguous: hit.ambiguous };
};

describe('the compact pack table', () => {
  it('is one sorted string with an index of two-letter prefixes', () => {
    expect(table.count).toBe(6);
    expect(
      table.lines
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\u0001')[0]),
    ).toEqual(['Acme', 'Acme Lab X', 'Acme Labs', 'Acme Labs Robotics', 'Orbit', 'Zeta GPU']);
    expect(Object.keys(table.index).sort()).toEqual(['Ac', 'Or', 'Ze']);
    expect(table.firsts).toBe('AOZ');
  });

  it('finds the longest name at a position, ending at a word boundary', () => {
    expect(at('Acme Labs Robotics said')).toEqual({
      alias: 'Acme Labs Robotics',
      id: 'acme-robotics',
      end: 18,
      ambiguous: false,
    });
    expect(at('Acme Labs Rob said')).toEqual({ alias: 'Acme Labs', id: 'acme-labs', end: 9, ambiguous: false });
    expect(at('Acme Lab X shipped')).toEqual({ alias: 'Acme Lab X', id: 'acme-lab-x', end: 10, ambiguous: false });
    expect(at('Acme Lab Y shipped')).toEqual({ alias: 'Acme', id: 'acme', end: 4, ambiguous: false });
    expect(at('Acme')).toEqual({ alias: 'Acme', id: 'acme', end: 4, ambiguous: false });
    expect(at('the Acme deal', 4)).toEqual({ alias: 'Acme', id: 'acme', end: 8, ambiguous: false });
  });

  it('does not find a name inside a longer word, and finds plural names after a capital', () => {
    expect(at('Acmeville')).toBeNull();
    expect(at('Acmes')).toBeNull();
    expect(at('Acmes Chips')).toEqual({ alias: 'Acme', id: 'acme', end: 4, ambiguous: false });
    expect(at('Zeta GPUs')).toEqual({ alias: 'Zeta GPU', id: 'zeta', end: 9, ambiguous: false });
    expect(at('Zeta GPU4')).toBeNull();
    expect(at('Nothing here')).toBeNull();
    expect(at('')).toBeNull();
  });

  it('ends a name written in Chinese before Latin letters, as the bundled table does ("寒武纪MLU590")', () => {
    const cjk = createPackLookup(buildPackNames([alias('寒武纪', 'cambricon-pack')]));
    expect(cjk.at('寒武纪MLU590芯片', 0)).toMatchObject({ alias: '寒武纪', end: 3 });
  });

  it('keeps the plain owner of a name listed twice, and leaves out names under three letters', () => {
    expect(at('Orbit rose')).toEqual({ alias: 'Orbit', id: 'orbit-plain', end: 5, ambiguous: false });
    expect(at('Qu said')).toBeNull();
  });

  it('answers the same with 100,000 names, finding each of a sample', () => {
    const many: PackAlias[] = [];
    for (let i = 0; i < 100_000; i++) many.push(alias(`Vendor ${i.toString(36)} Systems`, `v${i}`));
    const big = createPackLookup(buildPackNames(many));
    for (const i of [0, 1, 4999, 77777, 99999]) {
      const name = `Vendor ${i.toString(36)} Systems`;
      expect(big.at(`${name} grew.`, 0)?.entity.id).toBe(`v${i}`);
    }
    expect(big.at('Vendor zzzz Systems', 0)).toBeNull();
  });
});
