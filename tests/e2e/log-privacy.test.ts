/**
 * Issue 7: no secrets or personal data in the log. A real Vaka process (as `npm start` runs
 * it, embedded broker, log level debug) signs people in, onboards a named resident and her
 * sensors, issues broker logins, raises an alert and has it acknowledged with a note; its
 * whole output (stdout and stderr) must hold no password, token or name, and no note text.
 */
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Device, MqttLogin, Resident, User } from '../../service/contract.js';
import { loginHttp, newPassword } from '../helpers/auth.js';
import { openStream } from '../helpers/stream-client.js';
import { TEST_ADMIN, testVakaEnv } from '../helpers/test-vaka.js';
import { startVakaProcess, type VakaProcess } from '../helpers/vaka-process.js';

let setup: Awaited<ReturnType<typeof testVakaEnv>>;
let vaka: VakaProcess;
let base: string;

beforeAll(async () => {
  setup = await testVakaEnv();
  const { MQTT_URL: _external, ...env } = setup.env;
  vaka = await startVakaProcess({ ...env, MQTT_PORT: '0' }, 'service/main.ts', 30_000, 'debug');
  base = `http://127.0.0.1:${vaka.port}`;
}, 60_000);
afterAll(async () => {
  await vaka?.stop();
  await setup?.cleanup();
});

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

describe('the process log', () => {
  it('holds no password, token, resident name or note while Vaka is used', async () => {
    const secrets: string[] = [TEST_ADMIN.password];
    const suffix = randomBytes(3).toString('hex');
    const personal = [`Ingegerd${suffix}`, `Kvistberg${suffix}`];
    const note = `Fann henne på golvet i badrummet ${suffix}`;

    // Sign-ins: a wrong password, the admin, a new carer who changes her temporary password.
    const typo = `typo-${newPassword()}`;
    secrets.push(typo);
    expect(
      (
        await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: TEST_ADMIN.username, password: typo }),
        })
      ).status,
    ).toBe(401);
    const admin = await loginHttp(base, TEST_ADMIN.username, TEST_ADMIN.password);
    secrets.push(admin);
    const temporary = newPassword();
    const chosen = newPassword();
    secrets.push(temporary, chosen);
    await call<User>(admin, 'POST', '/users', {
      username: `carer-${suffix}`,
      displayName: `Carer ${suffix}`,
      role: 'carer',
      password: temporary,
    });
    const first = await loginHttp(base, `carer-${suffix}`, temporary);
    await call(first, 'POST', '/auth/password', { currentPassword: temporary, newPassword: chosen });
    secrets.push(first, await loginHttp(base, `carer-${suffix}`, chosen));

    // Onboarding a named resident and her sensors; broker logins for a device and the bridge.
    const resident = await call<Resident>(admin, 'POST', '/residents', {
      name: personal.join(' '),
      rooms: [{ name: 'Badrum', kind: 'bathroom' }],
    });
    const sos = await call<Device & { mqtt: MqttLogin }>(admin, 'POST', '/devices', {
      format: 'vaka',
      address: `sos-${suffix}`,
      residentId: resident.id,
      roomId: resident.rooms[0]?.id,
      kind: 'help_button',
    });
    const bridge = await call<MqttLogin>(admin, 'POST', '/mqtt/bridge-credentials');
    secrets.push(sos.mqtt.password, bridge.password);

    // A dashboard on the stream, a broker login with a wrong password, then a help press.
    const stream = await openStream(`ws://127.0.0.1:${vaka.port}/api/v1/stream`, admin);
    const brokerPort = /"port":(\d+)[^\n]*embedded MQTT broker listening/.exec(vaka.output())?.[1];
    const brokerUrl = `mqtt://127.0.0.1:${brokerPort}`;
    const wrongBroker = `wrong-${newPassword()}`;
    secrets.push(wrongBroker);
    await mqtt
      .connectAsync(brokerUrl, { username: sos.mqtt.username, password: wrongBroker, reconnectPeriod: 0 }, false)
      .then(
        (c) => c.endAsync(),
        () => undefined,
      );
    const device = await mqtt.connectAsync(brokerUrl, { username: sos.mqtt.username, password: sos.mqtt.password });
    await device.publishAsync(sos.mqtt.topic, JSON.stringify({ type: 'help' }), { qos: 1 });
    await device.endAsync();
    const raised = await stream.waitFor((f) => f.type === 'alert' && f.alert.residentId === resident.id);
    const alert = (raised as { alert: Alert }).alert;
    await call(admin, 'POST', `/alerts/${alert.id}/acknowledge`, {});
    await call(admin, 'POST', `/alerts/${alert.id}/notes`, { text: note });
    await call(admin, 'POST', `/alerts/${alert.id}/resolve`, { outcome: 'confirmed', note });
    await stream.close();

    expect(await vaka.stop('SIGTERM')).toBe(0);
    const log = vaka.output();
    // The log did record what happened (so the check below is not of an empty file).
    expect(log).toContain('Vaka is running');
    expect(log).toContain('MQTT login refused');
    const leaks = [...secrets, ...personal, note].filter((s) => log.includes(s));
    expect(leaks).toEqual([]);
    console.info(
      `log privacy: ${log.split('\n').length} log lines checked for ${secrets.length + 3} secrets and personal values`,
    );
  }, 60_000);
});
