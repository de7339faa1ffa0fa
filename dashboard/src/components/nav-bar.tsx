/** The page navigation: big targets for a fingertip, the current page marked for screen readers too. */

import type { Role } from '../../../service/contract.js';
import { strings } from '../i18n.js';
import { mayOpen } from '../page-access.js';
import { hrefOf, type Page } from '../router.js';
import { useLocale } from '../use-strings.js';

type Section = Exclude<Page, 'resident'>;
const PAGES: readonly Section[] = ['alerts', 'residents', 'sensors', 'onboarding', 'health', 'accounts'];
const ICONS: Record<Section, string> = {
  alerts: 'M12 3 2 20h20L12 3zm-1 6h2v6h-2V9zm0 8h2v2h-2v-2z',
  residents: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-4 0-8 2-8 5v1h16v-1c0-3-4-5-8-5z',
  sensors:
    'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM5 5l1.4 1.4a8 8 0 0 0 0 11.2L5 19a10 10 0 0 1 0-14zm14 0a10 10 0 0 1 0 14l-1.4-1.4a8 8 0 0 0 0-11.2L19 5z',
  onboarding: 'M11 4h2v7h7v2h-7v7h-2v-7H4v-2h7V4z',
  health: 'M3 12h4l2-5 4 10 2-5h6v2h-4.7L13 21 9 11l-.7 3H3v-2z',
  accounts:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm7.5 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM9 13c-3.3 0-7 1.6-7 4.5V20h14v-2.5C16 14.6 12.3 13 9 13zm7.5 0-1.3.1c1.4 1 2.3 2.5 2.3 4.4V20H22v-2.5c0-2.9-3-4.5-5.5-4.5z',
};

export function NavBar({
  current,
  openAlerts,
  role,
}: {
  current: Page | null;
  openAlerts: number;
  /** Only the pages this role may open are offered (page-access.ts). */
  role: Role;
}) {
  const { t: all, language, setLanguage } = useLocale();
  const t = all.pages.nav;
  return (
    <nav class="nav-bar" aria-label={t.label}>
      <ul>
        {PAGES.filter((page) => mayOpen(role, page)).map((page) => (
          <li key={page}>
            <a
              href={hrefOf({ page })}
              class={`nav-link ${current === page ? 'is-current' : ''}`}
              aria-current={current === page ? 'page' : undefined}
            >
              <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d={ICONS[page]} />
              </svg>
              <span>{t[page]}</span>
              {page === 'alerts' && openAlerts > 0 && <span class="nav-count">{openAlerts}</span>}
            </a>
          </li>
        ))}
      </ul>
      {setLanguage !== undefined && (
        <fieldset class="language-switch">
          <legend class="visually-hidden">{t.language}</legend>
          {(Object.keys(strings) as (keyof typeof strings)[]).map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              class={`button quiet ${code === language ? 'is-current' : ''}`}
              aria-pressed={code === language}
              onClick={() => setLanguage(code)}
            >
              {strings[code].pages.nav.languageName}
            </button>
          ))}
        </fieldset>
      )}
    </nav>
  );
}
