/**
 * The storage contract: the same requirements, run against the embedded database (PGlite)
 * and, when TEST_DATABASE_URL is set, real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SensorEvent } from '../../../gateway/contract.js';
import { migrate } from '../../../service/db/migrate.js';
import { AlertsStore, AlertTransitionError } from '../../../service/store/alerts-store.js';
import { DeadLettersStore } from '../../../service/store/dead-letters-store.js';
import { DevicesStore } from '../../../service/store/devices-store.js';
import { EventsStore } from '../../../service/store/events-store.js';
import { ResidentsStore } from '../../../service/store/residents-store.js';
import { UnclaimedStore } from '../../../service/store/unclaimed-store.js';
import { dbKinds, openTestDb, type TestDb } from '../../helpers/test-db.js';

describe.each(dbKinds())('storage on %s', (kind) => {
  let t: TestDb;
  let residents: ResidentsStore;
  let devices: DevicesStore;
  let alerts: AlertsStore;
  beforeAll(async () => {
    t = await openTestDb(kind);
    residents = new ResidentsStore(t.db);
    devices = new DevicesStore(t.db);
    alerts = new AlertsStore(t.db);
  });
  afterAll(() => t.drop());

  const resident = () => residents.create({ name: 'Astrid', rooms: [{ name: 'Bathroom', kind: 'bathroom' }] });
  const event = (over: Partial<SensorEvent>): SensorEvent => ({
    deviceId: '00000000-0000-4000-8000-000000000001',
    residentId: '00000000-0000-4000-8000-000000000002',
    roomId: null,
    sensorKind: 'motion',
    type: 'motion',
    value: true,
    eventTime: 1_700_000_000_000,
    receivedAt: 1_700_000_000_100,
    ...over,
  });

  it('migrations are idempotent: a second run applies nothing', async () => {
    expect(await migrate(t.db)).toEqual([]);
  });

  it('stores a resident with rooms and lists them', async () => {
    const r = await resident();
    expect(r.rooms).toMatchObject([{ name: 'Bathroom', kind: 'bathroom' }]);
    expect((await residents.list()).map((x) => x.id)).toContain(r.id);
    expect(await residents.get(r.id)).toEqual(r);
  });

  it('registers a device once per format and address', async () => {
    const r = await resident();
    const d = await devices.create({
      format: 'z2m',
      address: 'a/b',
      residentId: r.id,
      roomId: r.rooms[0]?.id ?? null,
      kind: 'motion',
      label: null,
    });
    expect(d).toMatchObject({ format: 'z2m', address: 'a/b', lastSeenAt: null });
    await expect(
      devices.create({ format: 'z2m', address: 'a/b', residentId: r.id, roomId: null, kind: 'door', label: null }),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('records device status and resident activity from events, never moving time backwards', async () => {
    const r = await resident();
    const d = await devices.create({
      format: 'vaka',
      address: `m-${r.id}`,
      residentId: r.id,
      roomId: null,
      kind: 'motion',
      label: null,
    });
    await devices.recordStatus([event({ deviceId: d.id, battery: 70, linkquality: 99.6, receivedAt: 2_000 })]);
    expect(await devices.get(d.id)).toMatchObject({
      battery: 70,
      linkquality: 100,
      online: true,
      lastSeenAt: new Date(2000).toISOString(),
    });
    await residents.touchActivity(new Map([[r.id, { at: 5_000, roomId: null }]]));
    await residents.touchActivity(new Map([[r.id, { at: 4_000, roomId: null }]]));
    expect((await residents.get(r.id))?.lastActivityAt).toBe(new Date(5000).toISOString());
  });

  it('stores events in one batch and returns a resident’s range oldest first', async () => {
    const events = new EventsStore(t.db);
    const r = await resident();
    await events.insertMany([
      event({ residentId: r.id, eventTime: 3_000, type: 'power', value: 1850.5 }),
      event({ residentId: r.id, eventTime: 1_000 }),
      event({ residentId: r.id, eventTime: 9_000, type: 'heartbeat', value: null }),
    ]);
    const got = await events.forResident(r.id, { from: 0, to: 5_000, limit: 10 });
    expect(got.map((e) => [e.type, e.value])).toEqual([
      ['motion', true],
      ['power', 1850.5],
    ]);
    expect(typeof got[0]?.id).toBe('number');
  });

  it('stores a reading once: a copy sent again after a restart (same device, type, time) is skipped', async () => {
    const events = new EventsStore(t.db);
    const r = await resident();
    const deviceId = '00000000-0000-4000-8000-0000000000aa';
    const first = [
      event({ residentId: r.id, deviceId, eventTime: 20_000 }),
      event({ residentId: r.id, deviceId, eventTime: 21_000 }),
    ];
    expect(await events.insertMany(first)).toBe(2);
    expect(await events.insertMany([...first, event({ residentId: r.id, deviceId, eventTime: 22_000 })])).toBe(1);
    const got = await events.forResident(r.id, { from: 0, to: 30_000, limit: 10 });
    expect(got.map((e) => Date.parse(e.eventTime))).toEqual([20_000, 21_000, 22_000]);
  });

  it('keeps dead letters with their reason, NUL bytes and all', async () => {
    const store = new DeadLettersStore(t.db);
    await store.insertMany([
      { topic: 't', payload: 'a\u0000b', payloadBytes: 3, reason: 'malformed_json', detail: 'x', receivedAt: 1 },
    ]);
    const [letter] = await store.list({ limit: 5, reason: 'malformed_json' });
    expect(letter).toMatchObject({ topic: 't', payload: 'a\uFFFDb', reason: 'malformed_json' });
  });

  it('remembers unclaimed devices and counts their messages', async () => {
    const store = new UnclaimedStore(t.db);
    const s = {
      format: 'z2m' as const,
      address: 'new/pir',
      topic: 'zigbee2mqtt/new/pir',
      signals: ['occupancy' as const],
      payload: '{}',
      receivedAt: 1000,
    };
    await store.record(s);
    await store.record({ ...s, receivedAt: 2000 });
    expect(await store.get('z2m', 'new/pir')).toMatchObject({ messageCount: 2, signals: ['occupancy'] });
    await store.remove('z2m', 'new/pir');
    expect(await store.get('z2m', 'new/pir')).toBeUndefined();
  });

  describe('alerts', () => {
    const candidate = (residentId: string, at: number) => ({
      residentId,
      roomId: null,
      deviceId: null,
      kind: 'help',
      ruleId: 'HELP-1',
      severity: 'critical' as const,
      reason: 'Help requested',
      foldKey: 'help',
      at,
    });

    it('folds repeats into one open alert per resident and kind, each change numbered', async () => {
      const r = await resident();
      const first = await alerts.raise(candidate(r.id, 1000));
      const second = await alerts.raise(candidate(r.id, 2000));
      expect(first.change).toBe('opened');
      expect(second).toMatchObject({ change: 'repeated', alert: { id: first.alert.id, occurrences: 2 } });
      expect(second.seq).toBeGreaterThan(first.seq);
      expect(second.alert.lastSeenAt).toBe(new Date(2000).toISOString());
    });

    it('moves open → acknowledged → resolved, recording who and when, and refuses other moves', async () => {
      const r = await resident();
      const { alert } = await alerts.raise(candidate(r.id, 1000));
      await expect(alerts.resolve(alert.id, 'Eva', 'confirmed', null, 1500)).resolves.toBeDefined();
      const again = await alerts.raise(candidate(r.id, 3000));
      expect(again.change).toBe('opened');
      const ack = await alerts.acknowledge(again.alert.id, 'Eva', 4000);
      expect(ack.alert).toMatchObject({
        status: 'acknowledged',
        acknowledgedBy: 'Eva',
        acknowledgedAt: new Date(4000).toISOString(),
      });
      await expect(alerts.acknowledge(again.alert.id, 'Eva', 4100)).rejects.toBeInstanceOf(AlertTransitionError);
      const done = await alerts.resolve(again.alert.id, 'Nils', 'false_alarm', 'cat on the mat', 5000);
      expect(done.alert).toMatchObject({
        status: 'resolved',
        resolvedBy: 'Nils',
        outcome: 'false_alarm',
        note: 'cat on the mat',
      });
      await expect(alerts.resolve(again.alert.id, 'Nils', 'confirmed', null, 6000)).rejects.toThrow(/resolved/);
    });

    it('replays the changes after a sequence number, and says when it no longer can', async () => {
      const r = await resident();
      const a = await alerts.raise(candidate(r.id, 1000));
      const b = await alerts.acknowledge(a.alert.id, 'Eva', 2000);
      const missed = await alerts.changesSince(a.seq - 1, 100);
      expect(missed?.map((c) => [c.seq, c.change])).toEqual([
        [a.seq, 'opened'],
        [b.seq, 'acknowledged'],
      ]);
      expect(await alerts.changesSince(b.seq, 100)).toEqual([]);
      expect(await alerts.changesSince(b.seq + 1000, 100)).toBeUndefined();
      expect(await alerts.changesSince(0, 1)).toBeUndefined();
    });

    it('snapshots open and acknowledged alerts with the sequence they are current as of', async () => {
      const r = await resident();
      const a = await alerts.raise({ ...candidate(r.id, 1000), foldKey: 'snap' });
      const snap = await alerts.snapshot();
      expect(snap.seq).toBeGreaterThanOrEqual(a.seq);
      expect(snap.alerts.map((x) => x.id)).toContain(a.alert.id);
      expect(snap.alerts.every((x) => x.status !== 'resolved')).toBe(true);
    });

    it('says when an alert with a fold key last saw its condition, resolved ones included (for a journal replay)', async () => {
      const r = await resident();
      expect(await alerts.lastSeenAt(r.id, 'help')).toBeUndefined();
      const first = await alerts.raise(candidate(r.id, 1_764_000_000_123));
      await alerts.resolve(first.alert.id, 'Eva', 'confirmed', null, 1_764_000_060_000);
      expect(await alerts.lastSeenAt(r.id, 'help')).toBe(1_764_000_000_123);
      await alerts.raise(candidate(r.id, 1_764_000_100_000));
      await alerts.raise(candidate(r.id, 1_764_000_100_456));
      expect(await alerts.lastSeenAt(r.id, 'help')).toBe(1_764_000_100_456);
      expect(await alerts.lastSeenAt(r.id, 'other')).toBeUndefined();
    });

    it('sets the delivery time once, at the first delivery', async () => {
      const r = await resident();
      const { alert } = await alerts.raise({ ...candidate(r.id, 1000), foldKey: 'deliver' });
      await alerts.markDelivered([alert.id], 1200);
      await alerts.markDelivered([alert.id], 9999);
      expect((await alerts.get(alert.id))?.deliveredAt).toBe(new Date(1200).toISOString());
    });
  });
});
