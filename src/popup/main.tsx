import { render } from 'preact';
import { t } from '../lib/i18n';
import { browserConnector } from './connector';
import { Popup } from './popup';

document.title = t('popupTitle');
render(<Popup connector={browserConnector} />, document.getElementById('app') as HTMLElement);
