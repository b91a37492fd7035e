import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../src/knowledge/schema';
import type { PageState } from '../../src/lib/messages';
import { DEFAULTS } from '../../src/lib/settings';
import type { Connector, Unreachable } from '../../src/popup/connector';
import { Popup } from '../../src/popup/popup';

// The popup reaches the browser only through its connector; this keeps the polyfill from loading.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const page: PageState = {
  hostname: 'news.example.com',
  url: 'https://news.example.com/a',
  enabled: true,
  running: true,
  relevant: true,
  forced: false,
  scans: 1,
  busy: false,
  entities: [
    { id: 'amazon', name: 'Amazon', category: 'company', count: 1 },
    { id: 'uk-cma', name: 'UK Competition and Markets Authority', category: 'regulator', count: 2 },
    { id: 'anthropic', name: 'Anthropic', category: 'company', count: 3 },
    { id: 'trainium', name: 'AWS Trainium', category: 'chip', count: 1 },
  ],
  total: 7,
};

/** A small fixed knowledge, so these tests do not move when the bundled knowledge grows. */
const fact = (text: string, asOf: string, involves: string[] = []) => ({
  text,
  asOf,
  source: `https://example.org/${asOf}`,
  involves,
});
const entity = (id: string, name: string, category: Entity['category'], over: Partial<Entity> = {}): Entity => ({
  id,
  name,
  category,
  aliases: [name],
  ambiguousAliases: [],
  notes: {},
  summary: `Summary of ${name}.`,
  facts: [fact(`${name} was founded.`, '2015-01-01'), fact(`${name} grew.`, '2025-06-01')],
  related: [],
  ...over,
});
const KNOWLEDGE: Entity[] = [
  entity('amazon', 'Amazon', 'company', {
    facts: [
      fact('Amazon was founded.', '1994-07-05'),
      fact('Amazon committed up to $4 billion to Anthropic.', '2023-09-25', ['anthropic']),
      fact('Amazon invested another $4 billion in Anthropic.', '2024-11-22', ['anthropic']),
    ],
    related: [
      { id: 'anthropic', type: 'invested-in' },
      { id: 'trainium', type: 'makes' },
    ],
  }),
  entity('anthropic', 'Anthropic', 'company', { related: [{ id: 'trainium', type: 'uses', note: 'training' }] }),
  entity('trainium', 'AWS Trainium', 'chip'),
  entity('uk-cma', 'UK Competition and Markets Authority', 'regulator', {
    related: [
      { id: 'amazon', type: 'investigates' },
      { id: 'anthropic', type: 'investigates' },
    ],
  }),
];

/** A connector over fixed answers that records what the popup asked for. */
function fake(options: { state?: PageState | Unreachable; siteOn?: boolean; paused?: boolean; packs?: Entity[] } = {}) {
  const calls = { shown: [] as string[], copied: [] as string[], paused: [] as boolean[], sites: [] as boolean[] };
  let paused = options.paused ?? false;
  const connector: Connector = {
    getState: async () => options.state ?? page,
    isSiteEnabled: async () => options.siteOn ?? true,
    setSiteEnabled: async (_host, on) => void calls.sites.push(on),
    getSettings: async () => ({ ...DEFAULTS, paused }),
    setPaused: async (on) => {
      paused = on;
      calls.paused.push(on);
    },
    knowledge: async () => [...KNOWLEDGE, ...(options.packs ?? [])],
    knowledgeAsOf: '2026-12-04',
    openPanel: null,
    showEntity: async (id) => void calls.shown.push(id),
    highlightAnyway: async () => ({ ...page, forced: true }),
    copy: async (text) => void calls.copied.push(text),
    openOptions: async () => undefined,
  };
  return { connector, calls };
}

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

/** Renders the popup and waits until it has read the page. */
async function open(connector: Connector) {
  root = document.createElement('div');
  document.body.append(root);
  render(<Popup connector={connector} />, root);
  const el = root;
  await vi.waitFor(() => expect(el.textContent).not.toContain('Reading this page'));
  return el;
}

