import type {
  Alert,
  AlertAudience,
  AlertChange,
  AlertExplanation,
  AlertStatus,
  Outcome,
  Severity,
} from '../contract.js';
import type { Db, Queryable } from '../db/db.js';
import { iso, isoRequired } from './sql-values.js';

/** What a detector asks for; the store folds it into an open alert or opens a new one. */
export interface AlertCandidate {
  residentId: string;
  roomId: string | null;
  deviceId: string | null;
  kind: string;
  ruleId: string;
  severity: Severity;
  reason: string;
  /** The reason as a key and values, for the dashboard to say in the staff's language. */
  explanation?: AlertExplanation | undefined;
  /** Repeats with the same key fold into one open alert. */
  foldKey: string;
  /** Detection time, ms since the epoch. */
  at: number;
  /** The id to store it under (given when it was shown provisionally before it could be stored). */
  id?: string | undefined;
}

/** One numbered change, as the stream sends it. */
export interface SequencedChange {
  seq: number;
  change: AlertChange;
  alert: Alert;
}

interface AlertRow {
  id: string;
  resident_id: string;
  resident_name: string;
  room_id: string | null;
  room_name: string | null;
  device_id: string | null;
  kind: string;
  rule_id: string;
  severity: Severity;
  status: AlertStatus;
  reason: string;
  explanation: AlertExplanation | string | null;
  occurrences: number;
  detected_at: Date;
  last_seen_at: Date;
  delivered_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  outcome: Outcome | null;
  note: string | null;
  escalation_level: number;
  initial_severity: Severity | null;
  escalated_at: Date | null;
  audience: AlertAudience;
  notes: { id: string; by: string; text: string; at: string }[] | null;
}

const SELECT = `SELECT a.*, r.name AS resident_name, rm.name AS room_name,
    (SELECT json_agg(json_build_object('id', n.id, 'by', n.author, 'text', n.body, 'at', n.at) ORDER BY n.at, n.id)
     FROM alert_notes n WHERE n.alert_id = a.id) AS notes
  FROM alerts a JOIN residents r ON r.id = a.resident_id LEFT JOIN rooms rm ON rm.id = a.room_id`;

export class AlertTransitionError extends Error {
  readonly code = 'VAKA_ERR_ALERT_STATE';
}

export interface AlertFilter {
  status?: AlertStatus[] | undefined;
  severity?: Severity[] | undefined;
  residentId?: string | undefined;
  /** Only residents of these teams (an empty list: none); undefined: all. */
  teamIds?: string[] | undefined;
  limit: number;
}

export class AlertsStore {
  constructor(private readonly db: Db) {}

