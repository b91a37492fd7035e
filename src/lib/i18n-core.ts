import type messages from '../../public/_locales/en/messages.json';
import { ext } from './ext';

/** public/_locales/en/messages.json, as TypeScript reads it (a type only: no code is bundled). */
type Messages = typeof messages;

/** The name of a message in public/_locales/en/messages.json: a key missing from the file fails to compile. */
export type MessageKey = keyof Messages;

/** A value for a placeholder: hostnames, names, counts. */
export type Substitution = string | number;

/** None for a message without placeholders, at least one for a message with them. */
export type Substitutions<K extends MessageKey> = Messages[K] extends { placeholders: object }
  ? [Substitution, ...Substitution[]]
  : [];

/** One entry of a messages file, as far as its English text is concerned. */
export type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };

/**
 * A message's text with its placeholders filled in, as `i18n.getMessage` does it: `$NAME$` is
 * replaced by its placeholder's content (names are case-insensitive), in which `$1`…`$9` are
 * the substitutions; `$$` is a dollar sign.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly Substitution[]): string {
  const placeholders = entry.placeholders ?? {};
  return entry.message.replace(/\$\$|\$([\w@]+)\$/g, (match, name: string | undefined) => {
    if (name === undefined) return '$';
    const content = placeholders[name.toLowerCase()]?.content;
    if (content === undefined) return match;
    return content.replace(/\$([1-9])/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
  });
}

/**
 * `t(key, ...substitutions)`: the message in the browser's language through `i18n.getMessage`.
 * Where that answers '' (an unknown key, or no extension API, as in unit tests), the English
 * text from `english`, so each bundle carries the fallback of its own messages only.
 */
export function translator<K extends MessageKey>(english: { readonly [P in K]: MessageEntry }) {
  return <P extends K>(key: P, ...substitutions: Substitutions<P>): string => {
    const values = substitutions.map(String);
    try {
      const text = ext.i18n.getMessage(key, values.length > 0 ? values : undefined);
      if (text) return text;
    } catch {
      // No i18n API here (unit tests under happy-dom): English below.
    }
    const entry = english[key];
    return entry ? formatMessage(entry, values) : key;
  };
}
