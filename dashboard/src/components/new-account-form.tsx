/** Adding a staff account as a card: its password is temporary, its owner replaces it at first sign-in. */
import { useState } from 'preact/hooks';
import type { Role, Team, UserInput } from '../../../service/contract.js';
import { useAuthStrings } from '../i18n-auth.js';
import { useSubmit } from '../use-submit.js';
import { pickedRole, RoleOptions, TeamOptions } from './account-options.js';
import { FormMessageLine } from './form-message.js';
import { TextField } from './text-field.js';

const EMPTY = { username: '', displayName: '', role: 'carer' as Role, teamId: '', password: '' };

export interface NewAccountFormProps {
  teams: readonly Team[];
  create(input: UserInput): Promise<unknown>;
}

export function NewAccountForm({ teams, create }: NewAccountFormProps) {
  const s = useAuthStrings().admin;
  const submit = useSubmit();
  const [draft, setDraft] = useState(EMPTY);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      const input = { ...draft, teamId: draft.teamId === '' ? null : draft.teamId };
      await create(input);
      setDraft(EMPTY);
      return s.added(input.displayName.trim(), input.username.trim().toLowerCase());
    });
  };
  const field = (key: 'username' | 'displayName' | 'password', label: string, maxLength: number) => (
    <TextField
      id={`new-user-${key}`}
      label={label}
      value={draft[key]}
      onValue={(value) => setDraft({ ...draft, [key]: value })}
      maxLength={maxLength}
      {...(key === 'password' ? { type: 'password', autocomplete: 'new-password', minLength: 12 } : {})}
    />
  );

  return (
    <section class="card" aria-labelledby="new-account-heading">
      <h3 id="new-account-heading">{s.addUser}</h3>
      <p class="hint">{s.addUserHint}</p>
      <form onSubmit={onSubmit}>
        <div class="field-grid">
          {field('username', s.username, 64)}
          {field('displayName', s.displayName, 100)}
          <div class="field">
            <label for="new-user-role">{s.role}</label>
            <select
              id="new-user-role"
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: pickedRole(e.currentTarget.value) ?? draft.role })}
            >
              <RoleOptions />
            </select>
          </div>
          <div class="field">
            <label for="new-user-team">{s.team}</label>
            <select
              id="new-user-team"
              value={draft.teamId}
              onChange={(e) => setDraft({ ...draft, teamId: e.currentTarget.value })}
            >
              <TeamOptions teams={teams} />
            </select>
          </div>
        </div>
        {field('password', s.temporaryPassword, 200)}
        <button type="submit" class="button primary" aria-busy={submit.busy} disabled={submit.busy}>
          {s.add}
        </button>
      </form>
      <FormMessageLine message={submit.message} />
    </section>
  );
}
