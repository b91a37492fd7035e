import { render } from 'preact';
import { t } from '../lib/i18n';
import { installCategoryCss } from '../lib/theme';
import { Options } from './options';

installCategoryCss();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app') as HTMLElement);
