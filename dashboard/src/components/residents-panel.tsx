/** Each resident with where and when they were last active, and how many alerts are open. */
import type { Resident } from '../../../service/contract.js';
import { lastRoomName } from '../residents-state.js';
import { hrefOf } from '../router.js';
import { useStrings } from '../use-strings.js';
import { TimeAgo } from './time-ago.js';

export interface ResidentsPanelProps {
  residents: readonly Resident[] | null;
  failed: boolean;
  /** Live open-alert counts from the stream; null until it has sent a snapshot. */
  openCounts: ReadonlyMap<string, number> | null;
  now: number;
}

export function ResidentsPanel({ residents, failed, openCounts, now }: ResidentsPanelProps) {
  const t = useStrings();
  return (
    <section class="panel residents" aria-labelledby="residents-heading">
      <h2 id="residents-heading">{t.residents.heading}</h2>
      {failed && (
        <p class="form-error" role="status">
          {t.residents.failed}
        </p>
      )}
      {residents === null ? (
        !failed && <p class="placeholder">{t.residents.loading}</p>
      ) : residents.length === 0 ? (
        <p class="placeholder">{t.residents.none}</p>
      ) : (
        <ul class="resident-list">
          {residents.map((resident) => {
            const open = openCounts?.get(resident.id) ?? (openCounts === null ? resident.openAlerts : 0);
            const room = lastRoomName(resident);
            return (
              <li key={resident.id} class={`resident ${open > 0 ? 'has-alerts' : ''}`}>
                <span class="resident-name">
                  <a href={hrefOf({ page: 'resident', id: resident.id })}>{resident.name}</a>
                </span>
                <span class="resident-activity">
                  <span class="visually-hidden">{t.residents.lastActivity}: </span>
                  {resident.lastActivityAt === null ? (
                    t.residents.noActivity
                  ) : (
                    <>
                      <TimeAgo iso={resident.lastActivityAt} now={now} />
                      {room !== null && ` · ${room}`}
                    </>
                  )}
                </span>
                <span class={`resident-open ${open > 0 ? 'is-open' : ''}`}>{t.residents.openAlerts(open)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
