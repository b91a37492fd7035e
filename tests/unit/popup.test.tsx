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
    packEntities: async () => options.packs ?? [],
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
  it('lists the entities by category, most mentioned first, with the site switch and totals', async () => {
    const el = await open(fake().connector);
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
    expect(text(el, '.switch')).toBe('On for news.example.com');
    expect(text(el, '.summary')).toBe('4 entities, 7 mentions');
    expect([...el.querySelectorAll('.links li')].map((l) => l.textContent)).toEqual([
      'Amazon invested in Anthropic',
      'Amazon makes AWS Trainium',
      'UK Competition and Markets Authority investigated Amazon',
      'UK Competition and Markets Authority investigated Anthropic',
      'Anthropic uses AWS Trainium (training)',
    ]);
  });

  it('expands a row to the entity’s summary, and shows the entity on the page from its name', async () => {
    const { connector, calls } = fake();
    const el = await open(connector);
    const more = el.querySelector('.row[data-entity="uk-cma"]')?.previousElementSibling as HTMLButtonElement;
    const about = el.querySelector(`#${more.getAttribute('aria-controls')}`) as HTMLElement;
    expect([more.getAttribute('aria-expanded'), more.getAttribute('aria-label'), about.hidden]).toEqual([
      'false',
      'Summary of UK Competition and Markets Authority',
      true,
    ]);
    click(more);
    await vi.waitFor(() => expect(more.getAttribute('aria-expanded')).toBe('true'));
    expect(about.hidden).toBe(false);
    expect(about.textContent).toBe(
      "Britain's competition and consumer regulator; it has reviewed Big Tech's AI partnerships under UK merger rules.",
    );
    click(el.querySelector('.row[data-entity="uk-cma"]'));
    expect(calls.shown).toEqual(['uk-cma']);
  });

  it('copies a Markdown summary of the page and says so', async () => {
    const { connector, calls } = fake();
    const el = await open(connector);
    click(buttonNamed(el, 'Copy summary'));
    await vi.waitFor(() => expect(buttonNamed(el, 'Copied')).not.toBeNull());
    expect(el.textContent).toContain('Summary copied to the clipboard.');
    expect(calls.copied).toEqual([
      `# Backstory: news.example.com

## Companies

- **Anthropic** (3 mentions): AI safety company and public benefit corporation that builds the Claude family of large language models.
- **Amazon** (1 mention): US e-commerce and cloud giant; parent of AWS and a major investor in Anthropic.

## Chips

- **AWS Trainium** (1 mention): Amazon Web Services' family of custom machine-learning accelerators for training (and increasingly serving) AI models, designed by Annapurna Labs.

## Regulators

- **UK Competition and Markets Authority** (2 mentions): Britain's competition and consumer regulator; it has reviewed Big Tech's AI partnerships under UK merger rules.

## Connections

- Amazon invested in Anthropic
- Amazon makes AWS Trainium
- UK Competition and Markets Authority investigated Amazon
- UK Competition and Markets Authority investigated Anthropic
- Anthropic uses AWS Trainium (training)
`,
    ]);
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
    const pause = el.querySelector('.pause input') as HTMLInputElement;
    expect([text(el, '.pause'), pause.checked]).toEqual(['Pause everywhere', false]);
    click(pause);
    await vi.waitFor(() => expect(text(el, '.status')).toContain('paused everywhere'));
    click(pause);
    await vi.waitFor(() => expect(el.querySelectorAll('.row')).toHaveLength(4));
    expect(calls.paused).toEqual([true, false]);
  });
});
