/**
 * A database of the test's own: a fresh schema in the real PostgreSQL (TEST_DATABASE_URL),
 * or an in-memory PGlite. Each test file gets its own, so files never collide.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../service/db/db.js';
import { migrate } from '../../service/db/migrate.js';
import { openPostgres } from '../../service/db/pg-db.js';
import { openPglite } from '../../service/db/pglite-db.js';
import { testEnv } from './env.js';

export interface TestDb {
  db: Db;
  /** A connection URL for a separate process (postgres only). */
  url: string | undefined;
  drop(): Promise<void>;
}

export type DbKind = 'pglite' | 'postgres';

/** The kinds to run storage contract tests against: always PGlite, and PostgreSQL when configured. */
export function dbKinds(): DbKind[] {
  return testEnv.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDb(kind: DbKind = testEnv.databaseUrl ? 'postgres' : 'pglite'): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, url: undefined, drop: () => db.close() };
  }
  const { url, drop } = await createSchema();
  const db = await openPostgres(url, { max: 4 });
  await migrate(db);
  return {
    db,
    url,
    async drop() {
      await db.close();
      await drop();
    },
  };
}

/** A fresh empty schema and a URL whose connections use it. */
export async function createSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = testEnv.databaseUrl;
  if (base === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `vaka_t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(base, { max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const a = await openPostgres(base, { max: 1 });
      await a.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await a.close();
    },
  };
}
