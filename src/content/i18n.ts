import type { MessageEntry, MessageKey } from '../lib/i18n-core';
import { translator } from '../lib/i18n-core';

/** The messages the card and the keyboard announcement use (public/_locales/en/messages.json). */
type CardKey = Extract<
  MessageKey,
  | 'cardAliasNote'
  | 'cardAnnouncement'
  | 'cardAsOf'
  | 'cardBeforeArticle'
  | 'cardChip'
  | 'cardClose'
  | 'cardCompany'
  | 'cardDialog'
  | 'cardFamily'
  | 'cardGeneration'
  | 'cardLaw'
  | 'cardMoreAbout'
  | 'cardNoDetails'
  | 'cardNothingSince'
  | 'cardPerson'
  | 'cardProduct'
  | 'cardRegulator'
  | 'cardSinceArticle'
  | 'connectionsOnPage'
>;

/**
 * The card's and the keyboard announcement's strings, from the browser (`i18n.getMessage`, which
 * always answers in an extension). The script ships no English copy of them: every page loads
 * it, and the unit tests give the fake browser the messages file instead.
 */
export const t = translator<CardKey>({} as Record<CardKey, MessageEntry>);
