import { describe, expect, it } from 'vitest';
import {
  evaluateMatcher,
  evaluateReal,
  loadCorpus,
  loadReal,
  precision,
  recall,
  type Tally,
  withUnknownFound,
} from '../../scripts/corpus';
import { loadKnowledge } from '../../scripts/knowledge-load';
import { toNameIndex } from '../../src/knowledge/name-index';
import { compileMatcher } from '../../src/match';

const { entities } = loadKnowledge();
const byId = new Map(entities.map((e) => [e.id, e]));
const matcher = compileMatcher(toNameIndex(entities));
const sum = (tallies: Map<string, Tally>): Tally =>
  [...tallies.values()].reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });

describe('recognition on the hand-labelled corpus (npm run eval prints the details)', () => {
  const { tallies, nonAi } = evaluateMatcher(matcher, (id) => byId.get(id)?.category);

  it('has the pages the evaluation needs', () => {
    const corpus = loadCorpus();
    expect(corpus.filter((p) => p.label.ai).length).toBeGreaterThanOrEqual(15);
    expect(corpus.filter((p) => !p.label.ai).length).toBeGreaterThanOrEqual(10);
  });

  it.each(['company', 'chip', 'regulator'])('finds %s names with precision ≥ 0.98 and recall ≥ 0.95', (category) => {
    const t = tallies.get(category);
    expect(t?.tp).toBeGreaterThan(50);
    expect(precision(t ?? { tp: 0, fp: 1, fn: 0 })).toBeGreaterThanOrEqual(0.98);
    expect(recall(t ?? { tp: 0, fp: 0, fn: 1 })).toBeGreaterThanOrEqual(0.95);
  });

  it('highlights nothing on pages that are not AI news', () => {
    expect(nonAi).toBe(0);
  });
});

// Real 2025–26 news excerpts, labelled blind by a reader who had not seen Backstory's output.
describe('recognition on real news of 2025–26, labelled blind (tests/fixtures/real)', () => {
  const { english, other, nonAi } = evaluateReal(matcher, (id) => byId.get(id));

  it('has English, other languages and pages that are not AI news', () => {
    const pages = loadReal().map((r) => r.page);
    expect(pages.filter((p) => p.ai && p.lang === 'en').length).toBeGreaterThanOrEqual(40);
    expect(new Set(pages.filter((p) => p.lang !== 'en').map((p) => p.lang)).size).toBeGreaterThanOrEqual(8);
    expect(pages.filter((p) => !p.ai).length).toBeGreaterThanOrEqual(10);
  });

  it.each(['company', 'chip', 'regulator'])('finds English %s names with precision ≥ 0.98 and recall ≥ 0.95', (c) => {
    const t = english.get(c) ?? { tp: 0, fp: 1, fn: 1 };
    expect(precision(t)).toBeGreaterThanOrEqual(0.98);
    expect(recall(t)).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the names of every category with precision ≥ 0.98 and recall ≥ 0.90, in English and in other languages', () => {
    for (const tallies of [english, other]) {
      const all = sum(tallies);
      expect(precision(all)).toBeGreaterThanOrEqual(0.98);
      expect(recall(all)).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('highlights nothing on real pages that are not AI news', () => {
    expect(nonAi).toBe(0);
  });
});

describe('scoring names the labeller marked unknown', () => {
  it('counts a highlight holding the name, then its entity’s other highlights on the page, and nothing else', () => {
    const cook = { text: 'Tim Cook', entity: 'tim-cook' };
    const later = { text: 'Cook', entity: 'tim-cook' };
    const apple = { text: 'Apple', entity: 'apple' };
    const mythos = { text: 'Mythos', entity: 'claude-mythos' };
    expect(withUnknownFound([apple], [apple, cook, later, mythos], ['Tim Cook', 'Mythos 5'])).toEqual([
      apple,
      cook,
      later,
    ]);
    // Without the full name on the page, a short form is not credited.
    expect(withUnknownFound([apple], [apple, later], ['Tim Cook'])).toEqual([apple]);
    // A name now among its entity's aliases, lit as the table writes it ("RTX Spark" of "RTX Spark
    // Superchip"), is credited; a name the knowledge does not give that entity ("Mythos 5") is not.
    const spark = { text: 'RTX Spark', entity: 'nvidia-rtx-spark' };
    const aliases = (id: string) => (id === 'nvidia-rtx-spark' ? ['RTX Spark', 'RTX Spark Superchip'] : ['Mythos']);
    expect(withUnknownFound([apple], [apple, spark, mythos], ['RTX Spark Superchip', 'Mythos 5'], aliases)).toEqual([
      apple,
      spark,
    ]);
  });
});
