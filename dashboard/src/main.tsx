/** Entry point: picks the language and mounts the page behind its sign-in gate. */
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { AuthGate } from './auth-gate.js';
import { type Language, strings } from './i18n.js';
import { initialLanguage, saveLanguage } from './language-choice.js';
import { streamUrl } from './transport.js';
import { LocaleContext } from './use-strings.js';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');

const stream = streamUrl(window.location);

function Root() {
  const [language, setLanguage] = useState<Language>(() =>
    initialLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]),
  );
  document.documentElement.lang = language;
  const locale = useMemo(
    () => ({
      language,
      t: strings[language],
      setLanguage: (next: Language) => {
        saveLanguage(next);
        setLanguage(next);
      },
    }),
    [language],
  );
  return (
    <LocaleContext.Provider value={locale}>
      <AuthGate streamUrl={stream} />
    </LocaleContext.Provider>
  );
}

render(<Root />, root);
