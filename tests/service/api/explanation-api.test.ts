/**
 * An alert's explanation reaches API readers and dashboards as data: a help button pressed over
 * MQTT comes back from GET /alerts/:id and on the stream with its key and the device's kind,
 * room and label, beside the English reason. An alert raised without one (as before
 * explanations existed) reads null; one that does not match the contract is stored without it.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident } from '../../../service/contract.js';
import { addHelpButton, helpRequest } from '../../helpers/alert-fixtures.js';
import { openStream } from '../../helpers/stream-client.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

let t: TestVaka;
beforeAll(async () => {
  t = await startTestVaka();
});
afterAll(() => t.stop());

async function waitForAlert(residentId: string): Promise<Alert> {
  for (let i = 0; i < 100; i++) {
    const [alert] = (await t.api('GET', `/alerts?residentId=${residentId}`)).json<Alert[]>();
    if (alert !== undefined) return alert;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no alert raised');
}

describe('alert explanations in the API and the stream', () => {
  it('are returned for an alert raised from a sensor message, on GET and on the stream', async () => {
    const resident = (
      await t.api('POST', '/residents', { name: 'Sigrid Ek', rooms: [{ name: 'Hall', kind: 'hall' }] })
    ).json<Resident>();
    const address = await addHelpButton(t.vaka, resident, 'sigrid');
    const stream = await openStream(`ws://127.0.0.1:${t.vaka.httpPort}/api/v1/stream`, t.admin.token);
    // The snapshot first: an alert raised before it would be in the snapshot, not an alert frame.
    await stream.waitFor((f) => f.type === 'snapshot');
    const client = await mqtt.connectAsync(t.broker.url);
    await client.publishAsync(`${t.broker.z2mBase}/${address}`, '{"action":"emergency"}', { qos: 1 });
    await client.endAsync();

    const listed = await waitForAlert(resident.id);
    const expected = { key: 'help.pressed', params: { device: { kind: 'help_button', room: 'Hall', label: null } } };
    expect(listed.explanation).toEqual(expected);
    expect(listed.reason).toBe('Help requested: the hall help button was pressed');
    expect((await t.api('GET', `/alerts/${listed.id}`)).json<Alert>().explanation).toEqual(expected);
    const frame = await stream.waitFor((f) => f.type === 'alert' && f.alert.id === listed.id);
    expect(frame.type === 'alert' && frame.alert.explanation).toEqual(expected);
    await stream.close();
  });

  it('are null for an alert raised without one, and dropped (never the alert) when they break the contract', async () => {
    const resident = (await t.api('POST', '/residents', { name: 'Olle Ek', rooms: [] })).json<Resident>();
    await t.vaka.alertService.apply([helpRequest(resident.id)]);
    expect((await waitForAlert(resident.id)).explanation).toBeNull();

    const other = (await t.api('POST', '/residents', { name: 'Rut Ek', rooms: [] })).json<Resident>();
    const broken = { key: 'bathroom.long', params: { minutes: -3 } } as never;
    await t.vaka.alertService.apply([helpRequest(other.id, { explanation: broken })]);
    const alert = await waitForAlert(other.id);
    expect(alert.explanation).toBeNull();
    expect(alert.reason).toBe('Help requested');
  });
});
