import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULTS,
  exportSettings,
  getSettings,
  importSettings,
  isSiteEnabled,
  listSitesOff,
  migrations,
  onSettingsChange,
  onSiteSwitch,
  onSitesChange,
  type Settings,
  SettingsFileError,
  setSettings,
  setSiteEnabled,
} from '../../src/lib/settings';

vi.mock('webextension-polyfill', async () => ({ default: (await import('@webext-core/fake-browser')).fakeBrowser }));

beforeEach(() => fakeBrowser.reset());

const stored = async () => ({
  sync: await fakeBrowser.storage.sync.get(null),
  local: await fakeBrowser.storage.local.get(null),
});

describe('settings', () => {
  it('are the defaults on a fresh install, written once with the current version', async () => {
    expect(DEFAULTS).toEqual({
      version: 1,
      paused: false,
      categories: { company: true, chip: true, regulator: true, product: true, person: true, law: true },
      mentions: 'calm',
      scope: 'article',
      style: 'tint-underline',
      hoverDelay: 300,
    });
    expect(await getSettings()).toEqual(DEFAULTS);
    expect((await stored()).sync).toEqual({ settings: DEFAULTS });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await getSettings()).toEqual(DEFAULTS);
    expect(set).not.toHaveBeenCalled();
  });

  it('read junk as defaults, value by value, without throwing', async () => {
    const cases: [unknown, Partial<Settings>][] = [
      ['nonsense', {}],
      [null, {}],
      [[1, 2], {}],
      [{ version: 1, categories: null, hoverDelay: '300' }, {}],
      [
        {
          version: 1,
          paused: 'yes',
          categories: { chip: false, company: 3, extra: true },
          mentions: 'some',
          style: 'tint',
          hoverDelay: 99_999,
        },
        { categories: { ...DEFAULTS.categories, chip: false }, style: 'tint' },
      ],
      [{ version: 1, hoverDelay: 12.5 }, {}],
      [
        { version: 1, hoverDelay: 0, mentions: 'first', paused: true },
        { hoverDelay: 0, mentions: 'first', paused: true },
      ],
    ];
    for (const [raw, expected] of cases) {
      fakeBrowser.reset();
      await fakeBrowser.storage.sync.set({ settings: raw });
      expect(await getSettings(), JSON.stringify(raw)).toEqual({ ...DEFAULTS, ...expected });
    }
  });

  it('change one value at a time, categories one by one, and refuse values out of range', async () => {
    await setSettings({ categories: { chip: false } });
    await setSettings({ categories: { person: false }, style: 'underline' });
    const after = await setSettings({ hoverDelay: 0 });
    const expected = {
      ...DEFAULTS,
      categories: { ...DEFAULTS.categories, chip: false, person: false },
      style: 'underline',
      hoverDelay: 0,
    };
    expect(after).toEqual(expected);
    expect(await getSettings()).toEqual(expected);
    await expect(setSettings({ hoverDelay: 2001 })).rejects.toThrow(
      new RangeError('Setting field "hoverDelay" must be at most 2000'),
    );
    expect(await getSettings()).toEqual(expected);
  });

  it('tell listeners about changes from any context until their signal aborts', async () => {
    const life = new AbortController();
    const seen: [boolean, boolean][] = [];
    onSettingsChange(life.signal, (now, before) => seen.push([now.paused, before.paused]));
    await setSettings({ paused: true });
    await setSettings({ paused: false });
    life.abort();
    await setSettings({ paused: true });
    // The first write also stores the defaults with their version: no change to report.
    expect(seen).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});

describe('per-site switches', () => {
  it('are on unless switched off, listed sorted, and reported live per host', async () => {
    const life = new AbortController();
    const news: boolean[] = [];
    const lists: string[][] = [];
    onSiteSwitch('news.example.com', life.signal, (on) => news.push(on));
    onSitesChange(life.signal, (hosts) => lists.push(hosts));
    expect(await isSiteEnabled('news.example.com')).toBe(true);
    await setSiteEnabled('news.example.com', false);
    await setSiteEnabled('blog.example.org', false);
    await setSiteEnabled('news.example.com', true);
    expect(await isSiteEnabled('blog.example.org')).toBe(false);
    expect(await listSitesOff()).toEqual(['blog.example.org']);
    expect(news).toEqual([false, true]);
    expect(lists).toEqual([['news.example.com'], ['blog.example.org', 'news.example.com'], ['blog.example.org']]);
    life.abort();
  });
});

describe('migrations', () => {
  /** Version 0: no global settings yet, switched-off sites were a list in storage.local. */
  const v0 = {
    local: {
      offSites: ['news.example.com', 'blog.example.org', '', 42, 'news.example.com'],
      sites: { 'old.example.net': false, 'on.example.com': true },
      packs: [],
    },
  };

  it('bring version 0 storage to the current format with the site list intact', async () => {
    await fakeBrowser.storage.local.set(v0.local);
    expect(await getSettings()).toEqual(DEFAULTS);
    expect(await stored()).toEqual({
      sync: { settings: DEFAULTS },
      local: {
        sites: {
          'old.example.net': false,
          'on.example.com': true,
          'news.example.com': false,
          'blog.example.org': false,
        },
        packs: [],
      },
    });
    expect(await listSitesOff()).toEqual(['blog.example.org', 'news.example.com', 'old.example.net']);
    expect(await isSiteEnabled('news.example.com')).toBe(false);
  });

  it('stay in memory for a reader that does not persist (a page): storage is left as it was', async () => {
    await fakeBrowser.storage.local.set(v0.local);
    await fakeBrowser.storage.sync.set({ settings: { paused: true } });
    const before = await stored();
    expect(await getSettings({ persist: false })).toEqual({ ...DEFAULTS, paused: true });
    expect(await stored()).toEqual(before);
  });

  it('never overwrite settings another context saved while a first migration was writing', async () => {
    // The worker migrates a fresh install as it starts; the reader unchecks Chips in the options
    // page meanwhile, between the migration's site-list write and its settings write.
    const setLocal = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(async (items) => {
      await setLocal(items);
      await fakeBrowser.storage.sync.set({
        settings: { ...DEFAULTS, categories: { ...DEFAULTS.categories, chip: false } },
      });
    });
    await getSettings();
    expect((await getSettings()).categories.chip).toBe(false);
  });

  it('keep the site list when a migration was cut off half way (sites written, version not)', async () => {
    await fakeBrowser.storage.local.set({ sites: { 'news.example.com': false } });
    await fakeBrowser.storage.sync.set({ settings: { paused: true } });
    expect(await getSettings()).toEqual({ ...DEFAULTS, paused: true });
    expect(await listSitesOff()).toEqual(['news.example.com']);
  });

  it('are idempotent, one per version', () => {
    expect(migrations).toHaveLength(DEFAULTS.version);
    const once = { settings: {}, local: { ...v0.local } };
    for (const m of migrations) m(once);
    const twice = structuredClone(once);
    for (const m of migrations) m(twice);
    expect(twice).toEqual(once);
  });
});

describe('export and import', () => {
  it('round-trip the settings and the switched-off sites', async () => {
    await setSettings({ mentions: 'first', hoverDelay: 750, categories: { regulator: false } });
    await setSiteEnabled('news.example.com', false);
    await setSiteEnabled('on.example.com', false);
    await setSiteEnabled('on.example.com', true);
    const file = await exportSettings();
    const expected = {
      settings: {
        ...DEFAULTS,
        mentions: 'first',
        hoverDelay: 750,
        categories: { ...DEFAULTS.categories, regulator: false },
      },
      sites: { 'news.example.com': false },
    };
    expect(JSON.parse(file)).toEqual(expected);
    fakeBrowser.reset();
    await setSiteEnabled('other.example.com', false);
    expect(await importSettings(file)).toEqual(expected.settings);
    expect(await getSettings()).toEqual(expected.settings);
    expect(await listSitesOff()).toEqual(['news.example.com']);
  });

  it('fill settings missing from the file with defaults', async () => {
    expect(await importSettings('{"settings":{"version":1,"paused":true}}')).toEqual({ ...DEFAULTS, paused: true });
    expect(await listSitesOff()).toEqual([]);
  });

  it('refuse bad files with the reason, changing nothing', async () => {
    await setSettings({ style: 'tint' });
    await setSiteEnabled('news.example.com', false);
    const before = await stored();
    const cases: [string, string][] = [
      ['{"settings":', 'This is not a settings file: it is not valid JSON'],
      ['[]', 'This is not a Backstory settings file: must be a JSON object with "settings" and "sites".'],
      ['{"sites":{}}', 'This is not a Backstory settings file: field "settings" is missing.'],
      [
        '{"settings":{"version":1,"style":"neon"}}',
        'This is not a Backstory settings file: field "settings.style" must be one of: tint-underline, underline, tint.',
      ],
      [
        '{"settings":{"version":2}}',
        'This is not a Backstory settings file: field "settings.version" is newer than this version of Backstory reads (1).',
      ],
      [
        '{"settings":{"version":1,"hoverdelay":300}}',
        'This is not a Backstory settings file: field "settings.hoverdelay" is not a Backstory setting.',
      ],
      [
        '{"settings":{"version":1,"hoverDelay":-5}}',
        'This is not a Backstory settings file: field "settings.hoverDelay" must be at least 0.',
      ],
      [
        '{"settings":{"version":1,"categories":{"chip":"no"}}}',
        'This is not a Backstory settings file: field "settings.categories.chip" must be true or false.',
      ],
      [
        '{"settings":{"version":1},"sites":{"a b/c":false}}',
        'This is not a Backstory settings file: site "a b/c" is not a hostname.',
      ],
      [
        '{"settings":{"version":1},"sites":{"x.example.com":true}}',
        'This is not a Backstory settings file: field "sites.x.example.com" must be false (the site is switched off).',
      ],
    ];
    for (const [file, reason] of cases) {
      const error = await importSettings(file).then(
        () => null,
        (e: Error) => e,
      );
      expect(error, file).toBeInstanceOf(SettingsFileError);
      expect(error?.message.startsWith(reason), `${file}: ${error?.message}`).toBe(true);
      expect(await stored()).toEqual(before);
    }
  });
});
