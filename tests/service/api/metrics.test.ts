/** GET /metrics: how fast alerts reached people, rejected messages, event rate — on a pinned clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metrics } from '../../../service/contract.js';
import { helpRequest } from '../../helpers/alert-fixtures.js';
import { createStaff, createTeam } from '../../helpers/auth.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const S = 1000;

let t: TestVaka;
beforeAll(async () => {
  t = await startTestVaka({}, { now: () => NOW });
});
afterAll(() => t.stop());

const get = (url: string) => t.api('GET', url);

async function raise(residentId: string, kind: string, secondsAgo: number) {
  await t.vaka.alertService.apply([helpRequest(residentId, { kind, foldKey: kind, at: NOW - secondsAgo * S })]);
  const [alert] = (await get(`/alerts?residentId=${residentId}&status=open`))
    .json<{ id: string; kind: string }[]>()
    .filter((a) => a.kind === kind);
  if (alert === undefined) throw new Error('alert not raised');
  return alert.id;
}

describe('GET /metrics', () => {
  it('is for operators and admins: a carer is refused with 403, as it spans every team', async () => {
    const team = await createTeam(t.api);
    const carer = await createStaff(t.vaka.app, t.api, 'carer', team.id);
    const operator = await createStaff(t.vaka.app, t.api, 'operator');
    const refused = await carer.api('GET', '/metrics');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'VAKA_ERR_FORBIDDEN' });
    expect((await operator.api('GET', '/metrics')).statusCode).toBe(200);
    // The health line every page shows stays open to carers.
    expect((await carer.api('GET', '/health')).statusCode).toBe(200);
  });

  it('is empty but well-formed before anything happened', async () => {
    const res = await get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.json<Metrics>()).toEqual({
      windowHours: 24,
      eventsPerMinute: { last5Min: null, lastHour: null },
      deadLetters: { total: 0, byReason: {} },
      alerts: {
        raised: 0,
        delivery: { count: 0, p50Ms: null, p90Ms: null, maxMs: null },
        acknowledgement: { count: 0, p50Ms: null, p90Ms: null, maxMs: null },
        openUnacknowledged: 0,
        oldestUnacknowledgedAt: null,
      },
    });
  });

  it('measures detection to delivery and to acknowledgement, and counts what nobody has acknowledged', async () => {
    const r = await t.vaka.residents.create({ name: 'Elsa Berg', rooms: [] });
    const acked = [await raise(r.id, 'a', 60), await raise(r.id, 'b', 180)];
    await raise(r.id, 'c', 600);
    await raise(r.id, 'old', 48 * 3600); // outside a 24-hour window, still unacknowledged
    // Delivered 1 s and 3 s after detection (a dashboard received them); acknowledged now.
    await t.vaka.db.query(
      `UPDATE alerts SET delivered_at = detected_at + make_interval(secs => CASE kind WHEN 'a' THEN 1 ELSE 3 END)
       WHERE kind IN ('a', 'b')`,
    );
    for (const id of acked) await t.vaka.alertService.acknowledge(id, 'Eva');

    const m = (await get('/metrics')).json<Metrics>().alerts;
    expect(m.raised).toBe(3);
    expect(m.delivery).toEqual({ count: 2, p50Ms: 2000, p90Ms: 2800, maxMs: 3000 });
    expect(m.acknowledgement).toEqual({ count: 2, p50Ms: 120_000, p90Ms: 168_000, maxMs: 180_000 });
    expect(m.openUnacknowledged).toBe(2);
    expect(m.oldestUnacknowledgedAt).toBe(new Date(NOW - 48 * 3600 * S).toISOString());
    expect((await get('/metrics?hours=72')).json<Metrics>().alerts.raised).toBe(4);
  });

  it('counts dead letters in the window by reason', async () => {
    const letter = { topic: 'x/y', payload: '{', payloadBytes: 1, detail: 'bad', receivedAt: NOW - 60 * S };
    t.vaka.pipeline.deadLetter({ ...letter, reason: 'malformed_json' });
    t.vaka.pipeline.deadLetter({ ...letter, reason: 'malformed_json' });
    t.vaka.pipeline.deadLetter({ ...letter, reason: 'too_large' });
    t.vaka.pipeline.deadLetter({ ...letter, reason: 'too_large', receivedAt: NOW - 30 * 3600 * S });
    await t.vaka.pipeline.flush();
    expect((await get('/metrics')).json<Metrics>().deadLetters).toEqual({
      total: 3,
      byReason: { malformed_json: 2, too_large: 1 },
    });
  });

  it('answers 400 for a window out of range', async () => {
    for (const hours of ['0', 'day', '100000']) {
      const res = await get(`/metrics?hours=${hours}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('hours');
    }
  });
});
