/**
 * A resident's activity as room × local-hour counts, straight from the events table, for the
 * resident page's chart. Only readings that mean a person did something are counted: movement
 * or presence detected, a door opened or closed, a button pressed, an appliance switched on.
 */
import type { ActivityCell } from '../contract.js';
import type { Db } from '../db/db.js';

/** An appliance drawing more than this is in use (a kettle, a TV), in watts. */
export const POWER_IN_USE_W = 5;

const ACTIVITY = `(
  (type IN ('motion', 'presence', 'occupancy', 'help', 'fall', 'vibration') AND value_bool IS TRUE)
  OR type = 'contact'
  OR (type = 'power' AND value_num > ${POWER_IN_USE_W})
)`;

export class ActivityStore {
  constructor(private readonly db: Db) {}

  /** Cells with activity between `from` and `to` (ms since the epoch), in `timeZone`'s clock hours. */
  async cells(residentId: string, range: { from: number; to: number; timeZone: string }): Promise<ActivityCell[]> {
    return this.db.query<ActivityCell>(
      `SELECT to_char(event_time AT TIME ZONE $4, 'YYYY-MM-DD') AS day,
         extract(hour FROM event_time AT TIME ZONE $4)::int AS hour,
         room_id AS "roomId", count(*)::int AS count
       FROM events
       WHERE resident_id = $1 AND event_time >= to_timestamp($2 / 1000.0) AND event_time < to_timestamp($3 / 1000.0)
         AND ${ACTIVITY}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [residentId, range.from, range.to, range.timeZone],
    );
  }
}
