/**
 * Which care team a resident belongs to, for operators and admins: the team's carers see the
 * resident and their alerts. A resident added before any team existed is moved here.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { Resident, Team } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { useStrings } from '../use-strings.js';
import { useSubmit } from '../use-submit.js';
import { FormMessageLine } from './form-message.js';

export interface ResidentTeamProps {
  api: Api;
  resident: Resident;
  /** Called with the resident as the service returns it after the move. */
  onChange(resident: Resident): void;
}

export function ResidentTeamControl({ api, resident, onChange }: ResidentTeamProps) {
  const s = useStrings().pages.resident.team;
  const id = useId();
  const submit = useSubmit();
  const [teams, setTeams] = useState<Team[]>([]);
  const [teamId, setTeamId] = useState(resident.teamId ?? '');
  useEffect(() => {
    api.teams().then(setTeams, () => setTeams([]));
  }, [api]);
  useEffect(() => setTeamId(resident.teamId ?? ''), [resident.teamId]);

  const save = (event: Event) => {
    event.preventDefault();
    const chosen = teamId === '' ? null : teamId;
    return submit.run(async () => {
      onChange(await api.setResidentTeam(resident.id, chosen));
      return s.saved(teams.find((t) => t.id === chosen)?.name ?? s.none);
    });
  };

  return (
    <section class="card resident-team" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{s.heading}</h3>
      <p class="hint">{s.hint}</p>
      <form class="inline-form" onSubmit={save}>
        <div class="field">
          <label for={`${id}-team`}>{s.label}</label>
          <select id={`${id}-team`} value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <option value="">{s.none}</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          class="button"
          disabled={teamId === (resident.teamId ?? '')}
          aria-busy={submit.busy}
          aria-disabled={submit.busy}
        >
          {s.save}
        </button>
      </form>
      <FormMessageLine message={submit.message} />
    </section>
  );
}
