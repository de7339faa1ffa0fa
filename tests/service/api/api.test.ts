import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Device, Resident } from '../../../service/contract.js';
import { raiseHelp } from '../../helpers/alert-fixtures.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

let t: TestVaka;
beforeAll(async () => {
  t = await startTestVaka();
});
afterAll(() => t.stop());

const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) => t.api(method, url, payload);

/** Polls until `check` returns a value (writes are batched, so they land a moment later). */
async function eventually<T>(check: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function newResident(): Promise<Resident> {
  const res = await inject('POST', '/residents', {
    name: 'Astrid Lindqvist',
    rooms: [
      { name: 'Bathroom', kind: 'bathroom' },
      { name: 'Hall', kind: 'hall' },
    ],
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('REST API', () => {
  it('reports health of the database, broker and gateway', async () => {
    const res = await inject('GET', '/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', broker: { connected: true }, database: { ok: true } });
  });

  it('serves its OpenAPI document', async () => {
    const res = await inject('GET', '/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/residents', '/api/v1/alerts/{id}/acknowledge', '/api/v1/dead-letters']),
    );
  });

  it('adds residents with rooms, lists and removes them', async () => {
    const r = await newResident();
    expect((await inject('GET', '/residents')).json().map((x: Resident) => x.id)).toContain(r.id);
    expect((await inject('GET', `/residents/${r.id}`)).json()).toMatchObject({ name: 'Astrid Lindqvist' });
    const room = await inject('POST', `/residents/${r.id}/rooms`, { name: 'Kitchen', kind: 'kitchen' });
    expect(room.statusCode).toBe(201);
    expect((await inject('DELETE', `/residents/${r.id}`)).statusCode).toBe(204);
    expect((await inject('GET', `/residents/${r.id}`)).statusCode).toBe(404);
  });

  it('registers a device in a room of the resident, and refuses a room of someone else or a duplicate', async () => {
    const a = await newResident();
    const b = await newResident();
    const body = { format: 'z2m', address: `a/${a.id}`, residentId: a.id, roomId: a.rooms[0]?.id, kind: 'help_button' };
    const ok = await inject('POST', '/devices', body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json<Device>()).toMatchObject({ format: 'z2m', kind: 'help_button', lastSeenAt: null });
    expect((await inject('POST', '/devices', body)).statusCode).toBe(409);
    const foreign = await inject('POST', '/devices', { ...body, address: 'other', roomId: b.rooms[0]?.id });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toContain('not in');
  });

  it('answers a bad request with 400 and a message that names the field', async () => {
    const res = await inject('POST', '/devices', { format: 'zigbee', address: '', kind: 'toaster' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: 400, code: 'VAKA_ERR_VALIDATION', error: 'Bad Request' });
    expect(body.message).toMatch(/format/);
    expect(body.message).toMatch(/kind/);
    expect((await inject('GET', '/alerts?status=sleeping')).statusCode).toBe(400);
    expect((await inject('GET', '/residents/not-a-uuid')).statusCode).toBe(400);
    expect((await inject('GET', '/nowhere')).json()).toMatchObject({ statusCode: 404, code: 'VAKA_ERR_ROUTE' });
  });

  it('refuses malformed JSON and oversized bodies with a 4xx', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${t.admin.token}` };
    const bad = await t.vaka.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers,
      payload: '{"name":',
    });
    expect(bad.statusCode).toBe(400);
    const big = await t.vaka.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers,
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
    });
    expect(big.statusCode).toBe(413);
  });

  it('acknowledges and resolves an alert, with 409 for a move its state does not allow', async () => {
    const r = await newResident();
    await raiseHelp(t.vaka, r.id);
    const [alert] = (await inject('GET', `/alerts?status=open&residentId=${r.id}`)).json<Alert[]>();
    expect(alert).toMatchObject({ residentName: 'Astrid Lindqvist', status: 'open' });
    const id = alert?.id;
    const ack = await inject('POST', `/alerts/${id}/acknowledge`, {});
    // Who acted is the signed-in account, whatever a client claims in `by`.
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Administrator' });
    expect((await inject('POST', `/alerts/${id}/acknowledge`, { by: 'Eva' })).statusCode).toBe(409);
    expect((await inject('POST', `/alerts/${id}/resolve`, { by: 'Eva', outcome: 'cleared' })).statusCode).toBe(400);
    const done = await inject('POST', `/alerts/${id}/resolve`, {
      by: 'Eva',
      outcome: 'confirmed',
      note: 'on the floor, unhurt',
    });
    expect(done.json()).toMatchObject({
      status: 'resolved',
      outcome: 'confirmed',
      note: 'on the floor, unhurt',
      resolvedBy: 'Administrator',
    });
    expect(
      (await inject('POST', '/alerts/00000000-0000-4000-8000-000000000000/acknowledge', { by: 'Eva' })).statusCode,
    ).toBe(404);
  });

  it('lists a device the broker has seen as unclaimed, claims it, and then stores its events', async () => {
    const r = await newResident();
    const address = `new/${r.id.slice(0, 8)}/pir`;
    const client = await mqtt.connectAsync(t.broker.url);
    const publish = (payload: string) => client.publishAsync(`${t.broker.z2mBase}/${address}`, payload, { qos: 1 });
    await publish('{"occupancy":true,"battery":88}');
    const unclaimed = await eventually(async () => {
      const list = (await inject('GET', '/unclaimed-devices')).json<{ address: string; signals: string[] }[]>();
      return list.find((d) => d.address === address);
    });
    expect(unclaimed.signals).toEqual(['occupancy', 'battery']);

    const claim = { format: 'z2m', address, residentId: r.id, roomId: r.rooms[0]?.id, kind: 'motion' };
    const claimed = await inject('POST', '/unclaimed-devices/claim', claim);
    expect(claimed.statusCode).toBe(201);
    expect((await inject('POST', '/unclaimed-devices/claim', claim)).statusCode).toBe(404);
    expect((await inject('GET', '/unclaimed-devices')).json()).not.toContainEqual(expect.objectContaining({ address }));

    await publish('{"occupancy":false,"battery":87}');
    const events = await eventually(async () => {
      const list = (await inject('GET', `/residents/${r.id}/events`)).json<{ type: string; value: unknown }[]>();
      return list.length > 0 ? list : undefined;
    });
    expect(events).toEqual([expect.objectContaining({ type: 'motion', value: false, battery: 87 })]);
    const device = (await inject('GET', `/devices?residentId=${r.id}`)).json<Device[]>()[0];
    expect(device).toMatchObject({ battery: 87, online: true });
    expect(device?.lastSeenAt).not.toBeNull();
    await client.endAsync();
  });

  it('lists a resident’s events in a time range and rejects a reversed range', async () => {
    const r = await newResident();
    const ok = await inject('GET', `/residents/${r.id}/events?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual([]);
    const reversed = await inject('GET', `/residents/${r.id}/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`);
    expect(reversed.statusCode).toBe(400);
  });
});
