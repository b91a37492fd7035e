import { render } from 'preact';
import { t } from '../lib/i18n';
import { installCategoryCss } from '../lib/theme';
import { browserConnector } from './connector';
import { Popup } from './popup';

installCategoryCss();
document.title = t('popupTitle');
render(<Popup connector={browserConnector} />, document.getElementById('app') as HTMLElement);