const text = (el: Element, selector: string) => el.querySelector(selector)?.textContent ?? null;
const click = (el: Element | null | undefined) => (el as HTMLElement).click();
const buttonNamed = (el: Element, name: string) =>
  [...el.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;

describe('the popup', () => {
  it('puts the site switch first, a real switch; lists the entities by category, most mentioned first', async () => {
    const el = await open(fake().connector);
    const first = el.querySelector('button, input, select, a') as HTMLElement;
    expect([first.getAttribute('role'), first.getAttribute('aria-checked'), first.textContent]).toEqual([
      'switch',
      'true',
      'Backstory on news.example.com',
    ]);
    const groups = [...el.querySelectorAll('section.group')].map((s) => [
      s.getAttribute('aria-label'),
      [...s.querySelectorAll('.row')].map(
        (r) => `${text(r, '.entity')} ${r.querySelector('.count')?.firstChild?.textContent}`,
      ),
    ]);
    expect(groups).toEqual([
      ['Companies', ['Anthropic 3', 'Amazon 1']],
      ['Chips', ['AWS Trainium 1']],
      ['Regulators', ['UK Competition and Markets Authority 2']],
      ['Connections on this page', []],
    ]);
    expect(text(el, '.summary')).toBe('4 entities, 7 mentions');
    expect([...el.querySelectorAll('.links li')].map((l) => l.textContent)).toEqual([
      'Amazon invested in Anthropic',
      'Amazon makes AWS Trainium',
      'UK Competition and Markets Authority investigated Amazon',
      'UK Competition and Markets Authority investigated Anthropic',
      'Anthropic uses AWS Trainium (training)',
    ]);
    expect(text(el, '.asof')).toBe('Knowledge as of 4 Dec 2026');
  });

  it('lists a name as the page wrote it, with the entity it leads to', async () => {
    const state = {
      ...page,
      entities: [{ id: 'amazon', name: 'Amazon', category: 'company' as const, count: 2, written: 'AWS' }],
      total: 2,
    };
    const el = await open(fake({ state }).connector);
    expect(text(el, '.row .entity')).toBe('AWS → Amazon');
  });

  it('makes the list one Tab stop: arrows move between names, Right and Left open and close a summary', async () => {
    const { connector, calls } = fake();
    const el = await open(connector);
    const rows = () => [...el.querySelectorAll<HTMLButtonElement>('.row')];
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1]);
    expect([...el.querySelectorAll<HTMLButtonElement>('.more')].every((b) => b.tabIndex === -1)).toBe(true);
    const key = (k: string) =>
      (document.activeElement ?? rows()[0])?.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    rows()[0]?.focus();
    key('ArrowDown');
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-entity')).toBe('amazon'));
    expect(rows().map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1]);
    key('ArrowRight');
    await vi.waitFor(() => expect((el.querySelector('#about-amazon') as HTMLElement).hidden).toBe(false));
    expect(text(el, '#about-amazon')).toBe('Summary of Amazon.');
    key('ArrowLeft');
    await vi.waitFor(() => expect((el.querySelector('#about-amazon') as HTMLElement).hidden).toBe(true));
    key('End');
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-entity')).toBe('uk-cma'));
    click(document.activeElement);
    expect(calls.shown).toEqual(['uk-cma']);
  });

  it('shows the backstory: a timeline in date order, shared facts first, the article marked between before and since', async () => {
    const el = await open(fake({ state: { ...page, articleDate: '2024-03-27' } }).connector);
    click(el.querySelector('[role="tab"]#tab-story'));
    await vi.waitFor(() => expect(el.querySelector('.timeline')).not.toBeNull());
    expect(text(el, '.article-date')).toBe('This article — 27 Mar 2024');
    const parts = [...el.querySelectorAll('.story section')].map((s) => [
      s.getAttribute('aria-label'),
      [...s.querySelectorAll('.timeline li')].map((li) => li.querySelector('.date')?.textContent ?? li.textContent),
    ]);
    expect(parts[0]).toEqual(['Between names on this page', ['Sep 2023', 'This article — 27 Mar 2024', 'Nov 2024']]);
    expect(parts[1]?.[0]).toBe('Each name’s story');
    const own = parts[1]?.[1] as string[];
    expect(own.indexOf('This article — 27 Mar 2024')).toBeGreaterThan(0);
    expect(own.slice(0, 1)).toEqual(['Jul 1994']);
    expect(parts[2]?.[0]).toBe('Who is tied to whom');
    expect(el.querySelector('.graph svg')?.getAttribute('aria-label')).toBe(
      'Graph of 5 ties between names on this page; the same ties are listed below it.',
    );
    // Filtered to one name, only its facts.
    const select = el.querySelector('.filter select') as HTMLSelectElement;
    select.value = 'uk-cma';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(el.querySelectorAll('.timeline li:not(.article-row)')).toHaveLength(2));
    expect(el.querySelector('.graph')).toBeNull();
  });

  it('copies a Markdown summary of the page, with its timeline, and says so', async () => {
    const { connector, calls } = fake();
    const el = await open(connector);
    click(buttonNamed(el, 'Copy summary'));
    await vi.waitFor(() => expect(buttonNamed(el, 'Copied')).not.toBeNull());
    expect(el.textContent).toContain('Summary copied to the clipboard.');
    const copied = calls.copied[0] as string;
    expect(copied.split('\n').slice(0, 8)).toEqual([
      '# Backstory: news.example.com',
      '',
      '## Companies',
      '',
      '- **Anthropic** (3 mentions): Summary of Anthropic.',
      '- **Amazon** (1 mention): Summary of Amazon.',
      '',
      '## Chips',
    ]);
    expect(copied).toContain('## Connections\n\n- Amazon invested in Anthropic\n');
    expect(copied).toContain(
      '## Timeline\n\n- Jul 1994: Amazon was founded. ([example.org](https://example.org/1994-07-05))\n',
    );
  });

  it('says so when the clipboard is refused', async () => {
    const { connector } = fake();
    connector.copy = () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'));
    const el = await open(connector);
    click(buttonNamed(el, 'Copy summary'));
    await vi.waitFor(() => expect(el.textContent).toContain('The browser did not allow copying to the clipboard.'));
  });

  it('uses the summaries and relations of knowledge packs', async () => {
    const acme: Entity = {
      id: 'acme-labs',
      name: 'Acme Labs',
      category: 'company',
      aliases: ['Acme Labs'],
      ambiguousAliases: [],
      notes: {},
      summary: 'A lab from a pack.',
      url: 'https://example.org/',
      facts: [],
      related: [{ id: 'anthropic', type: 'competes-with' }],
    };
    const state = {
      ...page,
      entities: [...page.entities, { id: 'acme-labs', name: 'Acme Labs', category: 'company' as const, count: 1 }],
    };
    const el = await open(fake({ state, packs: [acme] }).connector);
    await vi.waitFor(() => expect(text(el, '#about-acme-labs')).toBe('A lab from a pack.'));
    expect(text(el, '.links')).toContain('Acme Labs competes with Anthropic');
  });

  it('words every state that shows no names', async () => {
    const cases: [Parameters<typeof fake>[0], string][] = [
      [
        { state: 'restricted' },
        'Backstory can’t run on this page. It works on web pages; browser pages and extension stores are off limits to extensions.',
      ],
      [
        { state: 'not-running' },
        'Backstory isn’t running on this page yet. Reload the page to start it (pages opened before Backstory was installed or updated need a reload).',
      ],
      [
        { siteOn: false, state: { ...page, enabled: false } },
        'Backstory is off for news.example.com. Nothing is highlighted here.',
      ],
      [
        { paused: true, state: { ...page, enabled: false } },
        'Backstory is paused everywhere: nothing is highlighted on any site. Switch off “Pause everywhere” below to resume.',
      ],
      [
        { state: { ...page, relevant: false, entities: [], total: 0 } },
        'This page does not look like AI news, so nothing is highlighted.Highlight anyway',
      ],
      [{ state: { ...page, entities: [], total: 0 } }, 'No known companies, chips or regulators on this page.'],
    ];
    for (const [options, status] of cases) {
      const el = await open(fake(options).connector);
      expect(text(el, '.status'), status).toBe(status);
      expect(el.querySelector('.row')).toBeNull();
      render(null, el);
      el.remove();
    }
  });

  it('highlights a page that is not AI news on request', async () => {
    const el = await open(fake({ state: { ...page, relevant: false } }).connector);
    click(buttonNamed(el, 'Highlight anyway'));
    await vi.waitFor(() => expect(el.querySelectorAll('.row')).toHaveLength(4));
  });

  it('pauses everywhere and resumes from its switch', async () => {
    const { connector, calls } = fake();
    const el = await open(connector);
    const pause = el.querySelector('.pause') as HTMLButtonElement;
    expect([text(el, '.pause'), pause.getAttribute('role'), pause.getAttribute('aria-checked')]).toEqual([
      'Pause everywhere',
      'switch',
      'false',
    ]);
    click(pause);
    await vi.waitFor(() => expect(text(el, '.status')).toContain('paused everywhere'));
    click(pause);
    await vi.waitFor(() => expect(el.querySelectorAll('.row')).toHaveLength(4));
    expect(calls.paused).toEqual([true, false]);
  });
});
