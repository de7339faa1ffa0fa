/** Residents at a glance: at home, out or asleep; last activity and room; open alerts. */
import { useMemo } from 'preact/hooks';
import type { Presence } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { PresenceBadge } from '../components/presence-badge.js';
import { TimeAgo } from '../components/time-ago.js';
import { overviewRows } from '../residents-overview.js';
import { hrefOf } from '../router.js';
import { useLoad } from '../use-load.js';
import type { ResidentsView } from '../use-residents.js';
import { useLocale } from '../use-strings.js';

/** Presence changes with activity; the stream moves last activity, this catches up on the rest. */
export const PRESENCE_POLL_MS = 60_000; // ms

export interface ResidentsPageProps {
  api: Api;
  residents: ResidentsView;
  openCounts: ReadonlyMap<string, number> | null;
  now: number;
}

export function ResidentsPage({ api, residents, openCounts, now }: ResidentsPageProps) {
  const { t, language } = useLocale();
  const p = t.pages;
  const presence = useLoad(() => api.presence(), 'presence', PRESENCE_POLL_MS);
  const byId = useMemo(
    () => new Map<string, Presence>((presence.data ?? []).map((x) => [x.residentId, x.presence])),
    [presence.data],
  );
  const rows = useMemo(
    () =>
      residents.residents === null
        ? null
        : overviewRows(residents.residents, byId, openCounts, now, new Intl.Collator(language)),
    [residents.residents, byId, openCounts, now, language],
  );
  const count = (state: Presence) => rows?.filter((r) => r.presence === state).length ?? 0;

  return (
    <main class="page" id="main" tabIndex={-1}>
      <div class="page-head">
        <h2>{p.overview.heading}</h2>
        {rows !== null && rows.length > 0 && (
          <p class="page-summary">{p.overview.summary(count('home'), count('out'), count('asleep'))}</p>
        )}
      </div>
      {residents.failed && (
        <p class="form-error" role="status">
          {t.residents.failed}
        </p>
      )}
      {rows === null ? (
        !residents.failed && <p class="placeholder">{t.residents.loading}</p>
      ) : rows.length === 0 ? (
        <p class="placeholder">{t.residents.none}</p>
      ) : (
        <ul class="resident-grid">
          {rows.map((row) => (
            <li key={row.resident.id}>
              <a
                class={`resident-tile ${row.open > 0 ? 'has-alerts' : ''} ${row.quiet ? 'is-quiet' : ''}`}
                href={hrefOf({ page: 'resident', id: row.resident.id })}
                aria-label={`${row.resident.name} — ${p.overview.openPage(row.resident.name)}`}
              >
                <span class="tile-top">
                  <span class="tile-name">{row.resident.name}</span>
                  <PresenceBadge presence={row.presence} />
                </span>
                <span class="tile-activity">
                  <span class="tile-label">{p.overview.lastActivity}</span>
                  {row.resident.lastActivityAt === null ? (
                    p.overview.noActivity
                  ) : (
                    <span>
                      <TimeAgo iso={row.resident.lastActivityAt} now={now} clock />
                      {row.room !== null && <> · {row.room}</>}
                    </span>
                  )}
                </span>
                {row.quiet && (
                  <span class="tile-quiet">
                    <span aria-hidden="true">◷ </span>
                    {p.overview.quiet}
                  </span>
                )}
                <span class={`tile-open ${row.open > 0 ? 'is-open' : ''}`}>
                  {row.open > 0 && (
                    <span class="open-mark" aria-hidden="true">
                      ▲{' '}
                    </span>
                  )}
                  {t.residents.openAlerts(row.open)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
