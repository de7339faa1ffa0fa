/** Adds a resident with the rooms of their home (a typical flat's rooms filled in to start from). */
import { useEffect, useState } from 'preact/hooks';
import { type Resident, RoomKind, type Team } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { useAuthStrings } from '../i18n-auth.js';
import { useStrings } from '../use-strings.js';
import { useSubmit } from '../use-submit.js';
import { TeamOptions } from './account-options.js';
import { FormMessageLine } from './form-message.js';
import { TextField } from './text-field.js';

interface RoomDraft {
  key: number;
  name: string;
  kind: RoomKind;
}

const DEFAULT_KINDS: readonly RoomKind[] = ['bedroom', 'bathroom', 'kitchen', 'living_room', 'hall'];

export function NewResidentForm({ api, onCreated }: { api: Api; onCreated(resident: Resident): void }) {
  const o = useStrings().pages.onboarding;
  const fresh = () => DEFAULT_KINDS.map((kind, i) => ({ key: i, name: o.defaultRooms[i] ?? '', kind }));
  const [name, setName] = useState('');
  const [rooms, setRooms] = useState<RoomDraft[]>(fresh);
  const [nextKey, setNextKey] = useState(DEFAULT_KINDS.length);
  const submit = useSubmit();
  const a = useAuthStrings();
  // The care team decides which carers see this resident (none: operators and admins only).
  const [teams, setTeams] = useState<Team[]>([]);
  const [teamId, setTeamId] = useState('');
  useEffect(() => {
    api.teams().then(setTeams, () => setTeams([]));
  }, [api]);

  const update = (key: number, change: Partial<RoomDraft>) =>
    setRooms((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      const resident = await api.createResident({
        name: name.trim(),
        rooms: rooms.filter((r) => r.name.trim() !== '').map((r) => ({ name: r.name.trim(), kind: r.kind })),
        teamId: teamId === '' ? null : teamId,
      });
      setName('');
      setRooms(fresh());
      onCreated(resident);
      return o.residentCreated(resident.name);
    });
  };

  return (
    <section class="card" aria-labelledby="new-resident-heading">
      <h3 id="new-resident-heading">{o.residentHeading}</h3>
      <form onSubmit={onSubmit}>
        <TextField id="resident-name" label={o.name} value={name} onValue={setName} maxLength={200} />
        <div class="field">
          <label for="resident-team">{a.admin.team}</label>
          <select id="resident-team" value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <TeamOptions teams={teams} />
          </select>
        </div>
        <fieldset class="rooms">
          <legend>{o.rooms}</legend>
          {rooms.map((room, i) => (
            <div class="room-row" key={room.key}>
              <label class="visually-hidden" for={`room-name-${room.key}`}>
                {o.roomName} {i + 1}
              </label>
              <input
                id={`room-name-${room.key}`}
                type="text"
                maxLength={100}
                value={room.name}
                placeholder={o.roomName}
                onInput={(e) => update(room.key, { name: e.currentTarget.value })}
              />
              <label class="visually-hidden" for={`room-kind-${room.key}`}>
                {o.roomKind} {i + 1}
              </label>
              <select
                id={`room-kind-${room.key}`}
                value={room.kind}
                onChange={(e) => update(room.key, { kind: RoomKind.parse(e.currentTarget.value) })}
              >
                {RoomKind.options.map((kind) => (
                  <option key={kind} value={kind}>
                    {o.roomKinds[kind]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="button quiet icon-button"
                aria-label={o.removeRoom(room.name)}
                onClick={() => setRooms((list) => list.filter((r) => r.key !== room.key))}
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            class="button"
            onClick={() => {
              setRooms((list) => [...list, { key: nextKey, name: '', kind: 'other' }]);
              setNextKey((k) => k + 1);
            }}
          >
            + {o.addRoom}
          </button>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button primary" aria-disabled={submit.busy}>
            {o.createResident}
          </button>
        </div>
        <FormMessageLine message={submit.message} />
      </form>
    </section>
  );
}
