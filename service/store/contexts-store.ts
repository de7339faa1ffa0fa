/**
 * Away, hospital and visitor states that staff set on a resident, one at a time, until a
 * given time. The behaviour model is told of each (service/engine.ts setContext) and takes
 * back the ones still running at start-up.
 */
import type { ContextKind } from '../contract.js';
import type { Db } from '../db/db.js';

export interface StoredContext {
  residentId: string;
  kind: ContextKind;
  /** ms since the epoch */
  until: number;
  note: string | null;
}

export class ContextsStore {
  constructor(private readonly db: Db) {}

  /** Sets (or replaces) the resident's context; false when there is no such resident. */
  async set(c: StoredContext & { by: string; at: number }): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO resident_contexts (resident_id, kind, until, note, set_by, set_at)
       SELECT r.id, $2, to_timestamp($3 / 1000.0), $4, $5, to_timestamp($6 / 1000.0) FROM residents r WHERE r.id = $1
       ON CONFLICT (resident_id) DO UPDATE SET kind = EXCLUDED.kind, until = EXCLUDED.until, note = EXCLUDED.note,
         set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
       RETURNING resident_id`,
      [c.residentId, c.kind, c.until, c.note, c.by, c.at],
    );
    return rows.length > 0;
  }

  /** Ends the resident's context now; false when none was set. */
  async clear(residentId: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM resident_contexts WHERE resident_id = $1 RETURNING resident_id', [
      residentId,
    ]);
    return rows.length > 0;
  }

  /** Contexts still running at `at` (ms), for the engine at start-up. */
  async active(at: number): Promise<StoredContext[]> {
    const rows = await this.db.query<{ resident_id: string; kind: ContextKind; until: Date; note: string | null }>(
      'SELECT resident_id, kind, until, note FROM resident_contexts WHERE until > to_timestamp($1 / 1000.0)',
      [at],
    );
    return rows.map((r) => ({ residentId: r.resident_id, kind: r.kind, until: r.until.getTime(), note: r.note }));
  }
}
