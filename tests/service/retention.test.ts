/** Retention: old raw data is deleted on schedule, and dead letters stay bounded under a flood. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter, SensorEvent } from '../../gateway/contract.js';
import { Retention } from '../../service/retention.js';
import { AlertsStore } from '../../service/store/alerts-store.js';
import { DeadLettersStore } from '../../service/store/dead-letters-store.js';
import { EventsStore } from '../../service/store/events-store.js';
import { ResidentsStore } from '../../service/store/residents-store.js';
import { UnclaimedStore } from '../../service/store/unclaimed-store.js';
import { helpCandidate } from '../helpers/alert-fixtures.js';
import { testLogger } from '../helpers/silent-logger.js';
import { dbKinds, openTestDb, type TestDb } from '../helpers/test-db.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
const policy = { eventDays: 90, deadLetterDays: 14, deadLetterMax: 100, unclaimedMax: 10, alertDays: 365 };

describe.each(dbKinds())('retention on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(kind);
  });
  afterAll(() => t.drop());

  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? -1;

  it('deletes raw events older than the retention period and keeps the rest', async () => {
    const event = (daysAgo: number): SensorEvent => ({
      deviceId: '00000000-0000-4000-8000-000000000001',
      residentId: '00000000-0000-4000-8000-000000000002',
      roomId: null,
      sensorKind: 'motion',
      type: 'motion',
      value: true,
      eventTime: NOW - daysAgo * DAY,
      receivedAt: NOW - daysAgo * DAY,
    });
    await new EventsStore(t.db).insertMany([event(200), event(91), event(89), event(1)]);
    const result = await new Retention(t.db, policy, () => NOW, testLogger).run();
    expect(result.events).toBe(2);
    expect(await count('events')).toBe(2);
  });

  it('keeps dead letters bounded by age and by count, newest kept', async () => {
    const letter = (i: number, daysAgo: number): DeadLetter => ({
      topic: `t/${i}`,
      payload: '{',
      payloadBytes: 1,
      reason: 'malformed_json',
      detail: 'x',
      receivedAt: NOW - daysAgo * DAY,
    });
    const store = new DeadLettersStore(t.db);
    await store.insertMany(Array.from({ length: 5 }, (_, i) => letter(i, 30)));
    await store.insertMany(Array.from({ length: 150 }, (_, i) => letter(1000 + i, 0)));
    await new Retention(t.db, policy, () => NOW, testLogger).run();
    expect(await count('dead_letters')).toBe(100);
    const kept = await store.list({ limit: 1000 });
    expect(kept.map((d) => d.topic)).toContain('t/1149');
    expect(kept.map((d) => d.topic)).not.toContain('t/1000');
  });

  it('forgets unclaimed devices not seen for a while, and keeps at most the configured number', async () => {
    const store = new UnclaimedStore(t.db);
    const sighting = (i: number, daysAgo: number) =>
      store.record({
        format: 'z2m',
        address: `a/${i}`,
        topic: `zigbee2mqtt/a/${i}`,
        signals: [],
        payload: '{}',
        receivedAt: NOW - daysAgo * DAY - i,
      });
    await sighting(0, 20);
    for (let i = 1; i <= 15; i++) await sighting(i, 0);
    await new Retention(t.db, policy, () => NOW, testLogger).run();
    const left = (await store.list()).map((u) => u.address);
    expect(left).toHaveLength(10);
    expect(left).not.toContain('a/0');
    expect(left).toContain('a/1');
  });

  it('deletes resolved alerts after the alert period, never open ones', async () => {
    const residents = new ResidentsStore(t.db);
    const alerts = new AlertsStore(t.db);
    const r = await residents.create({ name: 'Astrid', rooms: [] });
    const old = await alerts.raise(helpCandidate(r.id, { at: NOW - 400 * DAY, foldKey: 'a' }));
    await alerts.resolve(old.alert.id, 'Eva', 'confirmed', null, NOW - 399 * DAY);
    const stillOpen = await alerts.raise(helpCandidate(r.id, { at: NOW - 400 * DAY, foldKey: 'b' }));
    const result = await new Retention(t.db, policy, () => NOW, testLogger).run();
    expect(result.alerts).toBe(1);
    expect(await alerts.get(old.alert.id)).toBeUndefined();
    expect(await alerts.get(stillOpen.alert.id)).toBeDefined();
  });
});
