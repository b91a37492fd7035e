import { render } from 'preact';
import { t } from '../lib/i18n';
import { installCategoryCss } from '../lib/theme';
import { browserConnector } from './connector';
import { Popup } from './popup';

installCategoryCss();
document.title = t('popupTitle');
// The same page is the side panel (Chrome) and the sidebar (Firefox), opened with `?panel=1`.
const panel = new URLSearchParams(location.search).has('panel');
if (panel) document.documentElement.classList.add('panel');
render(<Popup connector={browserConnector} panel={panel} />, document.getElementById('app') as HTMLElement);
