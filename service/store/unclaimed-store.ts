import type { PayloadFormat, UnclaimedSighting } from '../../gateway/contract.js';
import type { UnclaimedDevice } from '../contract.js';
import type { Db } from '../db/db.js';
import { isoRequired } from './sql-values.js';

interface UnclaimedRow {
  format: PayloadFormat;
  address: string;
  topic: string;
  signals: string[];
  sample_payload: string;
  first_seen_at: Date;
  last_seen_at: Date;
  message_count: number;
}

/** Devices the broker has seen that no resident has yet: what an operator picks from to claim one. */
export class UnclaimedStore {
  constructor(private readonly db: Db) {}

  async record(s: UnclaimedSighting): Promise<void> {
    await this.db.query(
      `INSERT INTO unclaimed_devices (format, address, topic, signals, sample_payload, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, to_timestamp($6 / 1000.0), to_timestamp($6 / 1000.0))
       ON CONFLICT (format, address) DO UPDATE SET
         topic = EXCLUDED.topic, signals = EXCLUDED.signals, sample_payload = EXCLUDED.sample_payload,
         last_seen_at = EXCLUDED.last_seen_at, message_count = unclaimed_devices.message_count + 1`,
      [s.format, s.address, s.topic, JSON.stringify(s.signals), s.payload, s.receivedAt],
    );
  }

  async list(): Promise<UnclaimedDevice[]> {
    const rows = await this.db.query<UnclaimedRow>(
      'SELECT * FROM unclaimed_devices ORDER BY last_seen_at DESC LIMIT 1000',
    );
    return rows.map(toUnclaimed);
  }

  async get(format: PayloadFormat, address: string): Promise<UnclaimedDevice | undefined> {
    const [row] = await this.db.query<UnclaimedRow>(
      'SELECT * FROM unclaimed_devices WHERE format = $1 AND address = $2',
      [format, address],
    );
    return row && toUnclaimed(row);
  }

  async remove(format: PayloadFormat, address: string): Promise<void> {
    await this.db.query('DELETE FROM unclaimed_devices WHERE format = $1 AND address = $2', [format, address]);
  }
}

function toUnclaimed(r: UnclaimedRow): UnclaimedDevice {
  return {
    format: r.format,
    address: r.address,
    topic: r.topic,
    signals: r.signals,
    samplePayload: r.sample_payload,
    firstSeenAt: isoRequired(r.first_seen_at),
    lastSeenAt: isoRequired(r.last_seen_at),
    messageCount: r.message_count,
  };
}
