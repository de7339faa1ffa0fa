/** Entry point: picks the language and mounts the page behind its sign-in gate. */
import { render } from 'preact';
import { AuthGate } from './auth-gate.js';
import { pickLanguage, strings } from './i18n.js';
import { streamUrl } from './transport.js';
import { LocaleContext } from './use-strings.js';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');

const language = pickLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
document.documentElement.lang = language;

render(
  <LocaleContext.Provider value={{ language, t: strings[language] }}>
    <AuthGate streamUrl={streamUrl(window.location)} />
  </LocaleContext.Provider>,
  root,
);
