/**
 * The behaviour models' storage: one JSON state per resident (migration 0002). Saved in
 * batches; a state whose resident no longer exists is skipped, never an error.
 */
import type { Db } from '../db/db.js';

export interface SavedModel {
  residentId: string;
  state: unknown;
}

export class ModelStore {
  constructor(private readonly db: Db) {}

  async loadAll(): Promise<SavedModel[]> {
    const rows = await this.db.query<{ resident_id: string; state: unknown }>(
      'SELECT resident_id, state FROM resident_models',
    );
    return rows.map((r) => ({
      residentId: r.resident_id,
      state: typeof r.state === 'string' ? JSON.parse(r.state) : r.state,
    }));
  }

  /** Upserts each state; returns how many were written. */
  async saveMany(models: readonly SavedModel[], at: number): Promise<number> {
    if (models.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      let written = 0;
      for (const m of models) {
        const rows = await tx.query(
          `INSERT INTO resident_models (resident_id, state, updated_at)
           SELECT r.id, $2::jsonb, to_timestamp($3 / 1000.0) FROM residents r WHERE r.id::text = $1
           ON CONFLICT (resident_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
           RETURNING resident_id`,
          [m.residentId, JSON.stringify(m.state), at],
        );
        written += rows.length;
      }
      return written;
    });
  }
}
