/**
 * Onboards the cohort's homes straight into the benchmark's database before Vaka starts (Vaka
 * loads its device registry at start). Onboarding is not what is measured, and 10,000 residents
 * through the REST API would add minutes to every run. Same tables the REST API writes.
 */
import { randomUUID } from 'node:crypto';
import { migrate } from '../../service/db/migrate.js';
import { openPostgres } from '../../service/db/pg-db.js';
import type { Home } from '../../simulator/index.js';

/** A device that can raise a critical alert, for timing publish → alert frame. */
export interface AlertTarget {
  residentId: string;
  address: string;
  type: 'help' | 'fall';
}

export interface Seeded {
  residents: number;
  devices: number;
  targets: AlertTarget[];
}

/**
 * The device of a home that raises a critical alert, alternating help buttons and fall
 * detectors/wearables by `turn` where the home has both; undefined when it has neither.
 * The resident id is the home's id until the database gives it one.
 */
export function targetOf(home: Home, turn: number): AlertTarget | undefined {
  const help = home.devices.find((d) => d.kind === 'help_button');
  const fall = home.devices.find((d) => d.kind === 'fall_detector' || d.kind === 'wearable');
  const pick = turn % 2 === 0 ? (help ?? fall) : (fall ?? help);
  if (pick === undefined) return undefined;
  return { residentId: home.id, address: pick.address, type: pick.kind === 'help_button' ? 'help' : 'fall' };
}

export function targetsOf(homes: readonly Home[]): AlertTarget[] {
  const out: AlertTarget[] = [];
  for (const home of homes) {
    const target = targetOf(home, out.length);
    if (target !== undefined) out.push(target);
  }
  return out;
}

export async function seedHomes(url: string, homes: readonly Home[]): Promise<Seeded> {
  const db = await openPostgres(url, { max: 1 });
  try {
    await migrate(db);
    const residents: [string[], string[]] = [[], []];
    const rooms: [string[], string[], string[], string[]] = [[], [], [], []];
    const devices: [string[], string[], (string | null)[], string[]] = [[], [], [], []];
    const targets: AlertTarget[] = [];
    for (const home of homes) {
      const residentId = randomUUID();
      residents[0].push(residentId);
      residents[1].push(home.resident);
      const roomIds = new Map<string, string>();
      for (const room of home.rooms) {
        const roomId = randomUUID();
        roomIds.set(room.name, roomId);
        rooms[0].push(roomId);
        rooms[1].push(residentId);
        rooms[2].push(room.name);
        rooms[3].push(room.kind);
      }
      for (const device of home.devices) {
        devices[0].push(device.address);
        devices[1].push(residentId);
        devices[2].push(device.kind === 'wearable' ? null : (roomIds.get(device.room) ?? null));
        devices[3].push(device.kind);
      }
      const target = targetOf(home, targets.length);
      if (target !== undefined) targets.push({ ...target, residentId });
    }
    await db.query('INSERT INTO residents (id, name) SELECT * FROM unnest($1::uuid[], $2::text[])', residents);
    await db.query(
      'INSERT INTO rooms (id, resident_id, name, kind) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])',
      rooms,
    );
    await db.query(
      `INSERT INTO devices (format, address, resident_id, room_id, kind)
       SELECT 'vaka', * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[])`,
      devices,
    );
    return { residents: homes.length, devices: devices[0].length, targets };
  } finally {
    await db.close();
  }
}

/** Rows in the events table: what Vaka really stored. */
export async function countEvents(url: string): Promise<number> {
  const db = await openPostgres(url, { max: 1 });
  try {
    const rows = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM events');
    return Number(rows[0]?.n ?? 0);
  } finally {
    await db.close();
  }
}
