/**
 * Versioned plain-SQL migrations: service/db/migrations/NNNN_name.sql, applied in order,
 * each once, each in its own transaction, on PostgreSQL and PGlite alike.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

/** The SQL files live beside this module in the source tree; the build does not copy them. */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'migrations'), join(here, '../../../service/db/migrations')];
  const found = candidates.find((dir) => existsSync(dir));
  if (found === undefined) throw new Error(`no migrations folder in ${candidates.join(' or ')}`);
  return found;
}

/** An arbitrary constant: holders of this advisory lock are migrating this database. */
const MIGRATION_LOCK = 7_312_001;

export async function migrate(db: Db, dir = migrationsDir()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = file.slice(0, 4);
    const sql = await readFile(join(dir, file), 'utf8');
    const ran = await db.transaction(async (tx) => {
      // Two Vaka processes starting at once against one PostgreSQL must not both migrate.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (done.length > 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      return true;
    });
    if (ran) applied.push(file);
  }
  return applied;
}

/** Splits a migration on semicolons at line ends; migrations keep one statement per `;`-ended block. */
export function splitStatements(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
