import type { AuditEntry } from '../contract.js';
import type { Db } from '../db/db.js';
import { isoRequired } from './sql-values.js';

export type AuditRecord = Omit<AuditEntry, 'id' | 'at'> & { at?: number };

interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_id: string | null;
  outcome: AuditEntry['outcome'];
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  targetId?: string | undefined;
  limit: number;
}

export class AuditStore {
  constructor(private readonly db: Db) {}

  async write(e: AuditRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (at, actor_id, actor_name, action, target_id, outcome, ip, detail)
       VALUES (to_timestamp($1 / 1000.0), $2, $3, $4, $5, $6, $7, $8)`,
      [e.at ?? Date.now(), e.actorId, e.actorName, e.action, e.targetId, e.outcome, e.ip, JSON.stringify(e.detail)],
    );
  }

  /**
   * Times of failed sign-ins (ms, newest first) from `ip` after `since`; with `username`, only
   * that name's, after its last successful sign-in from the same address (the login throttle).
   */
  async loginFailures(ip: string, since: number, limit: number, username?: string): Promise<number[]> {
    const params: unknown[] = [ip, since, limit];
    const mine =
      username === undefined
        ? ''
        : `AND actor_name = $${params.push(username)} AND at > COALESCE(
             (SELECT max(at) FROM audit_log WHERE action = 'auth.login' AND outcome = 'success' AND ip = $1 AND actor_name = $4),
             '-infinity'::timestamptz)`;
    const rows = await this.db.query<{ t: number | string }>(
      `SELECT extract(epoch FROM at) * 1000 AS t FROM audit_log
       WHERE action = 'auth.login' AND outcome = 'failure' AND ip = $1 AND at > to_timestamp($2 / 1000.0) ${mine}
       ORDER BY at DESC LIMIT $3`,
      params,
    );
    return rows.map((r) => Math.round(Number(r.t)));
  }

  /** Newest first. */
  async list(f: AuditFilter): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.action) where.push(`action = $${params.push(f.action)}`);
    if (f.actorId) where.push(`actor_id = $${params.push(f.actorId)}`);
    if (f.targetId) where.push(`target_id = $${params.push(f.targetId)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.db.query<AuditRow>(
      `SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT $${params.push(f.limit)}`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: isoRequired(r.at),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      targetId: r.target_id,
      outcome: r.outcome,
      ip: r.ip,
      detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
    }));
  }
}
