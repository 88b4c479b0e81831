import { render } from 'solid-js/web';
import { i18nReady } from './i18n';
import { App } from './App';

// The first page waits for its language's words (one small chunk) rather than flash untranslated keys.
void i18nReady.then(() => render(() => <App />, document.getElementById('app')!));
