import messages from '../../public/_locales/en/messages.json';
import { translator } from './i18n-core';

export type { MessageKey } from './i18n-core';

/**
 * The popup's and the options page's strings: `t('popupSiteSwitch', hostname)`. English comes from
 * the whole messages file. The content script has its own `t` (src/content/i18n.ts), whose
 * fallback holds only the card's few strings.
 */
export const t = translator(messages);

/** "1 entity", "4 entities". */
export const entities = (n: number): string => (n === 1 ? t('entitiesOne', n) : t('entitiesMany', n));

/** "1 mention", "7 mentions". */
export const mentions = (n: number): string => (n === 1 ? t('mentionsOne', n) : t('mentionsMany', n));
