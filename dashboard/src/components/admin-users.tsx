/** The staff accounts table: role, team and enable/disable inline; a form to add an account. */
import { useState } from 'preact/hooks';
import type { Role, Team, User } from '../../../service/contract.js';
import { errorText } from '../alert-actions.js';
import type { Api } from '../api.js';
import { useAuthStrings } from '../i18n-auth.js';
import { useStrings } from '../use-strings.js';

const ROLES: Role[] = ['carer', 'operator', 'admin'];

export interface AdminUsersProps {
  api: Api;
  users: User[];
  teams: Team[];
  onChanged(): void;
}

export function AdminUsers({ api, users, teams, onChanged }: AdminUsersProps) {
  const a = useAuthStrings();
  const t = useStrings();
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [draft, setDraft] = useState({
    username: '',
    displayName: '',
    role: 'carer' as Role,
    teamId: '',
    password: '',
  });

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setMessage({ text: a.admin.saved, ok: true });
      onChanged();
    } catch (error) {
      setMessage({ text: errorText(error, t.errors), ok: false });
    }
  };
  const teamOptions = [
    <option value="">{a.admin.noTeam}</option>,
    ...teams.map((team) => <option value={team.id}>{team.name}</option>),
  ];

  const add = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      await api.createUser({ ...draft, teamId: draft.teamId === '' ? null : draft.teamId });
      setDraft({ username: '', displayName: '', role: 'carer', teamId: '', password: '' });
    });
  };
  const field = (key: 'username' | 'displayName' | 'password', label: string) => {
    const common = {
      required: true,
      value: draft[key],
      onInput: (e: { currentTarget: HTMLInputElement }) => setDraft({ ...draft, [key]: e.currentTarget.value }),
    };
    const id = `new-user-${key}`;
    return (
      <div class="admin-field">
        <label for={id}>{label}</label>
        {key === 'password' ? (
          <input id={id} type="password" autocomplete="new-password" {...common} />
        ) : (
          <input id={id} type="text" autocomplete="off" {...common} />
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="admin-users">
      <h2 id="admin-users">{a.admin.users}</h2>
      <p class={message?.ok ? 'hint' : 'form-error'} role="status">
        {message?.text}
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{a.admin.username}</th>
            <th scope="col">{a.admin.displayName}</th>
            <th scope="col">{a.admin.role}</th>
            <th scope="col">{a.admin.team}</th>
            <th scope="col">{a.admin.status}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>
                <select
                  aria-label={`${a.admin.role}: ${u.username}`}
                  value={u.role}
                  onChange={(e) => run(() => api.updateUser(u.id, { role: e.currentTarget.value as Role }))}
                >
                  {ROLES.map((r) => (
                    <option value={r}>{a.roles[r]}</option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={`${a.admin.team}: ${u.username}`}
                  value={u.teamId ?? ''}
                  onChange={(e) => run(() => api.updateUser(u.id, { teamId: e.currentTarget.value || null }))}
                >
                  {teamOptions}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  class="button quiet"
                  onClick={() => run(() => api.updateUser(u.id, { disabled: !u.disabled }))}
                >
                  {u.disabled ? a.admin.enable(u.username) : a.admin.disable(u.username)}
                </button>{' '}
                {u.disabled ? a.admin.disabled : a.admin.enabled}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="admin-form" onSubmit={add}>
        <h3>{a.admin.addUser}</h3>
        {field('username', a.admin.username)}
        {field('displayName', a.admin.displayName)}
        <div class="admin-field">
          <label for="new-user-role">{a.admin.role}</label>
          <select
            id="new-user-role"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as Role })}
          >
            {ROLES.map((r) => (
              <option value={r}>{a.roles[r]}</option>
            ))}
          </select>
        </div>
        <div class="admin-field">
          <label for="new-user-team">{a.admin.team}</label>
          <select
            id="new-user-team"
            value={draft.teamId}
            onChange={(e) => setDraft({ ...draft, teamId: e.currentTarget.value })}
          >
            {teamOptions}
          </select>
        </div>
        {field('password', a.admin.temporaryPassword)}
        <button type="submit" class="button primary">
          {a.admin.add}
        </button>
      </form>
    </section>
  );
}
