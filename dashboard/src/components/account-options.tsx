/** The options of an account's role and team pickers (the team value "" means no team). */
import { Role, type Team } from '../../../service/contract.js';
import { useAuthStrings } from '../i18n-auth.js';

export function RoleOptions() {
  const roles = useAuthStrings().roles;
  return (
    <>
      {Role.options.map((r) => (
        <option key={r} value={r}>
          {roles[r]}
        </option>
      ))}
    </>
  );
}

export function TeamOptions({ teams }: { teams: readonly Team[] }) {
  const a = useAuthStrings().admin;
  return (
    <>
      <option value="">{a.noTeam}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </>
  );
}

/** A picked role, or undefined for a value no option has. */
export function pickedRole(value: string): Role | undefined {
  const role = Role.safeParse(value);
  return role.success ? role.data : undefined;
}
