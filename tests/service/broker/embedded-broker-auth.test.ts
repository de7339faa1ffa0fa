/**
 * Issue 7: the embedded broker lets in only logins Vaka issued, and each only onto its own
 * topics. A whole Vaka on its embedded broker (no MQTT_URL), as `npm start` runs it.
 */
import mqtt, { type IClientOptions } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, MqttLogin, Resident } from '../../../service/contract.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

let t: TestVaka;
let url: string;
let resident: Resident;

/** The embedded broker: what `npm start` runs when MQTT_URL is unset. */
async function embeddedVaka(extra: Record<string, string> = {}): Promise<TestVaka> {
  return startTestVaka({ MQTT_URL: '', MQTT_PORT: '0', ...extra });
}

const connect = (options: IClientOptions) => mqtt.connectAsync(url, { reconnectPeriod: 0, ...options }, false);
/** The CONNACK return code a refused connection got. */
async function refusedWith(options: IClientOptions): Promise<number | undefined> {
  try {
    const client = await connect(options);
    await client.endAsync();
    return 0;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}

async function nativeDevice(address: string): Promise<Device & { mqtt?: MqttLogin }> {
  const res = await t.api('POST', '/devices', {
    format: 'vaka',
    address,
    residentId: resident.id,
    roomId: resident.rooms[0]?.id ?? null,
    kind: 'motion',
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** The SUBACK return codes (0x80 = refused [MQTT-3.9.3]); mqtt.js rejects when any is refused. */
async function granted(client: mqtt.MqttClient, filters: string[]): Promise<number[]> {
  try {
    return (await client.subscribeAsync(filters, { qos: 1 })).map((g) => g.qos);
  } catch (error) {
    const packet = (error as { packet?: { granted?: number[] } }).packet;
    if (packet?.granted === undefined) throw error;
    return packet.granted;
  }
}

const lastSeen = async (id: string) => (await t.api('GET', `/devices/${id}`)).json<Device>().lastSeenAt;

async function waitUntil(check: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

beforeAll(async () => {
  t = await embeddedVaka();
  url = t.vaka.mqttUrl;
  resident = (
    await t.api('POST', '/residents', { name: 'Test Person', rooms: [{ name: 'Kitchen', kind: 'kitchen' }] })
  ).json<Resident>();
});
afterAll(async () => {
  await t?.stop();
});

describe('embedded broker logins (issue 7)', () => {
  it('refuses anonymous clients by default: CONNACK 5, not authorised', async () => {
    expect(await refusedWith({})).toBe(5);
  });

  it('refuses a wrong password (CONNACK 4) and an unknown user', async () => {
    const device = await nativeDevice('auth-wrong-pw');
    expect(device.mqtt?.username).toBe('auth-wrong-pw');
    expect(await refusedWith({ username: 'auth-wrong-pw', password: 'not-the-password' })).toBe(4);
    expect(await refusedWith({ username: 'nobody', password: 'x' })).toBe(4);
    expect(await refusedWith({ username: 'vaka', password: 'guess' })).toBe(4);
  });

  it('gives a native device its login at onboarding, once, stored only as a hash', async () => {
    const device = await nativeDevice('auth-hashed');
    const login = device.mqtt as MqttLogin;
    expect(login.topic).toBe(`${t.env.VAKA_TOPIC_PREFIX}/sensor/auth-hashed`);
    expect(login.password.length).toBeGreaterThanOrEqual(32);
    const rows = await t.vaka.db.query<{ secret_hash: string }>(
      'SELECT secret_hash FROM mqtt_accounts WHERE username = $1',
      ['auth-hashed'],
    );
    expect(rows[0]?.secret_hash).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(rows[0]?.secret_hash).not.toContain(login.password);
    expect((await t.api('GET', `/devices/${device.id}`)).body).not.toContain(login.password);
  });

  it('lets a device publish to its own topic, and the event is stored', async () => {
    const device = await nativeDevice('auth-own-topic');
    const client = await connect({ username: device.mqtt?.username, password: device.mqtt?.password });
    await client.publishAsync(device.mqtt?.topic ?? '', JSON.stringify({ type: 'motion', motion: true }), { qos: 1 });
    expect(await waitUntil(async () => (await lastSeen(device.id)) !== null)).toBe(true);
    await client.endAsync();
  });

  it('refuses a device publishing to another device’s topic: dropped, connection closed', async () => {
    const mallory = await nativeDevice('auth-mallory');
    const victim = await nativeDevice('auth-victim');
    const client = await connect({ username: mallory.mqtt?.username, password: mallory.mqtt?.password });
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(victim.mqtt?.topic ?? '', JSON.stringify({ type: 'help' }), { qos: 1 });
    await closed;
    client.end(true);
    // Given time to arrive, it did not: the victim was never heard from and no help alert was raised.
    await new Promise((r) => setTimeout(r, 500));
    expect(await lastSeen(victim.id)).toBeNull();
    const alerts = (await t.api('GET', `/alerts?residentId=${resident.id}`)).json<{ ruleId: string }[]>();
    expect(alerts.filter((a) => a.ruleId === 'HELP-1')).toEqual([]);
  });

  it('refuses a device subscribing to # (SUBACK 0x80) and to another device’s topic', async () => {
    const device = await nativeDevice('auth-snoop');
    const client = await connect({ username: device.mqtt?.username, password: device.mqtt?.password });
    expect(await granted(client, ['#', `${t.env.VAKA_TOPIC_PREFIX}/sensor/auth-victim`])).toEqual([128, 128]);
    await client.endAsync();
  });

  it('a new login replaces the old password at once, and ends a connection made with the old one', async () => {
    const device = await nativeDevice('auth-rotate');
    const old = await connect({ username: 'auth-rotate', password: device.mqtt?.password });
    const cut = new Promise<void>((resolve) => old.once('close', () => resolve()));
    const again = await t.api('POST', `/devices/${device.id}/mqtt-credentials`);
    expect(again.statusCode).toBe(201);
    await cut;
    old.end(true);
    const fresh = again.json<MqttLogin>();
    expect(await refusedWith({ username: 'auth-rotate', password: device.mqtt?.password })).toBe(4);
    expect(await refusedWith({ username: 'auth-rotate', password: fresh.password })).toBe(0);
  });

  it('removing a device removes its login and ends its open connection', async () => {
    const device = await nativeDevice('auth-removed');
    const open = await connect({ username: 'auth-removed', password: device.mqtt?.password });
    const cut = new Promise<void>((resolve) => open.once('close', () => resolve()));
    expect((await t.api('DELETE', `/devices/${device.id}`)).statusCode).toBe(204);
    await cut;
    open.end(true);
    expect(await refusedWith({ username: 'auth-removed', password: device.mqtt?.password })).toBe(4);
  });

  it('gives the Zigbee2MQTT bridge a login that publishes under its base topic only', async () => {
    const z2m = t.env.Z2M_BASE_TOPIC;
    const sos = (
      await t.api('POST', '/devices', {
        format: 'z2m',
        address: 'hall/sos',
        residentId: resident.id,
        roomId: null,
        kind: 'help_button',
      })
    ).json<Device & { mqtt?: MqttLogin }>();
    expect(sos.mqtt).toBeUndefined(); // Zigbee devices log in through their bridge
    expect((await t.api('POST', `/devices/${sos.id}/mqtt-credentials`)).statusCode).toBe(409);
    const res = await t.api('POST', '/mqtt/bridge-credentials');
    expect(res.statusCode).toBe(201);
    const login = res.json<MqttLogin>();
    expect(login).toMatchObject({ username: 'zigbee2mqtt', topic: `${z2m}/#` });
    const bridge = await connect({ username: login.username, password: login.password });
    await bridge.publishAsync(`${z2m}/hall/sos`, JSON.stringify({ action: 'emergency' }), { qos: 1 });
    expect(await waitUntil(async () => (await lastSeen(sos.id)) !== null)).toBe(true);
    expect(await granted(bridge, [`${z2m}/#`, `${t.env.VAKA_TOPIC_PREFIX}/#`])).toEqual([1, 128]);
    const closed = new Promise<void>((resolve) => bridge.once('close', () => resolve()));
    bridge.publish(`${t.env.VAKA_TOPIC_PREFIX}/sensor/auth-victim`, JSON.stringify({ type: 'help' }), { qos: 1 });
    await closed;
    bridge.end(true);
  });

  it('lets any login watch Vaka’s retained online state', async () => {
    const device = await nativeDevice('auth-monitor');
    const client = await connect({ username: device.mqtt?.username, password: device.mqtt?.password });
    const state = new Promise<string>((resolve) => client.once('message', (_t, payload) => resolve(String(payload))));
    await client.subscribeAsync(`${t.env.VAKA_TOPIC_PREFIX}/status`, { qos: 1 });
    expect(await state).toBe('{"state":"online"}');
    await client.endAsync();
  });

  it('issues no broker logins to a carer', async () => {
    // Role checks are the policy table's; this one guards the new routes in particular.
    const { createStaff } = await import('../../helpers/auth.js');
    const carer = await createStaff(t.vaka.app as never, t.api, 'carer');
    expect((await carer.api('POST', '/mqtt/bridge-credentials')).statusCode).toBe(403);
  });
});

describe('MQTT_ALLOW_ANONYMOUS (a lab)', () => {
  it('lets clients in without a login when set', async () => {
    const lab = await embeddedVaka({ MQTT_ALLOW_ANONYMOUS: 'true' });
    try {
      const client = await mqtt.connectAsync(lab.vaka.mqttUrl, { reconnectPeriod: 0 });
      expect(client.connected).toBe(true);
      await client.endAsync();
    } finally {
      await lab.stop();
    }
  });
});
