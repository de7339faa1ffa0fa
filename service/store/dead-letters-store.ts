import type { DeadLetter } from '../../gateway/contract.js';
import type { DeadLetterView } from '../contract.js';
import type { Db } from '../db/db.js';
import { isoRequired } from './sql-values.js';

interface DeadLetterRow {
  id: number;
  topic: string;
  payload: string;
  payload_bytes: number;
  reason: string;
  detail: string;
  received_at: Date;
}

/** PostgreSQL text cannot hold NUL; a dead letter keeps the rest of what arrived. */
const NUL = /\u0000/g;

export class DeadLettersStore {
  constructor(private readonly db: Db) {}

  async insertMany(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    await this.db.query(
      `INSERT INTO dead_letters (topic, payload, payload_bytes, reason, detail, received_at)
       SELECT u.topic, u.payload, u.payload_bytes, u.reason, u.detail, to_timestamp(u.received_at / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::float8[])
         AS u(topic, payload, payload_bytes, reason, detail, received_at)`,
      [
        letters.map((l) => l.topic.replace(NUL, '\uFFFD')),
        letters.map((l) => l.payload.replace(NUL, '\uFFFD')),
        letters.map((l) => l.payloadBytes),
        letters.map((l) => l.reason),
        letters.map((l) => l.detail.replace(NUL, '\uFFFD')),
        letters.map((l) => l.receivedAt),
      ],
    );
  }

  async list(filter: { reason?: string | undefined; limit: number }): Promise<DeadLetterView[]> {
    const rows =
      filter.reason === undefined
        ? await this.db.query<DeadLetterRow>('SELECT * FROM dead_letters ORDER BY id DESC LIMIT $1', [filter.limit])
        : await this.db.query<DeadLetterRow>('SELECT * FROM dead_letters WHERE reason = $1 ORDER BY id DESC LIMIT $2', [
            filter.reason,
            filter.limit,
          ]);
    return rows.map((r) => ({
      id: r.id,
      topic: r.topic,
      payload: r.payload,
      payloadBytes: r.payload_bytes,
      reason: r.reason,
      detail: r.detail,
      receivedAt: isoRequired(r.received_at),
    }));
  }
}
