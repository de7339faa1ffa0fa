/**
 * Vaka as `npm start` runs it after the build: `node dist/service/main.js`, in a process of its
 * own, so the publisher and the bench's WebSocket client never share its event loop (the honest
 * measure: in production sensors and dashboards are other machines).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, nowMs, rssOf, sleep } from './ports.js';
import { BENCH_ADMIN, type VakaClient, vakaClient } from './vaka-client.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = `${ROOT}dist/service/main.js`;

export interface RunningVaka {
  child: ChildProcess;
  client: VakaClient;
  /** From spawn to the first GET /api/v1/health 200, in ms. */
  startMs: number;
  rss(): Promise<number | undefined>;
  output(): string;
  stop(): Promise<void>;
}

export async function startVaka(env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningVaka> {
  if (!existsSync(MAIN)) throw new Error('dist/service/main.js is missing: run `npm run build` first');
  const port = await freePort();
  // A journal folder of this run's own: one left in ./data/journal by a killed run would be replayed into this run's database.
  const journalDir = mkdtempSync(join(tmpdir(), 'vaka-bench-journal-'));
  const started = nowMs();
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      VAKA_ADMIN_USER: BENCH_ADMIN.username,
      VAKA_ADMIN_PASSWORD: BENCH_ADMIN.password,
      // BENCH_JOURNAL_DIR=off measures Vaka without its write-ahead journal (docs/performance.md).
      JOURNAL_DIR: process.env.BENCH_JOURNAL_DIR ?? journalDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + String(d)).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      rmSync(journalDir, { recursive: true, force: true });
      resolve();
    }),
  );
  const client = vakaClient(`http://127.0.0.1:${port}`);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Vaka exited during start:\n${output}`);
    const health = await client.health();
    if (health !== undefined) break;
    if (nowMs() - started > 120_000) throw new Error(`Vaka not healthy in 120 s:\n${output}`);
    await sleep(20);
  }
  const startMs = nowMs() - started;
  return {
    child,
    client,
    startMs,
    rss: () => rssOf(child.pid ?? 0),
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(60_000).then(() => false)]);
      if (!done) child.kill('SIGKILL');
    },
  };
}
