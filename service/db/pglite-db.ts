import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.js';

/**
 * Embedded PostgreSQL (PGlite, PostgreSQL compiled to wasm) with its files in `dataDir`, or
 * in memory when dataDir is undefined or `memory://` (tests). A fresh database costs about 2 s and 700 MB
 * resident; reopening an existing folder about 0.3 s (../shared/stack-facts.md).
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir !== undefined && !dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const query = async <R>(sql: string, params?: readonly unknown[]) =>
    (await db.query<R>(sql, params as unknown[])).rows;
  return {
    kind: 'pglite',
    query,
    async exec(sql) {
      await db.exec(sql);
    },
    transaction(work) {
      return db.transaction((tx) => {
        const q: Queryable = {
          query: async <R>(sql: string, params?: readonly unknown[]) =>
            (await tx.query<R>(sql, params as unknown[])).rows,
        };
        return work(q);
      });
    },
    async close() {
      await db.close();
    },
  };
}
