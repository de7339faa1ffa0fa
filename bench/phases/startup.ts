/**
 * Start-up: from spawning `node dist/service/main.js` (what `npm start` runs after its build
 * step) to the first GET /api/v1/health 200, and the process's resident memory then. Embedded
 * (PGlite + aedes in the process, a fresh DATA_DIR; then again on the same folder, as after a
 * restart) and with real services (DATABASE_URL, MQTT_URL).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Broker } from '../lib/mosquitto.js';
import { freePort } from '../lib/ports.js';
import { createDatabase } from '../lib/postgres.js';
import { startVaka } from '../lib/vaka-process.js';

export interface StartupFigures {
  mode: string;
  toHealthyMs: number;
  rssBytes: number | undefined;
}

async function once(mode: string, env: Record<string, string>): Promise<StartupFigures> {
  const vaka = await startVaka(env);
  try {
    return { mode, toHealthyMs: vaka.startMs, rssBytes: await vaka.rss() };
  } finally {
    await vaka.stop();
  }
}

export async function startup(broker: Broker): Promise<StartupFigures[]> {
  const out: StartupFigures[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'vaka-bench-data-'));
  try {
    const embedded = async () => ({ DATA_DIR: dataDir, MQTT_PORT: String(await freePort()) });
    out.push(await once('embedded, fresh DATA_DIR (PGlite + aedes)', await embedded()));
    out.push(await once('embedded, existing DATA_DIR (restart)', await embedded()));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const db = await createDatabase();
  try {
    out.push(await once('real services (PostgreSQL + Mosquitto)', { DATABASE_URL: db.url, MQTT_URL: broker.url }));
  } finally {
    await db.drop();
  }
  return out;
}
