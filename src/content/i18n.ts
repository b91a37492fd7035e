import {
  cardAliasNote,
  cardAnnouncement,
  cardAsOf,
  cardBeforeArticle,
  cardChip,
  cardClose,
  cardCompany,
  cardDialog,
  cardFamily,
  cardGeneration,
  cardLaw,
  cardMoreAbout,
  cardNoDetails,
  cardNothingSince,
  cardPerson,
  cardProduct,
  cardRegulator,
  cardSinceArticle,
  connectionsOnPage,
} from '../../public/_locales/en/messages.json';
import { translator } from '../lib/i18n-core';

/**
 * The card's and the keyboard announcement's strings. The English fallback holds only these
 * entries (the build drops the other named exports of the messages file), not the whole file,
 * which would cost the script on every page about 4 KB gzipped.
 */
export const t = translator({
  cardAliasNote,
  cardAnnouncement,
  cardAsOf,
  cardBeforeArticle,
  cardChip,
  cardClose,
  cardCompany,
  cardDialog,
  cardFamily,
  cardGeneration,
  cardLaw,
  cardMoreAbout,
  cardNoDetails,
  cardNothingSince,
  cardPerson,
  cardProduct,
  cardRegulator,
  cardSinceArticle,
  connectionsOnPage,
});
