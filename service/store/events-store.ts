import type { SensorEvent } from '../../gateway/contract.js';
import type { StoredEvent } from '../contract.js';
import type { Db, Queryable } from '../db/db.js';
import { isoRequired } from './sql-values.js';

interface EventRow {
  id: number;
  device_id: string;
  room_id: string | null;
  type: StoredEvent['type'];
  value_bool: boolean | null;
  value_num: number | null;
  event_time: Date;
  received_at: Date;
  battery: number | null;
  linkquality: number | null;
}

export class EventsStore {
  constructor(private readonly db: Db) {}

  /**
   * One statement for the whole batch: arrays unnested server-side, the same on pg and PGlite.
   * A reading already stored (the same device, type and event time: a QoS 1 copy sent again after
   * a restart) is skipped. Resolves with how many were new.
   */
  async insertMany(events: readonly SensorEvent[], q: Queryable = this.db): Promise<number> {
    if (events.length === 0) return 0;
    const [row] = await q.query<{ n: number }>(
      `WITH inserted AS (INSERT INTO events (resident_id, device_id, room_id, type, value_bool, value_num, event_time, received_at, battery, linkquality)
       SELECT u.resident_id, u.device_id, u.room_id, u.type, u.value_bool, u.value_num,
         to_timestamp(u.event_time / 1000.0), to_timestamp(u.received_at / 1000.0), u.battery, u.linkquality
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::boolean[], $6::float8[], $7::float8[], $8::float8[], $9::real[], $10::int[])
         AS u(resident_id, device_id, room_id, type, value_bool, value_num, event_time, received_at, battery, linkquality)
       ON CONFLICT (device_id, type, event_time) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [
        events.map((e) => e.residentId),
        events.map((e) => e.deviceId),
        events.map((e) => e.roomId),
        events.map((e) => e.type),
        events.map((e) => (typeof e.value === 'boolean' ? e.value : null)),
        events.map((e) => (typeof e.value === 'number' ? e.value : null)),
        events.map((e) => e.eventTime),
        events.map((e) => e.receivedAt),
        events.map((e) => e.battery ?? null),
        events.map((e) => (e.linkquality === undefined ? null : Math.round(e.linkquality))),
      ],
    );
    return row?.n ?? 0;
  }

  async forResident(residentId: string, range: { from: number; to: number; limit: number }): Promise<StoredEvent[]> {
    const rows = await this.db.query<EventRow>(
      `SELECT id, device_id, room_id, type, value_bool, value_num, event_time, received_at, battery, linkquality
       FROM events
       WHERE resident_id = $1 AND event_time >= to_timestamp($2 / 1000.0) AND event_time < to_timestamp($3 / 1000.0)
       ORDER BY event_time, id LIMIT $4`,
      [residentId, range.from, range.to, range.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      deviceId: r.device_id,
      roomId: r.room_id,
      type: r.type,
      value: r.value_bool ?? r.value_num,
      eventTime: isoRequired(r.event_time),
      receivedAt: isoRequired(r.received_at),
      battery: r.battery,
      linkquality: r.linkquality,
    }));
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM events');
    return row?.n ?? 0;
  }
}
