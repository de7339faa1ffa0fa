/**
 * The one seam between Vaka and its database. Two implementations, PostgreSQL (pg) and the
 * embedded PGlite, run the same SQL; the same contract tests run against both.
 */
export interface Queryable {
  /** One statement with $1… parameters; rows come back with BIGINT and NUMERIC as numbers. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  readonly code = 'VAKA_ERR_DATABASE_UNREACHABLE';
}
