/**
 * Sessions: an opaque random token (256 bits) goes to the client once; the table keeps only
 * its SHA-256, an expiry and a revocation time. Logout and password changes revoke at once,
 * which a signed token could not do without a deny list.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';

export interface SessionRecord {
  id: string;
  userId: string;
  expiresAt: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionsStore {
  constructor(private readonly db: Db) {}

  async create(userId: string, expiresAt: number): Promise<{ token: string; session: SessionRecord }> {
    const token = randomBytes(32).toString('base64url');
    const [row] = await this.db.query<{ id: string }>(
      'INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, to_timestamp($3 / 1000.0)) RETURNING id',
      [hashToken(token), userId, expiresAt],
    );
    if (row === undefined) throw new Error('insert returned no row');
    return { token, session: { id: row.id, userId, expiresAt } };
  }

  /** The live session for a token: not expired at `now`, not revoked. */
  async find(token: string, now: number): Promise<SessionRecord | undefined> {
    const [row] = await this.db.query<{ id: string; user_id: string; expires_at: Date }>(
      `SELECT id, user_id, expires_at FROM sessions
       WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > to_timestamp($2 / 1000.0)`,
      [hashToken(token), now],
    );
    return row && { id: row.id, userId: row.user_id, expiresAt: new Date(row.expires_at).getTime() };
  }

  async revoke(id: string): Promise<void> {
    await this.db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  }

  /** Ends every session of a user but `except` (password changed, disabled, role changed); returns their ids. */
  async revokeAllOf(userId: string, except: string | null = null): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE sessions SET revoked_at = now()
       WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid) RETURNING id`,
      [userId, except],
    );
    return rows.map((r) => r.id);
  }

  /** Drops sessions that ended more than a day before `now` (they can never be used again). */
  async prune(now: number): Promise<void> {
    await this.db.query(
      `DELETE FROM sessions WHERE expires_at < to_timestamp($1 / 1000.0) - interval '1 day'
         OR revoked_at < to_timestamp($1 / 1000.0) - interval '1 day'`,
      [now],
    );
  }
}
