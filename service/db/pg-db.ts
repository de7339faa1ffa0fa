import pg from 'pg';
import { DatabaseUnreachableError, type Db, type Queryable } from './db.js';

/** pg returns BIGINT (oid 20) and NUMERIC (1700) as strings; PGlite returns numbers. Agree on numbers. */
const NUMERIC_OIDS = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_OIDS.has(oid)
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  // A connection attempt that hangs (a half-open network) fails after 5 s instead of waiting for ever.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types, connectionTimeoutMillis: 5000 });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new DatabaseUnreachableError(`cannot reach PostgreSQL: ${(error as Error).message}`);
  }
  const query = async <R>(sql: string, params?: readonly unknown[]) =>
    (await pool.query(sql, params as unknown[])).rows as R[];
  return {
    kind: 'postgres',
    query,
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      // The connection can die between two statements of the transaction; pg then emits
      // 'error' on the checked-out client, which would crash the process if nobody listened.
      // The next statement fails with the error instead, and the rollback path handles it.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      client.on('error', onError);
      const tx: Queryable = {
        query: async <R>(sql: string, params?: readonly unknown[]) =>
          (await client.query(sql, params as unknown[])).rows as R[],
      };
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dead: the pool must not hand it out again.
        await client.query('ROLLBACK').catch((rollback: Error) => {
          broken = rollback;
        });
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken ?? lost);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
