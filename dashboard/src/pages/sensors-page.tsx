/** Every sensor, silent and failing ones first, so an operator sees blind spots before anything else. */
import { useMemo } from 'preact/hooks';
import type { Resident } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { LoadState } from '../components/load-state.js';
import { SensorTable } from '../components/sensor-table.js';
import { needingAttention, sensorRows } from '../sensor-status.js';
import { useLoad } from '../use-load.js';
import { useStrings } from '../use-strings.js';

export const SENSORS_POLL_MS = 30_000; // ms

export function SensorsPage({ api, residents, now }: { api: Api; residents: readonly Resident[] | null; now: number }) {
  const s = useStrings().pages.sensors;
  const devices = useLoad(() => api.devices(), 'devices', SENSORS_POLL_MS);
  const byId = useMemo(() => new Map((residents ?? []).map((r) => [r.id, r])), [residents]);
  return (
    <main class="page" id="main" tabIndex={-1}>
      <LoadState loaded={devices}>
        {(list) => {
          const rows = sensorRows(list, now);
          const attention = needingAttention(rows);
          return (
            <>
              <div class="page-head">
                <h2>{s.heading}</h2>
                {list.length > 0 && (
                  <p class={`page-summary ${attention > 0 ? 'warn strong' : ''}`}>{s.attention(attention)}</p>
                )}
              </div>
              {list.length === 0 ? (
                <p class="placeholder">{s.none}</p>
              ) : (
                <section class="card">
                  <SensorTable rows={rows} residents={byId} now={now} />
                </section>
              )}
            </>
          );
        }}
      </LoadState>
    </main>
  );
}
