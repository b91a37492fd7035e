import { describe, expect, it } from 'vitest';
import { evaluateMatcher, loadCorpus, precision, recall } from '../../scripts/corpus';
import { loadKnowledge } from '../../scripts/knowledge-load';
import { toNameIndex } from '../../src/knowledge/name-index';
import { compileMatcher } from '../../src/match';

const { entities } = loadKnowledge();
const categories = new Map(entities.map((e) => [e.id, e.category]));

describe('recognition on the hand-labelled corpus (npm run eval prints the details)', () => {
  const { tallies, nonAi } = evaluateMatcher(compileMatcher(toNameIndex(entities)), (id) => categories.get(id));

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
