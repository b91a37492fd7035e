import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import manifest from '../../manifest.json';
import messages from '../../public/_locales/en/messages.json';
import { t as contentT } from '../../src/content/i18n';
import { t } from '../../src/lib/i18n';
import { formatMessage } from '../../src/lib/i18n-core';

type Entry = {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
};
const entries = Object.entries(messages as Record<string, Entry>);

/** Every source file under src/, as text. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : [readFileSync(join(dir, d.name), 'utf8')],
  );

afterEach(() => vi.restoreAllMocks());

describe('the messages file', () => {
  it('describes every message, under a name browsers accept, unique regardless of case', () => {
    for (const [key, entry] of entries) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), key).toBeTruthy();
    }
    expect(new Set(entries.map(([key]) => key.toLowerCase())).size).toBe(entries.length);
  });

  it('declares each placeholder a message uses, uses each it declares, and numbers them $1, $2… in order', () => {
    for (const [key, entry] of entries) {
      const used = [...entry.message.matchAll(/\$([\w@]+)\$/g)].map((m) => m[1]?.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {});
      expect(
        declared.every((name) => name === name.toLowerCase()),
        key,
      ).toBe(true);
      expect(new Set(used), key).toEqual(new Set(declared));
      expect(
        Object.values(entry.placeholders ?? {}).map((p) => p.content),
        key,
      ).toEqual(declared.map((_, i) => `$${i + 1}`));
      // A lone `$` would be read as the start of a placeholder.
      expect(entry.message.replace(/\$\$|\$[\w@]+\$/g, ''), key).not.toContain('$');
    }
  });

  it('holds every __MSG_…__ of the manifest, and no message the code does not use', () => {
    const manifestKeys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    for (const key of manifestKeys) expect(Object.keys(messages)).toContain(key);
    const code = sources(join(__dirname, '../../src')).join('\n');
    const unused = entries
      .map(([key]) => key)
      .filter((key) => !manifestKeys.includes(key) && !code.includes(`'${key}'`) && !code.includes(`  ${key},`));
    expect(unused).toEqual([]);
  });
});

describe('t', () => {
  it('falls back to the English text, placeholders filled in, where the browser has no i18n API', () => {
    expect(t('popupSiteSwitch', '127.0.0.1')).toBe('Backstory on 127.0.0.1');
    expect(t('popupOverview', t('entitiesMany', 4), t('mentionsMany', 7))).toBe('4 entities, 7 mentions');
    expect(t('optionsHoverDelayHint', 0, 2000)).toBe(
      'From 0 (at once) to 2000 ms. The keyboard shortcuts always open the card at once.',
    );
    expect(contentT('cardAnnouncement', 'AWS Trainium', 'chip', 2, 4)).toBe('AWS Trainium, chip. Mention 2 of 4.');
    expect(contentT('cardAsOf', 'Nov 2024')).toBe('As of Nov 2024');
  });

  it('asks the browser first, with the substitutions as strings', () => {
    const getMessage = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation((key: string, subs?: unknown) => (key === 'popupSiteSwitch' ? `An für ${String(subs)}` : ''));
    expect(t('popupSiteSwitch', 'example.org')).toBe('An für example.org');
    expect(getMessage).toHaveBeenCalledWith('popupSiteSwitch', ['example.org']);
    // The content script ships no English copy: what the browser answers is what it shows.
    expect(contentT('cardMoreAbout', 'Amazon')).toBe('cardMoreAbout');
    expect(contentT('cardAnnouncement', 'Nvidia', 'company', 1, 3)).toBe('cardAnnouncement');
    expect(getMessage).toHaveBeenLastCalledWith('cardAnnouncement', ['Nvidia', 'company', '1', '3']);
    expect(t('popupCopy')).toBe('Copy summary');
    expect(getMessage).toHaveBeenLastCalledWith('popupCopy', undefined);
  });
});

describe('formatMessage', () => {
  it('fills placeholders case-insensitively, reads $$ as a dollar sign and inserts substitutions as they are', () => {
    const entry = {
      message: 'Pay $$$Amount$ to $who$',
      placeholders: { amount: { content: '$1' }, who: { content: '$2' } },
    };
    expect(formatMessage(entry, [5, '$1 & $$'])).toBe('Pay $5 to $1 & $$');
    expect(formatMessage({ message: 'No $x$ here' }, [])).toBe('No $x$ here');
  });
});
