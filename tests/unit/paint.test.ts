import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPainter, PAINT_SLICE, type Placed } from '../../src/content/paint';
import type { Category } from '../../src/knowledge/categories';
import { FakeHighlight, installFakes, registry } from './fakes';

beforeEach(() => {
  installFakes();
  document.body.innerHTML = '<p>Anthropic trains on Trainium; the CMA watched.</p>';
});

/** A placed mention of `text` in the page's one paragraph. */
function placed(text: string, category: Category, entityId = text.toLowerCase()): Placed {
  const node = document.querySelector('p')?.firstChild as Text;
  const at = node.data.indexOf(text);
  return {
    entityId,
    category,
    element: node.parentElement as Element,
    range: new StaticRange({ startContainer: node, startOffset: at, endContainer: node, endOffset: at + text.length }),
  };
}

describe('the painter', () => {
  it('registers one highlight per category, named backstory-<category>, with exactly the ranges added', () => {
    const painter = createPainter();
    const a = placed('Anthropic', 'company');
    const t = placed('Trainium', 'chip');
    const c = placed('CMA', 'regulator');
    painter.add([a, t, c]);
    expect(registry()).toEqual({
      'backstory-company': ['Anthropic'],
      'backstory-chip': ['Trainium'],
      'backstory-regulator': ['CMA'],
    });
    painter.remove([t]);
    expect(registry()['backstory-chip']).toEqual([]);
    // Removing what is not painted changes nothing.
    painter.remove([t]);
    expect(registry()['backstory-company']).toEqual(['Anthropic']);
  });

  it('marks one active mention above the others, and unmarks it', () => {
    const painter = createPainter();
    const a = placed('Anthropic', 'company');
    painter.add([a]);
    painter.setActive(a.range);
    painter.setActive(placed('CMA', 'regulator').range);
    expect(registry()['backstory-active']).toEqual(['CMA']);
    const highlights = (CSS as unknown as { highlights: Map<string, FakeHighlight> }).highlights;
    expect(highlights.get('backstory-active')?.priority).toBeGreaterThan(
      highlights.get('backstory-company')?.priority ?? 9,
    );
    painter.setActive(null);
    expect(registry()['backstory-active']).toEqual([]);
  });

  it('resets the mentions but keeps the active mark; clears all of its own and nothing of the page', () => {
    const highlights = (CSS as unknown as { highlights: Map<string, FakeHighlight> }).highlights;
    const pages = new FakeHighlight();
    highlights.set('search-results', pages);
    const painter = createPainter();
    const a = placed('Anthropic', 'company');
    painter.add([a, placed('Trainium', 'chip')]);
    painter.setActive(a.range);
    painter.reset();
    expect(registry()).toEqual({
      'search-results': [],
      'backstory-company': [],
      'backstory-chip': [],
      'backstory-active': ['Anthropic'],
    });
    painter.clear();
    expect([...highlights.keys()]).toEqual(['search-results']);
    expect(highlights.get('search-results')).toBe(pages);
  });

  it('does nothing where the browser has no highlight API', () => {
    delete (CSS as unknown as { highlights?: unknown }).highlights;
    const painter = createPainter();
    expect(() => {
      painter.add([placed('Anthropic', 'company')]);
      painter.setActive(null);
      painter.clear();
    }).not.toThrow();
  });

  it('paints a long list a slice at a time, in order, and never paints what was removed or reset meanwhile', async () => {
    const count = PAINT_SLICE * 3 + 10;
    document.body.innerHTML = `<p>${'Nvidia '.repeat(count)}</p>`;
    const node = document.querySelector('p')?.firstChild as Text;
    const list: Placed[] = Array.from({ length: count }, (_, i) => ({
      entityId: 'nvidia',
      category: 'company',
      element: node.parentElement as Element,
      range: new StaticRange({ startContainer: node, startOffset: i * 7, endContainer: node, endOffset: i * 7 + 6 }),
    }));
    const painter = createPainter();
    const company = () =>
      (CSS as unknown as { highlights: Map<string, FakeHighlight> }).highlights.get('backstory-company');
    painter.add(list);
    // The first slice in this task; the rest later.
    expect(company()?.size).toBe(PAINT_SLICE);
    const gone = list[count - 1] as Placed;
    painter.remove([gone]);
    await vi.waitFor(() => expect(company()?.size).toBe(count - 1));
    expect(company()?.has(gone.range)).toBe(false);

    painter.reset();
    painter.add(list);
    painter.reset();
    await new Promise((done) => setTimeout(done, 20));
    expect(company()?.size).toBe(0);
  });
});
