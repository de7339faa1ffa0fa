/**
 * The alert lifecycle after an alert is raised: escalation of alerts nobody acknowledges,
 * and staff notes — each change stored, numbered and sent to every dashboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertService } from '../../../service/alerts/alert-service.js';
import type { Severity, StreamFrame } from '../../../service/contract.js';
import { AlertsStore } from '../../../service/store/alerts-store.js';
import { ResidentsStore } from '../../../service/store/residents-store.js';
import { StreamHub } from '../../../service/stream/hub.js';
import { helpRequest } from '../../helpers/alert-fixtures.js';
import { testLogger } from '../../helpers/silent-logger.js';
import { dbKinds, openTestDb, type TestDb } from '../../helpers/test-db.js';

const T0 = Date.parse('2026-11-20T03:00:00Z');
const MIN = 60_000;

describe.each(dbKinds())('alert lifecycle on %s', (kind) => {
  let t: TestDb;
  let residents: ResidentsStore;
  let service: AlertService;
  let clock = T0;
  const frames: StreamFrame[] = [];
  beforeAll(async () => {
    t = await openTestDb(kind);
    residents = new ResidentsStore(t.db);
    const hub = new StreamHub();
    hub.add({
      send: async (frame) => {
        frames.push(frame);
        return true;
      },
    });
    service = new AlertService(new AlertsStore(t.db), hub, () => clock, testLogger);
  });
  afterAll(() => t.drop());

  async function raise(severity: Severity) {
    const r = await residents.create({ name: 'Astrid', rooms: [] });
    await service.apply([helpRequest(r.id, { severity, at: T0 })]);
    const opened = frames.findLast((f) => f.type === 'alert' && f.change === 'opened');
    if (opened?.type !== 'alert') throw new Error('no opened frame');
    return opened.alert;
  }
  const changesOf = (id: string) =>
    frames.flatMap((f) =>
      f.type === 'alert' && f.alert.id === id ? [[f.change, f.alert.severity, f.alert.audience]] : [],
    );

  it('re-notifies an unacknowledged critical alert at 2 min and sends it to everyone at 5 min', async () => {
    const alert = await raise('critical');
    expect(await service.escalate(T0 + 2 * MIN - 1000)).toEqual([]);
    const first = await service.escalate(T0 + 2 * MIN);
    expect(first.map((a) => [a.id, a.escalationLevel])).toEqual([[alert.id, 1]]);
    expect(first[0]?.escalatedAt).toBe(new Date(T0 + 2 * MIN).toISOString());
    await service.escalate(T0 + 5 * MIN);
    expect(changesOf(alert.id)).toEqual([
      ['opened', 'critical', 'team'],
      ['escalated', 'critical', 'team'],
      ['escalated', 'critical', 'everyone'],
    ]);
    // The same check again changes nothing: each step is taken once.
    expect((await service.escalate(T0 + 5 * MIN)).map((a) => a.id)).not.toContain(alert.id);
  });

  it('takes every step that fell due since the last check, in order', async () => {
    const alert = await raise('high');
    const steps = (await service.escalate(T0 + 16 * MIN)).filter((a) => a.id === alert.id);
    expect(steps.map((a) => [a.escalationLevel, a.severity, a.audience])).toEqual([
      [1, 'high', 'team'],
      [2, 'critical', 'team'],
      [3, 'critical', 'everyone'],
    ]);
  });

  it('does not escalate an alert someone has acknowledged', async () => {
    const alert = await raise('critical');
    clock = T0 + MIN;
    await service.acknowledge(alert.id, 'Eva');
    const escalated = await service.escalate(T0 + 30 * MIN);
    expect(escalated.map((a) => a.id)).not.toContain(alert.id);
    clock = T0;
  });

  it('keeps staff notes on an alert, oldest first, in any state, and sends each to the dashboards', async () => {
    const alert = await raise('medium');
    clock = T0 + MIN;
    await service.addNote(alert.id, 'Eva', 'Called her; no answer, driving over');
    clock = T0 + 20 * MIN;
    await service.resolve(alert.id, 'Eva', 'confirmed', null);
    clock = T0 + 21 * MIN;
    const after = await service.addNote(alert.id, 'Eva', 'Follow-up: GP visit booked');
    expect(after.notes.map((n) => [n.by, n.text, n.at])).toEqual([
      ['Eva', 'Called her; no answer, driving over', new Date(T0 + MIN).toISOString()],
      ['Eva', 'Follow-up: GP visit booked', new Date(T0 + 21 * MIN).toISOString()],
    ]);
    expect(after.status).toBe('resolved');
    expect(changesOf(alert.id).map(([change]) => change)).toEqual(['opened', 'noted', 'resolved', 'noted']);
    clock = T0;
  });

  it('holds an alert the database cannot store, shows it at once as provisional, and stores it when the database is back', async () => {
    const r = await residents.create({ name: 'Greta', rooms: [] });
    const store = new AlertsStore(t.db);
    let down = true;
    const flaky = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'raise' || typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          down ? Promise.reject(new Error('connection refused')) : value.apply(target, args);
      },
    });
    const seen: StreamFrame[] = [];
    const hub = new StreamHub();
    hub.add({
      send: async (f) => {
        seen.push(f);
        return true;
      },
    });
    const held = new AlertService(flaky, hub, () => T0, testLogger, { residentName: () => 'Greta' });
    await held.apply([helpRequest(r.id, { at: T0 })]);
    expect(held.pending.held).toBe(1);
    const [shown] = seen;
    expect(shown).toMatchObject({
      type: 'provisional',
      alert: { residentName: 'Greta', kind: 'help', status: 'open' },
    });
    // A later action waits behind it, so order is kept.
    await held.apply([helpRequest(r.id, { at: T0 + 1000, foldKey: 'help-2' })]);
    expect(held.pending.held).toBe(2);
    down = false;
    await held.retryHeld();
    expect(held.pending.held).toBe(0);
    const opened = seen.filter((f) => f.type === 'alert' && f.change === 'opened');
    expect(opened).toHaveLength(2);
    // Stored under the id it was shown with, so the dashboard swaps it in place.
    if (shown?.type !== 'provisional' || opened[0]?.type !== 'alert') throw new Error('frames missing');
    expect(opened[0].alert.id).toBe(shown.alert.id);
  });

  it('refuses a note on an alert that does not exist', async () => {
    await expect(service.addNote('00000000-0000-4000-8000-000000000000', 'Eva', 'x')).rejects.toThrow(/no alert/);
  });
});
