/** Figures for the pipeline health page from the alerts and dead-letters tables. */
import type { Metrics, Percentiles } from '../contract.js';
import type { Db } from '../db/db.js';
import { iso } from './sql-values.js';

interface AlertTimesRow {
  raised: number;
  delivered: number;
  delivery_p50: number | null;
  delivery_p90: number | null;
  delivery_max: number | null;
  acknowledged: number;
  ack_p50: number | null;
  ack_p90: number | null;
  ack_max: number | null;
}

/** Seconds from detection to `column`, for percentile_cont (which skips nulls). */
const since = (column: string) => `extract(epoch FROM ${column} - detected_at)`;

export class MetricsStore {
  constructor(private readonly db: Db) {}

  /** Alerts detected since `from` (ms since the epoch): how fast they were delivered and acknowledged. */
  async alertTimes(from: number): Promise<Omit<Metrics['alerts'], 'openUnacknowledged' | 'oldestUnacknowledgedAt'>> {
    const [row] = await this.db.query<AlertTimesRow>(
      `SELECT count(*)::int AS raised,
         count(delivered_at)::int AS delivered,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ${since('delivered_at')}) AS delivery_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY ${since('delivered_at')}) AS delivery_p90,
         max(${since('delivered_at')})::float8 AS delivery_max,
         count(acknowledged_at)::int AS acknowledged,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ${since('acknowledged_at')}) AS ack_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY ${since('acknowledged_at')}) AS ack_p90,
         max(${since('acknowledged_at')})::float8 AS ack_max
       FROM alerts WHERE detected_at >= to_timestamp($1 / 1000.0)`,
      [from],
    );
    const ms = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.round(Number(s) * 1000));
    const percentiles = (
      count: number,
      p50?: number | null,
      p90?: number | null,
      max?: number | null,
    ): Percentiles => ({
      count,
      p50Ms: ms(p50),
      p90Ms: ms(p90),
      maxMs: ms(max),
    });
    return {
      raised: row?.raised ?? 0,
      delivery: percentiles(row?.delivered ?? 0, row?.delivery_p50, row?.delivery_p90, row?.delivery_max),
      acknowledgement: percentiles(row?.acknowledged ?? 0, row?.ack_p50, row?.ack_p90, row?.ack_max),
    };
  }

  /** Open alerts nobody has acknowledged yet, whenever they were raised. */
  async unacknowledged(): Promise<{ openUnacknowledged: number; oldestUnacknowledgedAt: string | null }> {
    const [row] = await this.db.query<{ n: number; oldest: Date | null }>(
      `SELECT count(*)::int AS n, min(detected_at) AS oldest FROM alerts WHERE status = 'open'`,
    );
    return { openUnacknowledged: row?.n ?? 0, oldestUnacknowledgedAt: iso(row?.oldest ?? null) };
  }

  async deadLetters(from: number): Promise<Metrics['deadLetters']> {
    const rows = await this.db.query<{ reason: string; n: number }>(
      `SELECT reason, count(*)::int AS n FROM dead_letters WHERE received_at >= to_timestamp($1 / 1000.0)
       GROUP BY reason ORDER BY reason`,
      [from],
    );
    const byReason: Record<string, number> = {};
    for (const row of rows) byReason[row.reason] = row.n;
    return { total: rows.reduce((sum, r) => sum + r.n, 0), byReason };
  }
}
