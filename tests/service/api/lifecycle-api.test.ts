/** The REST side of the alert lifecycle: notes on alerts, and away/hospital/visitor states on residents. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident } from '../../../service/contract.js';
import { helpRequest } from '../../helpers/alert-fixtures.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

let t: TestVaka;
beforeAll(async () => {
  t = await startTestVaka();
});
afterAll(() => t.stop());

const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.api(method, url, payload);

async function newResident(): Promise<Resident> {
  return (await inject('POST', '/residents', { name: 'Astrid', rooms: [{ name: 'Hall', kind: 'hall' }] })).json();
}

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('away, hospital and visitor states', () => {
  it('are set by staff until a time, shown on the resident, and ended early', async () => {
    const r = await newResident();
    expect(r.context).toBeNull();
    const until = inHours(48);
    const set = await inject('PUT', `/residents/${r.id}/context`, {
      kind: 'hospital',
      until,
      note: 'Sahlgrenska, hip',
      by: 'Eva',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json<Resident>().context).toMatchObject({
      kind: 'hospital',
      until: new Date(until).toISOString(),
      note: 'Sahlgrenska, hip',
      setBy: 'Administrator',
    });
    expect((await inject('GET', `/residents/${r.id}`)).json<Resident>().context?.kind).toBe('hospital');
    const ended = await inject('DELETE', `/residents/${r.id}/context`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json<Resident>().context).toBeNull();
  });

  it('hold back the at-home rules in the behaviour model while they last', async () => {
    const r = await newResident();
    await inject('PUT', `/residents/${r.id}/context`, { kind: 'away', until: inHours(5), by: 'Eva' });
    expect(t.vaka.engine.resident(r.id)?.context).toMatchObject({ kind: 'away' });
    await inject('DELETE', `/residents/${r.id}/context`);
    expect(t.vaka.engine.resident(r.id)?.context).toBeUndefined();
  });

  it('refuse an end time in the past or more than 90 days ahead, an unknown kind and an unknown resident', async () => {
    const r = await newResident();
    const put = (body: object, id = r.id) => inject('PUT', `/residents/${id}/context`, { by: 'Eva', ...body });
    const past = await put({ kind: 'away', until: inHours(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toMatch(/future/);
    expect((await put({ kind: 'away', until: inHours(91 * 24) })).json().message).toMatch(/90 days/);
    expect((await put({ kind: 'holiday', until: inHours(1) })).statusCode).toBe(400);
    expect((await put({ kind: 'away', until: 'tomorrow' })).statusCode).toBe(400);
    expect((await put({ kind: 'away', until: inHours(1) }, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});

describe('notes on an alert', () => {
  it('are added by staff and returned with the alert; an empty note is refused', async () => {
    const r = await newResident();
    await t.vaka.alertService.apply([helpRequest(r.id)]);
    const [alert] = (await inject('GET', `/alerts?residentId=${r.id}`)).json<Alert[]>();
    if (alert === undefined) throw new Error('no alert');
    const noted = await inject('POST', `/alerts/${alert.id}/notes`, { by: 'Eva', text: 'On my way' });
    expect(noted.statusCode).toBe(201);
    expect(noted.json<Alert>().notes).toMatchObject([{ by: 'Administrator', text: 'On my way' }]);
    expect((await inject('GET', `/alerts/${alert.id}`)).json<Alert>().notes).toHaveLength(1);
    expect((await inject('POST', `/alerts/${alert.id}/notes`, { by: 'Eva', text: '  ' })).statusCode).toBe(400);
    expect(
      (await inject('POST', '/alerts/00000000-0000-4000-8000-000000000000/notes', { by: 'Eva', text: 'x' })).statusCode,
    ).toBe(404);
  });
});

describe('insights', () => {
  it('lists a resident’s insights (none before weeks of data) and answers 404 for an unknown resident', async () => {
    const r = await newResident();
    const res = await inject('GET', `/residents/${r.id}/insights`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
    expect((await inject('GET', '/residents/00000000-0000-4000-8000-000000000000/insights')).statusCode).toBe(404);
    expect((await inject('GET', '/residents/not-a-uuid/insights')).statusCode).toBe(400);
  });
});
