/**
 * The resident page's data: activity by room and local hour, the learned routine, and where
 * each resident is now. Vaka runs on a pinned clock in Europe/Stockholm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SensorEvent } from '../../../gateway/contract.js';
import type { ActivityGrid, Resident, ResidentPresence, ResidentRoutine } from '../../../service/contract.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

/** Tuesday 10 March 2026, 12:30 in Stockholm (CET, UTC+1). */
const NOW = Date.parse('2026-03-10T12:30:00+01:00');
const at = (local: string) => Date.parse(`${local}+01:00`);

let t: TestVaka;
let resident: Resident;
let idle: Resident;
const kitchen = () => resident.rooms.find((r) => r.name === 'Kitchen')?.id ?? null;
const bathroom = () => resident.rooms.find((r) => r.name === 'Bathroom')?.id ?? null;

beforeAll(async () => {
  t = await startTestVaka({ VAKA_TIME_ZONE: 'Europe/Stockholm' }, { now: () => NOW });
  resident = await t.vaka.residents.create({
    name: 'Birgit Sandberg',
    rooms: [
      { name: 'Kitchen', kind: 'kitchen' },
      { name: 'Bathroom', kind: 'bathroom' },
    ],
  });
  idle = await t.vaka.residents.create({ name: 'Per Ström', rooms: [] });
  const pir = await t.vaka.registry.register({
    format: 'vaka',
    address: `pir-${resident.id}`,
    residentId: resident.id,
    roomId: kitchen(),
    kind: 'motion',
    label: null,
  });
  const bath = await t.vaka.registry.register({
    format: 'vaka',
    address: `bath-${resident.id}`,
    residentId: resident.id,
    roomId: bathroom(),
    kind: 'motion',
    label: null,
  });
  const event = (
    device: { id: string; roomId: string | null },
    local: string,
    type: SensorEvent['type'],
    value: SensorEvent['value'],
  ): SensorEvent => ({
    deviceId: device.id,
    residentId: resident.id,
    roomId: device.roomId,
    sensorKind: 'motion',
    type,
    value,
    eventTime: at(local),
    receivedAt: at(local),
  });
  t.vaka.pipeline.events([
    event(pir, '2026-03-02T09:00:00', 'motion', true), // 8 days ago: outside a 7-day chart
    event(bath, '2026-03-09T08:05:00', 'motion', true),
    event(pir, '2026-03-10T07:10:00', 'motion', true),
    event(pir, '2026-03-10T07:20:00', 'motion', false), // the sensor clearing is not activity
    event(pir, '2026-03-10T07:40:00', 'motion', true),
    event(pir, '2026-03-10T07:41:00', 'battery', 80), // a battery report is not activity
    event(bath, '2026-03-10T11:55:00', 'motion', true),
  ]);
  await t.vaka.pipeline.flush();
});
afterAll(() => t.stop());

const get = (url: string) => t.api('GET', url);

describe('GET /residents/:id/activity', () => {
  it('counts activity by room and local clock hour, today last, in the homes’ time zone', async () => {
    const res = await get(`/residents/${resident.id}/activity?days=7`);
    expect(res.statusCode).toBe(200);
    const grid = res.json<ActivityGrid>();
    expect(grid.timeZone).toBe('Europe/Stockholm');
    expect(grid.days).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(grid.cells).toEqual([
      { day: '2026-03-09', hour: 8, roomId: bathroom(), count: 1 },
      { day: '2026-03-10', hour: 7, roomId: kitchen(), count: 2 },
      { day: '2026-03-10', hour: 11, roomId: bathroom(), count: 1 },
    ]);
  });

  it('defaults to 7 days and reaches further back when asked', async () => {
    expect((await get(`/residents/${resident.id}/activity`)).json<ActivityGrid>().days).toHaveLength(7);
    const month = (await get(`/residents/${resident.id}/activity?days=10`)).json<ActivityGrid>();
    expect(month.cells).toContainEqual({ day: '2026-03-02', hour: 9, roomId: kitchen(), count: 1 });
  });

  it('answers 400 for a number of days out of range and 404 for an unknown resident', async () => {
    for (const days of ['0', '32', 'week', '1.5']) {
      const res = await get(`/residents/${resident.id}/activity?days=${days}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('days');
    }
    const missing = await get('/residents/00000000-0000-4000-8000-000000000000/activity');
    expect(missing.statusCode).toBe(404);
  });
});

describe('GET /residents/:id/routine', () => {
  it('gives the learned routine and today’s activity profile beside it', async () => {
    const res = await get(`/residents/${resident.id}/routine`);
    expect(res.statusCode).toBe(200);
    const routine = res.json<ResidentRoutine>();
    expect(routine).toMatchObject({ residentId: resident.id, presence: 'home', learning: true });
    expect(routine.learnedDays).toBe(3);
    // Before two weeks of data the population prior (07:30, bed 22:30) still weighs in.
    expect(routine.wake.usualMinute).toBeGreaterThan(5 * 60);
    expect(routine.wake.usualMinute).toBeLessThan(10 * 60);
    expect(routine.bedtime.usualMinute).toBeGreaterThan(20 * 60);
    expect(routine.bathroomVisit.usualMinutes).toBeGreaterThan(0);
    expect(routine.bathroomVisit.longMinutes).toBeGreaterThanOrEqual(routine.bathroomVisit.usualMinutes);
    expect(routine.usualPerHour).toHaveLength(24);
    expect(routine.usualPerHour[7]).toBeGreaterThan(0);
    expect(routine.usualPerHour[3]).toBe(0);
  });

  it('says nothing is learned yet for a resident without activity, and 404 for an unknown one', async () => {
    const res = await get(`/residents/${idle.id}/routine`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('nothing learned');
    expect((await get('/residents/not-a-uuid/routine')).statusCode).toBe(400);
  });
});

describe('GET /presence', () => {
  it('has every resident: at home after recent activity indoors, unknown without any', async () => {
    const list = (await get('/presence')).json<ResidentPresence[]>();
    expect(list).toContainEqual({ residentId: resident.id, presence: 'home' });
    expect(list).toContainEqual({ residentId: idle.id, presence: 'unknown' });
  });

  it('is in the OpenAPI document with the other new routes', async () => {
    const paths = Object.keys((await get('/openapi.json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/presence',
        '/api/v1/residents/{id}/activity',
        '/api/v1/residents/{id}/routine',
        '/api/v1/metrics',
      ]),
    );
  });
});
