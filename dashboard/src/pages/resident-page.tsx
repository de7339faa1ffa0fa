/** One resident: where they are, today's and the week's activity, their routine, their alerts and sensors. */
import { useMemo } from 'preact/hooks';
import type { ResidentRoutine } from '../../../service/contract.js';
import { dayCharts, hourTotals } from '../activity-chart-data.js';
import { type Api, ApiRequestError } from '../api.js';
import { AlertHistory } from '../components/alert-history.js';
import { LoadState } from '../components/load-state.js';
import { PresenceBadge } from '../components/presence-badge.js';
import { ResidentActivity } from '../components/resident-activity.js';
import { ResidentContextControl } from '../components/resident-context.js';
import { ResidentInsights } from '../components/resident-insights.js';
import { ResidentRoutineCard } from '../components/resident-routine.js';
import { ResidentTeamControl } from '../components/resident-team.js';
import { SensorTable } from '../components/sensor-table.js';
import { TimeAgo } from '../components/time-ago.js';
import { lastRoomName } from '../residents-state.js';
import { hrefOf } from '../router.js';
import { sensorRows } from '../sensor-status.js';
import { useLoad } from '../use-load.js';
import { useStrings } from '../use-strings.js';

export const RESIDENT_POLL_MS = 60_000; // ms
const CHART_DAYS = 7;

/** A routine the service has not learned yet (404) is shown as "still learning", not as a failure. */
async function routineOrNull(api: Api, id: string): Promise<ResidentRoutine | null> {
  try {
    return await api.routine(id);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  }
}

export interface ResidentPageProps {
  api: Api;
  id: string;
  now: number;
  /** Operators and admins also move the resident between care teams. */
  operator: boolean;
}

export function ResidentPage({ api, id, now, operator }: ResidentPageProps) {
  const t = useStrings();
  const r = t.pages.resident;
  const resident = useLoad(() => api.resident(id), `resident:${id}`, RESIDENT_POLL_MS);
  const activity = useLoad(() => api.activity(id, CHART_DAYS), `activity:${id}`, RESIDENT_POLL_MS);
  const routine = useLoad(() => routineOrNull(api, id), `routine:${id}`, RESIDENT_POLL_MS);
  const presence = useLoad(() => api.presence(), 'presence', RESIDENT_POLL_MS);
  const alerts = useLoad(() => api.alertHistory(id), `alerts:${id}`, RESIDENT_POLL_MS);
  const devices = useLoad(() => api.devices(id), `devices:${id}`, RESIDENT_POLL_MS);
  const insights = useLoad(() => api.insights(id), `insights:${id}`, RESIDENT_POLL_MS);

  const todayTotals = useMemo(() => {
    if (activity.data === null || resident.data === null) return new Array<number>(24).fill(0);
    const today = dayCharts(activity.data, resident.data.rooms).at(-1);
    return today === undefined ? new Array<number>(24).fill(0) : hourTotals(today);
  }, [activity.data, resident.data]);
  const state = presence.data?.find((p) => p.residentId === id)?.presence ?? 'unknown';

  return (
    <main class="page" id="main" tabIndex={-1}>
      <p class="back">
        <a href={hrefOf({ page: 'residents' })}>← {r.back}</a>
      </p>
      <LoadState loaded={resident}>
        {(person) => {
          const room = lastRoomName(person);
          return (
            <>
              <div class="page-head resident-head">
                <h2>{person.name}</h2>
                <PresenceBadge presence={state} />
                <p class="page-summary">
                  {t.residents.lastActivity}:{' '}
                  {person.lastActivityAt === null ? (
                    t.residents.noActivity
                  ) : (
                    <>
                      <TimeAgo iso={person.lastActivityAt} now={now} clock />
                      {room !== null && ` · ${room}`}
                    </>
                  )}
                </p>
              </div>
              <ResidentContextControl api={api} resident={person} now={now} onChange={() => resident.reload()} />
              {operator && <ResidentTeamControl api={api} resident={person} onChange={() => resident.reload()} />}
              <LoadState loaded={insights}>{(found) => <ResidentInsights insights={found} />}</LoadState>
              <div class="resident-layout">
                <LoadState loaded={activity}>
                  {(grid) => <ResidentActivity grid={grid} rooms={person.rooms} now={now} />}
                </LoadState>
                <LoadState loaded={routine}>
                  {(learned) => <ResidentRoutineCard routine={learned} today={todayTotals} />}
                </LoadState>
              </div>
              <section class="card" aria-labelledby="history-heading">
                <h3 id="history-heading">{r.alertsHeading}</h3>
                <LoadState loaded={alerts}>{(list) => <AlertHistory alerts={list} />}</LoadState>
              </section>
              <section class="card" aria-labelledby="home-sensors-heading">
                <h3 id="home-sensors-heading">{r.sensorsHeading}</h3>
                <LoadState loaded={devices}>
                  {(list) =>
                    list.length === 0 ? (
                      <p class="hint">{t.pages.sensors.none}</p>
                    ) : (
                      <SensorTable
                        rows={sensorRows(list, now)}
                        residents={new Map([[person.id, person]])}
                        now={now}
                        oneResident
                      />
                    )
                  }
                </LoadState>
              </section>
            </>
          );
        }}
      </LoadState>
    </main>
  );
}
