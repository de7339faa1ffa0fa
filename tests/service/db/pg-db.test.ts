/** The PostgreSQL seam when the connection dies: errors come back to the caller, never crash the process. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../service/db/db.js';
import { openPostgres } from '../../../service/db/pg-db.js';
import { testEnv } from '../../helpers/env.js';
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.js';

describe.skipIf(testEnv.databaseUrl === undefined)('PostgreSQL connection lost', () => {
  let proxy: TcpProxy;
  let db: Db;
  beforeAll(async () => {
    const direct = new URL(testEnv.databaseUrl ?? '');
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    direct.hostname = '127.0.0.1';
    direct.port = String(proxy.port);
    db = await openPostgres(direct.toString(), { max: 2 });
  });
  afterAll(async () => {
    await db?.close();
    await proxy?.close();
  });

  it('fails a transaction whose connection dies between statements, and works again once it is back', async () => {
    let resume: () => void = () => {};
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const tx = db.transaction(async (q) => {
      await q.query('SELECT 1');
      await paused; // the connection is cut here, while the client is checked out and idle
      await q.query('SELECT 2');
    });
    await new Promise((r) => setTimeout(r, 100));
    proxy.cut();
    await new Promise((r) => setTimeout(r, 200));
    resume();
    await expect(tx).rejects.toThrow();
    await expect(db.query('SELECT 1')).rejects.toThrow();
    proxy.restore();
    await expect(db.query<{ n: number }>('SELECT 1 AS n')).resolves.toEqual([{ n: 1 }]);
  });
});
