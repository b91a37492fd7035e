import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Card, formatAsOf, keyFacts, relationLines } from '../../src/content/card';
import type { EntityDetails } from '../../src/lib/messages';

const fact = (text: string, asOf: string, source: string) => ({ text, asOf, source, involves: [], entityId: 'amazon' });

const details: EntityDetails = {
  id: 'amazon',
  name: 'Amazon',
  category: 'company',
  summary: 'Online retailer and cloud provider.',
  url: 'https://www.aboutamazon.com/',
  notes: {},
  facts: [
    fact('Founded in 1994.', '1994-07-05', 'https://en.wikipedia.org/wiki/Amazon_(company)'),
    fact('Committed up to $4 billion to Anthropic.', '2023-09-25', 'https://www.axios.com/a'),
    fact('Another $4 billion, $8 billion in all.', '2024-11-22', 'https://www.ndtvprofit.com/b'),
    fact('An older fact.', '2010-01-01', 'https://example.org/c'),
  ],
  involvedIn: [],
  ties: [
    {
      subject: 'amazon',
      type: 'invested-in',
      object: 'anthropic',
      other: 'anthropic',
      text: 'Amazon invested in Anthropic',
    },
    { subject: 'amazon', type: 'owns', object: 'aws', other: 'aws', text: 'Amazon owns Amazon Web Services' },
    {
      subject: 'uk-cma',
      type: 'investigates',
      object: 'amazon',
      other: 'uk-cma',
      text: 'UK Competition and Markets Authority investigated Amazon',
    },
  ],
};

describe('card content', () => {
  it('formats dates as month and year', () => {
    expect(formatAsOf('2024-11-22')).toBe('Nov 2024');
    expect(formatAsOf('1994-01-05')).toBe('Jan 1994');
  });

  it('keeps the leading fact and the two newest', () => {
    expect(keyFacts(details.facts).map((f) => f.asOf)).toEqual(['1994-07-05', '2024-11-22', '2023-09-25']);
    expect(keyFacts([])).toEqual([]);
  });

  it('relates only to entities on the page, one line per entity, ours first', () => {
    expect(relationLines(details, new Set(['anthropic', 'uk-cma']))).toEqual([
      'Amazon invested in Anthropic',
      'UK Competition and Markets Authority investigated Amazon',
    ]);
    expect(relationLines(details, new Set())).toEqual([]);
  });

  it('renders name, category, summary, dated facts with source links opening safely in a new tab', () => {
    const root = document.createElement('div');
    render(
      <Card id="amazon" name="Amazon" category="company" details={details} onPage={new Set(['anthropic'])} />,
      root,
    );
    const card = root.querySelector('[role="tooltip"]');
    expect(card?.querySelector('.name')?.textContent).toBe('Amazon');
    expect(card?.querySelector('.badge')?.textContent).toBe('Company');
    expect(card?.querySelector('.summary')?.textContent).toBe('Online retailer and cloud provider.');
    expect([...(card?.querySelectorAll('.facts li') ?? [])].map((li) => li.textContent)).toEqual([
      'Founded in 1994. (Jul 1994, en.wikipedia.org)',
      'Another $4 billion, $8 billion in all. (Nov 2024, ndtvprofit.com)',
      'Committed up to $4 billion to Anthropic. (Sep 2023, axios.com)',
    ]);
    for (const a of card?.querySelectorAll('a') ?? []) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(card?.querySelector('.relations')?.textContent).toBe('Amazon invested in Anthropic');
    expect(card?.querySelector('.foot')?.textContent).toBe('As of Nov 2024More about Amazon');
  });

  it('says when details are loading or missing', () => {
    const root = document.createElement('div');
    render(<Card id="x" name="X" category="chip" details={undefined} onPage={new Set()} />, root);
    expect(root.textContent).toContain('Loading…');
    render(<Card id="x" name="X" category="chip" details={null} onPage={new Set()} />, root);
    expect(root.textContent).toContain('No details for this entry.');
  });
});
