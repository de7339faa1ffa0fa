/** Entry point: picks the language, builds the API client and mounts the page. */
import { render } from 'preact';
import { createApi } from './api.js';
import { App } from './app.js';
import { pickLanguage, strings } from './i18n.js';
import { streamUrl } from './transport.js';
import { LocaleContext } from './use-strings.js';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');

const language = pickLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
document.documentElement.lang = language;

render(
  <LocaleContext.Provider value={{ language, t: strings[language] }}>
    <App api={createApi()} streamUrl={streamUrl(window.location)} />
  </LocaleContext.Provider>,
  root,
);
