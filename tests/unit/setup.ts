import { fakeBrowser } from '@webext-core/fake-browser';
import messages from '../../public/_locales/en/messages.json';

// src/lib/ext.ts reads the extension API from globalThis, as in Firefox: give it the fake one.
(globalThis as { browser?: unknown }).browser = fakeBrowser;

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

// The content script's strings come only from i18n.getMessage (it ships no English copy): the
// fake browser answers from the messages file, as a browser in English would (named placeholders
// hold $1…$9).
(fakeBrowser as unknown as { i18n: object }).i18n = {
  getMessage: (key: string, substitutions?: string | string[]) => {
    const entry = (messages as Record<string, Entry>)[key];
    if (!entry) return '';
    const subs = ([] as string[]).concat(substitutions ?? []);
    return entry.message.replace(/\$\$|\$([\w@]+)\$/g, (match, name: string | undefined) => {
      if (name === undefined) return '$';
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content === undefined ? match : content.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    });
  },
  getUILanguage: () => 'en',
};
