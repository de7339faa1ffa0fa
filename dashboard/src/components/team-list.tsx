/** The care teams as a card: each with its residents and carers, and a form to add a team. */
import { useState } from 'preact/hooks';
import { useAuthStrings } from '../i18n-auth.js';
import type { TeamSummary } from '../team-summary.js';
import { useSubmit } from '../use-submit.js';
import { FormMessageLine } from './form-message.js';
import { TextField } from './text-field.js';

export interface TeamListProps {
  summary: TeamSummary;
  /** False while the residents are still loading: the counts are not known yet. */
  counted: boolean;
  create(name: string): Promise<unknown>;
}

export function TeamList({ summary, counted, create }: TeamListProps) {
  const s = useAuthStrings().admin;
  const submit = useSubmit();
  const [name, setName] = useState('');
  const counts = (residents: number, carers: number) => (
    <span class="team-counts">{counted ? s.teamCounts(residents, carers) : '…'}</span>
  );
  const { teams, withoutTeam } = summary;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const chosen = name.trim();
    void submit.run(async () => {
      await create(chosen);
      setName('');
      return s.teamAdded(chosen);
    });
  };

  return (
    <section class="card" aria-labelledby="teams-heading">
      <h3 id="teams-heading">{s.teams}</h3>
      <p class="hint">{s.teamsHint}</p>
      {teams.length === 0 ? (
        <p class="placeholder">{s.noTeams}</p>
      ) : (
        <ul class="team-list">
          {teams.map((team) => (
            <li key={team.id}>
              <span class="team-name">{team.name}</span>
              {counts(team.residents, team.carers)}
            </li>
          ))}
          {counted && withoutTeam.residents + withoutTeam.carers > 0 && (
            <li class="without-team">
              <span class="team-name">{s.withoutTeam}</span>
              {counts(withoutTeam.residents, withoutTeam.carers)}
            </li>
          )}
        </ul>
      )}
      <form class="inline-form" onSubmit={onSubmit}>
        <TextField id="new-team-name" label={s.teamName} value={name} onValue={setName} maxLength={100} />
        <button type="submit" class="button" aria-busy={submit.busy} disabled={submit.busy}>
          {s.addTeam}
        </button>
      </form>
      <FormMessageLine message={submit.message} />
    </section>
  );
}