  async raise(c: AlertCandidate): Promise<SequencedChange> {
    return this.db.transaction(async (tx) => {
      const [open] = await tx.query<{ id: string }>(
        `SELECT id FROM alerts WHERE resident_id = $1 AND fold_key = $2 AND status <> 'resolved'`,
        [c.residentId, c.foldKey],
      );
      if (open !== undefined) {
        await tx.query(
          `UPDATE alerts SET occurrences = occurrences + 1,
             last_seen_at = GREATEST(last_seen_at, to_timestamp($2 / 1000.0)), reason = $3, explanation = $4::jsonb
           WHERE id = $1`,
          [open.id, c.at, c.reason, explanationJson(c)],
        );
        return record(tx, open.id, 'repeated');
      }
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO alerts (id, resident_id, room_id, device_id, kind, rule_id, severity, fold_key, reason, explanation, detected_at, last_seen_at)
         VALUES (COALESCE($10::uuid, gen_random_uuid()), $1, $2, $3, $4, $5, $6, $7, $8, $11::jsonb, to_timestamp($9 / 1000.0), to_timestamp($9 / 1000.0))
         RETURNING id`,
        [
          c.residentId,
          c.roomId,
          c.deviceId,
          c.kind,
          c.ruleId,
          c.severity,
          c.foldKey,
          c.reason,
          c.at,
          c.id ?? null,
          explanationJson(c),
        ],
      );
      if (row === undefined) throw new Error('insert returned no row');
      return record(tx, row.id, 'opened');
    });
  }

  async acknowledge(id: string, by: string, at: number): Promise<SequencedChange> {
    return this.transition(id, ['open'], 'acknowledged', async (tx) => {
      await tx.query(
        `UPDATE alerts SET status = 'acknowledged', acknowledged_at = to_timestamp($2 / 1000.0), acknowledged_by = $3
         WHERE id = $1`,
        [id, at, by],
      );
    });
  }

  async resolve(id: string, by: string, outcome: Outcome, note: string | null, at: number): Promise<SequencedChange> {
    return this.transition(id, ['open', 'acknowledged'], 'resolved', async (tx) => {
      await tx.query(
        `UPDATE alerts SET status = 'resolved', resolved_at = to_timestamp($2 / 1000.0), resolved_by = $3,
           outcome = $4, note = COALESCE($5, note),
           acknowledged_at = COALESCE(acknowledged_at, to_timestamp($2 / 1000.0)),
           acknowledged_by = COALESCE(acknowledged_by, $3)
         WHERE id = $1`,
        [id, at, by, outcome, note],
      );
    });
  }

  /** A staff note on an alert, in any state (a note after resolving is how follow-ups are kept). */
  async addNote(id: string, by: string, text: string, at: number): Promise<SequencedChange> {
    return this.transition(id, ['open', 'acknowledged', 'resolved'], 'noted', async (tx) => {
      await tx.query(
        'INSERT INTO alert_notes (alert_id, author, body, at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))',
        [id, by, text, at],
      );
    });
  }

  /**
   * One escalation step on an alert still open (nobody acknowledged): a new level, and
   * optionally a higher severity or a wider audience. Undefined when it was acknowledged or
   * resolved meanwhile, or another step already took this level.
   */
  async escalate(
    id: string,
    step: { level: number; severity: Severity; audience: AlertAudience },
    at: number,
  ): Promise<SequencedChange | undefined> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE alerts SET escalation_level = $2, initial_severity = COALESCE(initial_severity, severity), severity = $3, audience = $4, escalated_at = to_timestamp($5 / 1000.0)
         WHERE id = $1 AND status = 'open' AND escalation_level = $2 - 1 RETURNING id`,
        [id, step.level, step.severity, step.audience, at],
      );
      if (rows.length === 0) return undefined;
      return record(tx, id, 'escalated');
    });
  }

  /** Alerts nobody has acknowledged yet, with the severity they were raised with, for the escalation clock. */
  async unacknowledged(limit: number): Promise<{ alert: Alert; raisedAs: Severity }[]> {
    const rows = await this.db.query<AlertRow>(`${SELECT} WHERE a.status = 'open' ORDER BY a.detected_at LIMIT $1`, [
      limit,
    ]);
    return rows.map((row) => ({ alert: toAlert(row), raisedAs: row.initial_severity ?? row.severity }));
  }

  /** The open alert with this fold key, if any (to clear a technical condition that ended). */
  async findActive(residentId: string, foldKey: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ id: string }>(
      `SELECT id FROM alerts WHERE resident_id = $1 AND fold_key = $2 AND status <> 'resolved'`,
      [residentId, foldKey],
    );
    return row?.id;
  }

  /**
   * The latest time any alert with this fold key saw its condition, open or resolved, in ms; for
   * a journal replay after a kill, to tell an occurrence already stored from a new one.
   */
  async lastSeenAt(residentId: string, foldKey: string): Promise<number | undefined> {
    const [row] = await this.db.query<{ at: Date | string | null }>(
      'SELECT max(last_seen_at) AS at FROM alerts WHERE resident_id = $1 AND fold_key = $2',
      [residentId, foldKey],
    );
    return row?.at == null ? undefined : new Date(row.at).getTime();
  }

  /** Sets the first delivery time; later deliveries leave it as it is. */
  async markDelivered(ids: readonly string[], at: number): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      'UPDATE alerts SET delivered_at = to_timestamp($2 / 1000.0) WHERE id = ANY($1::uuid[]) AND delivered_at IS NULL',
      [ids, at],
    );
  }

  async get(id: string): Promise<Alert | undefined> {
    const [row] = await this.db.query<AlertRow>(`${SELECT} WHERE a.id = $1`, [id]);
    return row && toAlert(row);
  }

  async list(f: AlertFilter): Promise<Alert[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.status) where.push(`a.status = ANY($${params.push(f.status)}::text[])`);
    if (f.severity) where.push(`a.severity = ANY($${params.push(f.severity)}::text[])`);
    if (f.residentId) where.push(`a.resident_id = $${params.push(f.residentId)}`);
    // An alert widened by escalation goes to every carer, whatever their team.
    if (f.teamIds) where.push(`(r.team_id = ANY($${params.push(f.teamIds)}::uuid[]) OR a.audience = 'everyone')`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.db.query<AlertRow>(
      `${SELECT} ${clause} ORDER BY a.detected_at DESC, a.id LIMIT $${params.push(f.limit)}`,
      params,
    );
    return rows.map(toAlert);
  }

  /** Open and acknowledged alerts with the sequence number they are current as of. */
  async snapshot(): Promise<{ seq: number; alerts: Alert[] }> {
    return this.db.transaction(async (tx) => {
      const [head] = await tx.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM alert_changes');
      const rows = await tx.query<AlertRow>(`${SELECT} WHERE a.status <> 'resolved' ORDER BY a.detected_at DESC`);
      return { seq: head?.seq ?? 0, alerts: rows.map(toAlert) };
    });
  }

  /** Changes after `seq`, oldest first; undefined when `seq` is older than what is kept. */
  async changesSince(seq: number, limit: number): Promise<SequencedChange[] | undefined> {
    const [bounds] = await this.db.query<{ min: number | null; max: number | null }>(
      'SELECT min(seq) AS min, max(seq) AS max FROM alert_changes',
    );
    const min = bounds?.min ?? null;
    const max = bounds?.max ?? 0;
    if (seq > max) return undefined;
    if (min !== null && seq < min - 1) return undefined;
    const rows = await this.db.query<{ seq: number; change: AlertChange; alert: Alert }>(
      'SELECT seq, change, alert FROM alert_changes WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit + 1],
    );
    if (rows.length > limit) return undefined;
    // Changes recorded before alerts had explanations lack the field.
    return rows.map((r) => ({ ...r, alert: { ...r.alert, explanation: r.alert.explanation ?? null } }));
  }

  private async transition(
    id: string,
    from: AlertStatus[],
    change: AlertChange,
    apply: (tx: Queryable) => Promise<void>,
  ): Promise<SequencedChange> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ status: AlertStatus }>('SELECT status FROM alerts WHERE id = $1 FOR UPDATE', [id]);
      if (row === undefined) throw new AlertTransitionError(`no alert ${id}`);
      if (!from.includes(row.status)) {
        throw new AlertTransitionError(`alert is ${row.status}; it can be ${change} only when ${from.join(' or ')}`);
      }
      await apply(tx);
      return record(tx, id, change);
    });
  }
}

