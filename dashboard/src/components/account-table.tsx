/** The staff accounts as a card: role, team and disable/enable inline, each saved at once. */
import type { Team, User } from '../../../service/contract.js';
import { useAuthStrings } from '../i18n-auth.js';
import { useSubmit } from '../use-submit.js';
import { pickedRole, RoleOptions, TeamOptions } from './account-options.js';
import { CardTable } from './card-table.js';
import { FormMessageLine } from './form-message.js';

export interface AccountTableProps {
  users: readonly User[];
  teams: readonly Team[];
  /** Saves a change to one account; the page reloads its lists after. */
  update(user: User, change: Partial<Pick<User, 'role' | 'teamId' | 'disabled'>>): Promise<unknown>;
}

export function AccountTable({ users, teams, update }: AccountTableProps) {
  const a = useAuthStrings();
  const s = a.admin;
  const submit = useSubmit();
  const save = (user: User, change: Parameters<AccountTableProps['update']>[1]) =>
    submit.run(async () => {
      await update(user, change);
      return s.saved;
    });

  return (
    <CardTable
      id="accounts-heading"
      heading={s.users}
      columns={[s.displayName, s.username, s.role, s.team, s.status]}
      tableClass="account-table"
      before={<FormMessageLine message={submit.message} />}
    >
      {users.map((u) => (
        <tr key={u.id} class={u.disabled ? 'is-disabled' : undefined}>
          <th scope="row">{u.displayName}</th>
          <td>{u.username}</td>
          <td>
            <select
              aria-label={`${s.role}: ${u.username}`}
              value={u.role}
              onChange={(e) => {
                const role = pickedRole(e.currentTarget.value);
                if (role !== undefined) void save(u, { role });
              }}
            >
              <RoleOptions />
            </select>
          </td>
          <td>
            <select
              aria-label={`${s.team}: ${u.username}`}
              value={u.teamId ?? ''}
              onChange={(e) => void save(u, { teamId: e.currentTarget.value || null })}
            >
              <TeamOptions teams={teams} />
            </select>
          </td>
          <td>
            <span class="account-state">{u.disabled ? s.disabled : s.enabled}</span>
            <button
              type="button"
              class="button quiet"
              aria-label={u.disabled ? s.enable(u.username) : s.disable(u.username)}
              onClick={() => void save(u, { disabled: !u.disabled })}
            >
              {u.disabled ? s.enableShort : s.disableShort}
            </button>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}
