/** Sensors with their condition, worst first: last seen, battery and signal. */
import type { Resident } from '../../../service/contract.js';
import { type SensorCondition, type SensorRow, WEAK_LINK_LQI } from '../sensor-status.js';
import { useStrings } from '../use-strings.js';
import { TimeAgo } from './time-ago.js';

const MARK: Record<SensorCondition, string> = {
  offline: '■',
  never: '■',
  silent: '■',
  battery: '▲',
  weak: '▲',
  ok: '●',
};

export interface SensorTableProps {
  rows: readonly SensorRow[];
  residents: ReadonlyMap<string, Resident>;
  now: number;
  /** Hide the resident column (on a resident's own page). */
  oneResident?: boolean;
}

export function SensorTable({ rows, residents, now, oneResident = false }: SensorTableProps) {
  const p = useStrings().pages;
  const s = p.sensors;
  return (
    <div class="table-scroll">
      <table class="data-table sensor-table">
        <thead>
          <tr>
            <th scope="col">{s.columns.status}</th>
            <th scope="col">{s.columns.sensor}</th>
            {!oneResident && <th scope="col">{s.columns.resident}</th>}
            <th scope="col">{s.columns.room}</th>
            <th scope="col">{s.columns.lastSeen}</th>
            <th scope="col">{s.columns.battery}</th>
            <th scope="col">{s.columns.link}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ device, condition }) => {
            const resident = residents.get(device.residentId);
            const room = resident?.rooms.find((r) => r.id === device.roomId)?.name ?? p.common.noRoom;
            return (
              <tr key={device.id} class={`row-${condition}`}>
                <td class="nowrap">
                  <span class={`condition condition-${condition}`}>
                    <span aria-hidden="true">{MARK[condition]} </span>
                    {s.condition[condition]}
                  </span>
                </td>
                <td>
                  <span class="strong">{device.label ?? s.kind[device.kind]}</span>
                  <span class="muted block">
                    {device.label !== null && `${s.kind[device.kind]} · `}
                    <code>{device.address}</code>
                  </span>
                </td>
                {!oneResident && <td>{resident?.name ?? '—'}</td>}
                <td>{room}</td>
                <td class="nowrap">
                  {device.lastSeenAt === null ? p.common.never : <TimeAgo iso={device.lastSeenAt} now={now} clock />}
                </td>
                <td class="nowrap">
                  {device.battery === null ? (
                    '—'
                  ) : (
                    <Meter
                      value={device.battery}
                      max={100}
                      unit="%"
                      low={device.batteryLow === true || device.battery <= 20}
                    />
                  )}
                </td>
                <td class="nowrap">
                  {device.linkquality === null ? (
                    '—'
                  ) : (
                    <Meter value={device.linkquality} max={255} unit="" low={device.linkquality <= WEAK_LINK_LQI} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Meter({ value, max, unit, low }: { value: number; max: number; unit: string; low: boolean }) {
  const share = Math.max(0, Math.min(1, value / max));
  return (
    <span class={`meter ${low ? 'is-low' : ''}`}>
      <span class="meter-track" aria-hidden="true">
        <span class="meter-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      {Math.round(value)}
      {unit}
    </span>
  );
}
