import { CATEGORY_MESSAGES, type Category } from '../knowledge/categories';
import { t } from './i18n';

/** A category's plural name: popup section heading, summary heading, options checkbox. */
export const heading = (category: Category): string => t(CATEGORY_MESSAGES[category].many);

/** A category's singular name: the badge on a card or a timeline row. */
export const label = (category: Category): string => t(CATEGORY_MESSAGES[category].one);