async function record(tx: Queryable, id: string, change: AlertChange): Promise<SequencedChange> {
  const [row] = await tx.query<AlertRow>(`${SELECT} WHERE a.id = $1`, [id]);
  if (row === undefined) throw new Error(`alert ${id} vanished`);
  const alert = toAlert(row);
  const [seq] = await tx.query<{ seq: number }>(
    'INSERT INTO alert_changes (alert_id, change, alert) VALUES ($1, $2, $3::jsonb) RETURNING seq',
    [id, change, JSON.stringify(alert)],
  );
  if (seq === undefined) throw new Error('insert returned no row');
  return { seq: seq.seq, change, alert };
}

function explanationJson(c: AlertCandidate): string | null {
  return c.explanation === undefined ? null : JSON.stringify(c.explanation);
}

function toAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    residentId: r.resident_id,
    residentName: r.resident_name,
    roomId: r.room_id,
    roomName: r.room_name,
    deviceId: r.device_id,
    kind: r.kind,
    ruleId: r.rule_id,
    severity: r.severity,
    status: r.status,
    reason: r.reason,
    explanation: typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation,
    occurrences: r.occurrences,
    detectedAt: isoRequired(r.detected_at),
    lastSeenAt: isoRequired(r.last_seen_at),
    deliveredAt: iso(r.delivered_at),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: iso(r.resolved_at),
    resolvedBy: r.resolved_by,
    outcome: r.outcome,
    note: r.note,
    escalationLevel: r.escalation_level,
    escalatedAt: iso(r.escalated_at),
    audience: r.audience,
    notes: (r.notes ?? []).map((n) => ({ ...n, at: new Date(n.at).toISOString() })),
  };
}
