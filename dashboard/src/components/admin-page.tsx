/** The admin's page: staff accounts, care teams and the latest audit entries. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AuditEntry, Team, User } from '../../../service/contract.js';
import { errorText } from '../alert-actions.js';
import type { Api } from '../api.js';
import { auditActionText, useAuditStrings } from '../i18n-audit.js';
import { useAuthStrings } from '../i18n-auth.js';
import { absoluteTime } from '../relative-time.js';
import { useLocale } from '../use-strings.js';
import { AdminUsers } from './admin-users.js';

export function AdminPage({ api }: { api: Api }) {
  const a = useAuthStrings();
  const au = useAuditStrings();
  const { language, t } = useLocale();
  const [users, setUsers] = useState<User[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [teamName, setTeamName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([api.users(), api.teams(), api.audit(50)])
      .then(([u, tm, au]) => {
        setUsers(u);
        setTeams(tm);
        setAudit(au);
        setProblem(null);
      })
      .catch((error: unknown) => setProblem(errorText(error, t.errors)));
  }, [api, t]);
  useEffect(() => {
    document.title = a.admin.heading;
    load();
  }, [a, load]);

  const addTeam = (event: Event) => {
    event.preventDefault();
    api
      .createTeam(teamName.trim())
      .then(() => {
        setTeamName('');
        load();
      })
      .catch((error: unknown) => setProblem(errorText(error, t.errors)));
  };

  return (
    <main class="admin-page">
      <h1>{a.admin.heading}</h1>
      <p class="form-error" role="alert">
        {problem}
      </p>
      <AdminUsers api={api} users={users} teams={teams} onChanged={load} />
      <section aria-labelledby="admin-teams">
        <h2 id="admin-teams">{a.admin.teams}</h2>
        <ul>
          {teams.map((team) => (
            <li key={team.id}>{team.name}</li>
          ))}
        </ul>
        <form class="admin-form" onSubmit={addTeam}>
          <label>
            {a.admin.teamName}
            <input
              type="text"
              required
              maxLength={100}
              value={teamName}
              onInput={(e) => setTeamName(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button primary">
            {a.admin.addTeam}
          </button>
        </form>
      </section>
      <section aria-labelledby="admin-audit">
        <h2 id="admin-audit">{a.admin.audit}</h2>
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{a.admin.when}</th>
              <th scope="col">{a.admin.who}</th>
              <th scope="col">{a.admin.action}</th>
              <th scope="col">{a.admin.outcome}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((e) => (
              <tr key={e.id}>
                <td>{absoluteTime(e.at, language)}</td>
                <td>{e.actorName ?? '—'}</td>
                <td title={e.action}>{auditActionText(au, e.action)}</td>
                <td class={`audit-outcome is-${e.outcome}`}>{au.outcomes[e.outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
