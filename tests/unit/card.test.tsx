import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import {
  aroundDate,
  Card,
  type CardProps,
  formatAsOf,
  keyFacts,
  relationLines,
  safeHref,
} from '../../src/content/card';
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
      otherKey: 'anthropic',
      text: 'Amazon invested in Anthropic',
    },
    {
      subject: 'amazon',
      type: 'owns',
      object: 'aws',
      other: 'aws',
      otherKey: 'aws',
      text: 'Amazon owns Amazon Web Services',
    },
    {
      subject: 'uk-cma',
      type: 'investigates',
      object: 'amazon',
      other: 'uk-cma',
      otherKey: 'uk-cma',
      text: 'UK Competition and Markets Authority investigated Amazon',
    },
  ],
};

const props: CardProps = {
  id: 'amazon',
  name: 'Amazon',
  category: 'company',
  details,
  onPage: new Set(['anthropic']),
  scheme: 'light',
  sheet: false,
  onClose: () => undefined,
};

describe('card content', () => {
  it('formats dates as month and year', () => {
    expect(formatAsOf('2024-11-22')).toBe('Nov 2024');
    expect(formatAsOf('1994-01-05')).toBe('Jan 1994');
    // Dated only as precisely as the source: no month that nobody said.
    expect(formatAsOf('2016')).toBe('2016');
    expect(formatAsOf('2016-05')).toBe('May 2016');
  });

  it('keeps the leading fact and the two newest, in the order they happened', () => {
    expect(keyFacts(details.facts).map((f) => f.asOf)).toEqual(['1994-07-05', '2023-09-25', '2024-11-22']);
    expect(keyFacts([])).toEqual([]);
  });

  it('relates only to entities on the page, one line per entity, ours first', () => {
    expect(relationLines(details, new Set(['anthropic', 'uk-cma']))).toEqual([
      'Amazon invested in Anthropic',
      'UK Competition and Markets Authority investigated Amazon',
    ]);
    expect(relationLines(details, new Set())).toEqual([]);
  });

  it('renders a non-modal dialog: name, category, close button, summary, dated facts with sources opening safely', () => {
    const root = document.createElement('div');
    let closed = 0;
    render(<Card {...props} onClose={() => closed++} />, root);
    const card = root.querySelector('[role="dialog"]');
    expect(card?.getAttribute('aria-modal')).toBe('false');
    expect(card?.getAttribute('aria-label')).toBe('Backstory: Amazon');
    expect(card?.querySelector('.name')?.textContent).toBe('Amazon');
    expect(card?.querySelector('.badge')?.textContent).toBe('Company');
    expect(card?.querySelector('.summary')?.textContent).toBe('Online retailer and cloud provider.');
    expect([...(card?.querySelectorAll('.facts li') ?? [])].map((li) => li.textContent)).toEqual([
      'Jul 1994 Founded in 1994. (en.wikipedia.org)',
      'Sep 2023 Committed up to $4 billion to Anthropic. (axios.com)',
      'Nov 2024 Another $4 billion, $8 billion in all. (ndtvprofit.com)',
    ]);
    for (const a of card?.querySelectorAll('a') ?? []) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(card?.querySelector('.relations')?.textContent).toBe('Amazon invested in Anthropic');
    expect(card?.querySelector('.foot')?.textContent).toBe('As of Nov 2024More about Amazon');
    const close = card?.querySelector('button.close') as HTMLButtonElement;
    close.click();
    expect(closed).toBe(1);
    expect(close.getAttribute('aria-label')).toBe('Close');
  });

  it('renders only https links: a stored javascript: or http: URL is shown as text, never as a link', () => {
    const root = document.createElement('div');
    const bad = {
      ...details,
      url: 'javascript:alert(1)',
      facts: [
        fact('Founded.', '1994-07-05', 'javascript:alert(2)'),
        fact('Grew.', '2020-01-01', 'http://example.org/x'),
      ],
    };
    render(<Card {...props} details={bad} />, root);
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([]);
    expect(root.textContent).toContain('Founded.');
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
  });

  it('says why a name on the page leads to this card', () => {
    const root = document.createElement('div');
    const withNote = { ...details, notes: { 'Amazon.com': 'the company’s former legal name' } };
    render(<Card {...props} details={withNote} alias="Amazon.com" />, root);
    expect(root.querySelector('.note')?.textContent).toBe('“Amazon.com”: the company’s former legal name');
    render(<Card {...props} details={withNote} alias="Amazon" />, root);
    expect(root.querySelector('.note')).toBeNull();
  });

  it("with the article's date, shows what came before it, then what has happened since, oldest first", () => {
    const root = document.createElement('div');
    render(<Card {...props} articleDate="2023-10-01" />, root);
    const parts = [...root.querySelectorAll('section')].map((s) => ({
      heading: s.querySelector('h3')?.textContent,
      facts: [...s.querySelectorAll('.facts li')].map((li) => li.querySelector('.date')?.textContent),
    }));
    expect(parts).toEqual([
      { heading: 'Before this article', facts: ['Jul 1994', 'Jan 2010', 'Sep 2023'] },
      { heading: 'Since this article (1 Oct 2023)', facts: ['Nov 2024'] },
    ]);
    render(<Card {...props} articleDate="2025-01-01" />, root);
    expect(root.querySelector('.since')?.textContent).toBe(
      "Since this article (1 Jan 2025)Nothing in Backstory's knowledge since then.",
    );
  });

  it('finds facts of other entities that involve this one for the part since the article', () => {
    const withInvolved = {
      ...details,
      involvedIn: [
        {
          ...fact('Anthropic made AWS its primary training partner.', '2024-11-22', 'https://a.example/x'),
          entityId: 'anthropic',
        },
      ],
    };
    expect(aroundDate(withInvolved, '2024-01-01').since.map((f) => f.text)).toEqual([
      'Another $4 billion, $8 billion in all.',
      'Anthropic made AWS its primary training partner.',
    ]);
  });

  it('keeps the entity’s own news since the article before others’ that involve it, and says whose those are', () => {
    const own = ['2025-01-01', '2025-06-01', '2026-01-01', '2026-06-01'].map((d) =>
      fact(`Own news of ${d}.`, d, 'https://a.example/o'),
    );
    const others = ['2026-06-02', '2026-06-03'].map((d) => ({
      ...fact(`It did something on ${d}.`, d, 'https://a.example/x'),
      entityId: 'talen',
      entityName: 'Talen Energy',
    }));
    const busy = { ...details, facts: [...details.facts, ...own], involvedIn: others };
    expect(aroundDate(busy, '2024-12-31').since.map((f) => f.asOf)).toEqual([
      '2025-01-01',
      '2025-06-01',
      '2026-01-01',
      '2026-06-01',
    ]);
    const root = document.createElement('div');
    render(<Card {...props} details={{ ...details, involvedIn: others }} articleDate="2024-12-31" />, root);
    expect(root.querySelector('.since')?.textContent).toContain('Talen Energy: It did something on 2026-06-03.');
  });

  it('says so when there are no details for an entry', () => {
    const root = document.createElement('div');
    render(<Card {...props} details={null} />, root);
    expect(root.textContent).toContain('No details for this entry.');
    expect(root.textContent).not.toContain('Loading');
  });
});
