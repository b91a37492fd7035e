import { render } from 'preact';
import { browserConnector } from './connector';
import { Popup } from './popup';

render(<Popup connector={browserConnector} />, document.getElementById('app') as HTMLElement);
