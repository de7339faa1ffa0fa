/**
 * A PostgreSQL database of the benchmark's own for one run, dropped afterwards.
 * BENCH_DATABASE_URL names the server (any database on it the user may connect to);
 * default postgres://postgres@127.0.0.1:5432/postgres, as the development machines are set up.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(base: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(
  base = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL,
): Promise<BenchDatabase> {
  const name = `vaka_bench_${randomBytes(5).toString('hex')}`;
  await admin(base, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
