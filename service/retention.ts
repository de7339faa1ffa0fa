/**
 * Retention: health data is kept only as long as it serves care (data minimisation), and
 * nothing grows without bound under a flood. Raw events go after EVENT_RETENTION_DAYS (what
 * the behaviour model needs lives on as its learned aggregates in resident_models); dead
 * letters after DEAD_LETTER_RETENTION_DAYS and beyond DEAD_LETTER_MAX rows; unclaimed
 * sightings after the same days and beyond UNCLAIMED_MAX; resolved alerts and the stream's
 * change history after ALERT_RETENTION_DAYS. Deletes run in batches so ingest is never
 * blocked for long.
 */
import type { Logger } from 'pino';
import type { Db } from './db/db.js';

export interface RetentionPolicy {
  eventDays: number;
  deadLetterDays: number;
  deadLetterMax: number;
  unclaimedMax: number;
  alertDays: number;
}

export interface RetentionResult {
  events: number;
  deadLetters: number;
  unclaimed: number;
  alerts: number;
  alertChanges: number;
}

/** Rows deleted per statement. */
const BATCH = 10_000;
const DAY_MS = 86_400_000;

export class Retention {
  constructor(
    private readonly db: Db,
    private readonly policy: RetentionPolicy,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  async run(): Promise<RetentionResult> {
    const at = this.now();
    const before = (days: number) => new Date(at - days * DAY_MS).toISOString();
    const result: RetentionResult = {
      events: await this.batched(
        'DELETE FROM events WHERE id IN (SELECT id FROM events WHERE received_at < $1 LIMIT $2) RETURNING 1',
        [before(this.policy.eventDays)],
      ),
      deadLetters:
        (await this.batched(
          'DELETE FROM dead_letters WHERE id IN (SELECT id FROM dead_letters WHERE received_at < $1 LIMIT $2) RETURNING 1',
          [before(this.policy.deadLetterDays)],
        )) +
        (await this.count(
          `DELETE FROM dead_letters WHERE id <= (SELECT id FROM dead_letters ORDER BY id DESC OFFSET $1 LIMIT 1) RETURNING 1`,
          [this.policy.deadLetterMax],
        )),
      unclaimed:
        (await this.count('DELETE FROM unclaimed_devices WHERE last_seen_at < $1 RETURNING 1', [
          before(this.policy.deadLetterDays),
        ])) +
        (await this.count(
          `DELETE FROM unclaimed_devices WHERE (format, address) IN (
             SELECT format, address FROM unclaimed_devices ORDER BY last_seen_at DESC OFFSET $1) RETURNING 1`,
          [this.policy.unclaimedMax],
        )),
      alerts: await this.count("DELETE FROM alerts WHERE status = 'resolved' AND resolved_at < $1 RETURNING 1", [
        before(this.policy.alertDays),
      ]),
      alertChanges: await this.batched(
        'DELETE FROM alert_changes WHERE seq IN (SELECT seq FROM alert_changes WHERE at < $1 LIMIT $2) RETURNING 1',
        [before(this.policy.alertDays)],
      ),
    };
    const total = Object.values(result).reduce((a, b) => a + b, 0);
    if (total > 0) this.log.info({ deleted: result }, 'retention: deleted old rows');
    return result;
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    return (await this.db.query(sql, params)).length;
  }

  /** Repeats a `LIMIT $2` delete until a batch comes back short. */
  private async batched(sql: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.count(sql, [...params, BATCH]);
      total += n;
      if (n < BATCH) return total;
    }
  }
}
