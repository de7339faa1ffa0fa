/**
 * The admins' page: staff accounts, adding one, the care teams with their residents and
 * carers, and the latest audit entries. Only admins reach it (page-access.ts); the API refuses
 * everyone else too. After any change the lists and the audit log are loaded again, so the
 * log shows the change just made.
 */
import { useMemo } from 'preact/hooks';
import type { Resident } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { auditNames } from '../audit-target.js';
import { AccountTable } from '../components/account-table.js';
import { AuditLog } from '../components/audit-log.js';
import { LoadState } from '../components/load-state.js';
import { NewAccountForm } from '../components/new-account-form.js';
import { TeamList } from '../components/team-list.js';
import { useAuthStrings } from '../i18n-auth.js';
import { teamSummary } from '../team-summary.js';
import { useLoad } from '../use-load.js';
import { useLocale } from '../use-strings.js';

/** The audit entries shown (the heading says "latest 50"). */
export const AUDIT_ROWS = 50;
/**
 * Alerts fetched to name the residents of alert entries in the log: the newest 200 cover the
 * acknowledgements and resolutions among 50 entries unless an alert is far older; that one
 * reads as "alert 3f2a91c0".
 */
export const ALERTS_FOR_NAMES = 200;

export function AccountsPage({ api, residents }: { api: Api; residents: readonly Resident[] | null }) {
  const s = useAuthStrings().admin;
  const { language } = useLocale();
  const lists = useLoad(
    () =>
      Promise.all([api.users(), api.teams(), api.audit(AUDIT_ROWS)]).then(([users, teams, audit]) => ({
        users,
        teams,
        audit,
      })),
    'accounts',
  );
  // Only for naming sensors and alerts in the log: if this fails the log still reads, with ids.
  const more = useLoad(() => Promise.all([api.devices(), api.recentAlerts(ALERTS_FOR_NAMES)]), 'accounts-names');
  const changed = () => {
    lists.reload();
    more.reload();
  };

  const data = lists.data;
  const summary = useMemo(
    () => (data === null ? null : teamSummary(data.teams, residents ?? [], data.users, new Intl.Collator(language))),
    [data, residents, language],
  );
  const names = useMemo(
    () =>
      data === null
        ? null
        : auditNames({
            users: data.users,
            teams: data.teams,
            residents: residents ?? [],
            devices: more.data?.[0] ?? [],
            alerts: more.data?.[1] ?? [],
          }),
    [data, residents, more.data],
  );

  return (
    <main class="page" id="main" tabIndex={-1}>
      <div class="page-head">
        <h2>{s.heading}</h2>
        {data !== null && <p class="page-summary">{s.summary(data.users.length, data.teams.length)}</p>}
      </div>
      <LoadState loaded={lists}>
        {(d) => (
          <>
            <AccountTable
              users={d.users}
              teams={d.teams}
              update={async (user, change) => {
                await api.updateUser(user.id, change);
                changed();
              }}
            />
            <div class="two-columns">
              <NewAccountForm
                teams={d.teams}
                create={async (input) => {
                  await api.createUser(input);
                  changed();
                }}
              />
              {summary !== null && (
                <TeamList
                  summary={summary}
                  counted={residents !== null}
                  create={async (name) => {
                    await api.createTeam(name);
                    changed();
                  }}
                />
              )}
            </div>
            {names !== null && <AuditLog entries={d.audit} names={names} />}
          </>
        )}
      </LoadState>
    </main>
  );
}
