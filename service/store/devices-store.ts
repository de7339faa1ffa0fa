import type { DeviceBinding, PayloadFormat, SensorEvent } from '../../gateway/contract.js';
import type { Device, DeviceInput } from '../contract.js';
import type { Db, Queryable } from '../db/db.js';
import { iso, isoRequired } from './sql-values.js';

interface DeviceRow {
  id: string;
  format: PayloadFormat;
  address: string;
  resident_id: string;
  room_id: string | null;
  kind: Device['kind'];
  label: string | null;
  created_at: Date;
  last_seen_at: Date | null;
  battery: number | null;
  battery_low: boolean | null;
  linkquality: number | null;
  online: boolean | null;
}

const COLUMNS = `id, format, address, resident_id, room_id, kind, label, created_at, last_seen_at,
  battery, battery_low, linkquality, online`;

export class DevicesStore {
  constructor(private readonly db: Db) {}

  async create(input: DeviceInput): Promise<Device> {
    const [row] = await this.db.query<DeviceRow>(
      `INSERT INTO devices (format, address, resident_id, room_id, kind, label)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [input.format, input.address, input.residentId, input.roomId, input.kind, input.label],
    );
    if (row === undefined) throw new Error('insert returned no row');
    return toDevice(row);
  }

  /** Devices, silent (oldest last seen) first; of one resident, or of residents of `teamIds`. */
  async list(filter: { residentId?: string | undefined; teamIds?: string[] | undefined } = {}): Promise<Device[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.residentId !== undefined) where.push(`resident_id = $${params.push(filter.residentId)}`);
    if (filter.teamIds !== undefined) {
      where.push(
        `resident_id IN (SELECT id FROM residents WHERE team_id = ANY($${params.push(filter.teamIds)}::uuid[]))`,
      );
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.db.query<DeviceRow>(
      `SELECT ${COLUMNS} FROM devices ${clause} ORDER BY last_seen_at NULLS FIRST, id`,
      params,
    );
    return rows.map(toDevice);
  }

  async get(id: string): Promise<Device | undefined> {
    const [row] = await this.db.query<DeviceRow>(`SELECT ${COLUMNS} FROM devices WHERE id = $1`, [id]);
    return row && toDevice(row);
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM devices WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  async bindings(): Promise<(DeviceBinding & { format: PayloadFormat; address: string })[]> {
    const rows = await this.db.query<DeviceRow>(`SELECT ${COLUMNS} FROM devices`);
    return rows.map((r) => ({
      deviceId: r.id,
      residentId: r.resident_id,
      roomId: r.room_id,
      kind: r.kind,
      format: r.format,
      address: r.address,
    }));
  }

  /** Last seen, battery, link quality and availability from a batch of events, latest per device. */
  async recordStatus(events: readonly SensorEvent[], q: Queryable = this.db): Promise<void> {
    const latest = new Map<string, SensorEvent>();
    for (const e of events) {
      const prev = latest.get(e.deviceId);
      if (prev === undefined || prev.receivedAt <= e.receivedAt) latest.set(e.deviceId, e);
    }
    if (latest.size === 0) return;
    const rows = [...latest.values()];
    await q.query(
      `UPDATE devices d SET
         last_seen_at = GREATEST(d.last_seen_at, to_timestamp(u.seen / 1000.0)),
         battery = COALESCE(u.battery, d.battery),
         battery_low = COALESCE(u.battery_low, d.battery_low),
         linkquality = COALESCE(u.linkquality, d.linkquality),
         online = COALESCE(u.online, true)
       FROM unnest($1::uuid[], $2::float8[], $3::real[], $4::boolean[], $5::int[], $6::boolean[])
         AS u(id, seen, battery, battery_low, linkquality, online)
       WHERE d.id = u.id`,
      [
        rows.map((e) => e.deviceId),
        rows.map((e) => e.receivedAt),
        rows.map((e) => e.battery ?? null),
        rows.map((e) => e.batteryLow ?? null),
        rows.map((e) => (e.linkquality === undefined ? null : Math.round(e.linkquality))),
        rows.map((e) => (e.type === 'availability' ? e.value === true : null)),
      ],
    );
  }
}

function toDevice(r: DeviceRow): Device {
  return {
    id: r.id,
    format: r.format,
    address: r.address,
    residentId: r.resident_id,
    roomId: r.room_id,
    kind: r.kind,
    label: r.label,
    createdAt: isoRequired(r.created_at),
    lastSeenAt: iso(r.last_seen_at),
    battery: r.battery,
    batteryLow: r.battery_low,
    linkquality: r.linkquality,
    online: r.online,
  };
}
