import { beforeEach, describe, expect, it } from 'vitest';
import { createPageIndex } from '../../src/content/page-index';
import type { Placed } from '../../src/content/paint';
import { sliceTimer } from '../../src/content/slice';
import type { NameIndex } from '../../src/knowledge/name-index';
import { compileMatcher } from '../../src/match';
import { installFakes, rangeText } from './fakes';

const names: NameIndex = [
  { id: 'anthropic', name: 'Anthropic', category: 'company', aliases: ['Anthropic'], ambiguous: [] },
  { id: 'amazon', name: 'Amazon', category: 'company', aliases: ['Amazon Web Services'], ambiguous: ['Amazon'] },
  { id: 'trainium', name: 'AWS Trainium', category: 'chip', aliases: ['Trainium'], ambiguous: [] },
  { id: 'nvidia', name: 'Nvidia', category: 'company', aliases: ['Nvidia'], ambiguous: [] },
  { id: 'uk-cma', name: 'CMA', category: 'regulator', aliases: ['Competition and Markets Authority'], ambiguous: [] },
];
const matcher = compileMatcher(names);

beforeEach(() => {
  installFakes();
  document.body.innerHTML = '';
});

const signal = new AbortController().signal;
const shown = (list: readonly Placed[]) => list.map((p) => `${p.entityId}:${rangeText(p.range)}`);

async function indexOf(html: string) {
  document.body.innerHTML = html;
  const index = createPageIndex(matcher);
  const diff = await index.update('all', sliceTimer(), signal);
  return { index, diff };
}

const AI = `<h1>Anthropic picks <b>Trainium</b></h1>
<p id="a">Anthropic will train on Trainium chips in Amazon data centers, said Nvidia's rival.</p>
<p id="b">The Competition and Markets Authority looked at the deal.</p>`;

describe('the page index', () => {
  it('finds every name in one huge text node, scanned in pieces, with exact ranges', async () => {
    const filler = 'The weather was mild and nothing else happened that day. '.repeat(700);
    const text = `Anthropic trains on Trainium. ${filler}Nvidia sold chips. ${filler}The Competition and Markets Authority looked. ${filler}Anthropic again.`;
    expect(text.length).toBeGreaterThan(3 * 32_768);
    const { index } = await indexOf(`<p>${text}</p>`);
    expect(shown(index.placed())).toEqual([
      'anthropic:Anthropic',
      'trainium:Trainium',
      'nvidia:Nvidia',
      'uk-cma:Competition and Markets Authority',
      'anthropic:Anthropic',
    ]);
  });

  it('places every mention a reader expects, in page order, with exact ranges', async () => {
    const { index, diff } = await indexOf(AI);
    expect(shown(diff.added)).toEqual([
      'anthropic:Anthropic',
      'trainium:Trainium',
      'anthropic:Anthropic',
      'trainium:Trainium',
      'amazon:Amazon',
      'nvidia:Nvidia',
      'uk-cma:Competition and Markets Authority',
    ]);
    expect(diff.removed).toEqual([]);
    expect(shown(index.placed())).toEqual(shown(diff.added));
    expect(index.verdict()).toEqual({ relevant: true, entities: 4 });
    expect(index.counts()).toEqual([
      ['anthropic', 2],
      ['trainium', 2],
      ['amazon', 1],
      ['nvidia', 1],
      ['uk-cma', 1],
    ]);
  });

  it('finds the mention under a caret position, and none between mentions', async () => {
    const { index } = await indexOf(AI);
    const text = document.querySelector('#a')?.firstChild as Text;
    expect(index.at(text, 3)?.entityId).toBe('anthropic');
    expect(index.at(text, text.data.indexOf('Amazon') + 2)?.entityId).toBe('amazon');
    expect(index.at(text, text.data.indexOf('train'))).toBeUndefined();
    expect(index.placedIn(document.querySelector('#b') as Element).map((p) => p.entityId)).toEqual(['uk-cma']);
  });

  it('rescans only a changed block: one added, one edited, one removed', async () => {
    const { index } = await indexOf(AI);
    const p = document.createElement('p');
    p.textContent = 'Nvidia shipped more chips.';
    document.body.append(p);
    let diff = await index.update({ roots: [p], removals: false }, sliceTimer(), signal);
    expect(shown(diff.added)).toEqual(['nvidia:Nvidia']);
    expect(diff.removed).toEqual([]);

    const b = document.querySelector('#b') as Element;
    const before = shown(index.placedIn(b));
    (b.firstChild as Text).data = 'The Competition and Markets Authority asked Nvidia about the deal.';
    diff = await index.update({ roots: [b], removals: false }, sliceTimer(), signal);
    // The same entities stay sure, so only the edited block is placed again.
    expect(diff.removed.map((x) => x.entityId)).toEqual(['uk-cma']);
    expect(before).toEqual(['uk-cma:Competition and Markets Authority']);
    expect(shown(diff.added)).toEqual(['uk-cma:Competition and Markets Authority', 'nvidia:Nvidia']);

    p.remove();
    diff = await index.update({ roots: [], removals: true }, sliceTimer(), signal);
    expect(diff.removed.map((x) => x.entityId)).toEqual(['nvidia']);
    expect(index.counts().find(([id]) => id === 'nvidia')).toEqual(['nvidia', 2]);
  });

  it('places nothing on a page that is not AI news, until told to highlight anyway', async () => {
    const { index, diff } = await indexOf('<p>The Amazon river rose again this spring, said the guides.</p>');
    expect(diff.added).toEqual([]);
    expect(index.verdict()).toEqual({ relevant: false, entities: 0 });
    index.setForced();
    const forced = await index.decide(sliceTimer(), signal);
    expect(shown(forced.added)).toEqual(['amazon:Amazon']);
  });

  it('keeps only the categories the reader wants', async () => {
    const { index } = await indexOf(AI);
    index.setCategories({ company: true, chip: false, regulator: true, product: true, person: true, law: true });
    const diff = await index.decide(sliceTimer(), signal);
    expect(shown(diff.added).filter((s) => s.startsWith('trainium'))).toEqual([]);
    expect(diff.removed.filter((p) => p.entityId === 'trainium')).toHaveLength(2);
  });

  it('answers an empty page with nothing', async () => {
    const { index, diff } = await indexOf('');
    expect(diff).toEqual({ added: [], removed: [] });
    expect(index.placed()).toEqual([]);
    expect(index.counts()).toEqual([]);
  });

  it('indexes a flood of blocks (2,000 paragraphs) without losing one', async () => {
    const html = Array.from(
      { length: 2000 },
      (_, i) => `<p>Item ${i}: Anthropic and Nvidia signed a chip deal.</p>`,
    ).join('');
    const { index } = await indexOf(html);
    expect(index.counts()).toEqual([
      ['anthropic', 2000],
      ['nvidia', 2000],
    ]);
    expect(index.entries()).toHaveLength(2000);
  });
});
