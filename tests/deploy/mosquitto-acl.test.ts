/**
 * The Mosquitto configuration Vaka ships (deploy/mosquitto/acl, make-passwd.sh), on a real
 * Mosquitto of the test's own: the same promises as the embedded broker's
 * (tests/service/broker/embedded-broker-auth.test.ts). MQTT 3.1.1 has no way to refuse a
 * publish: Mosquitto 2.0.11 drops it and closes the connection; what is asserted is that
 * nothing arrives.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPassword } from '../helpers/auth.js';
import { type OwnMosquitto, ownMosquitto } from '../helpers/mosquitto.js';

const DEPLOY = fileURLToPath(new URL('../../deploy/mosquitto/', import.meta.url));
const logins = {
  vaka: newPassword(),
  zigbee2mqtt: newPassword(),
  'kitchen-pir-01': newPassword(),
  'hall-pir-02': newPassword(),
};

let dir: string;
let broker: OwnMosquitto;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vaka-acl-'));
  // make-passwd.sh reads devices.txt beside itself: run a copy in a folder of the test's own.
  copyFileSync(join(DEPLOY, 'make-passwd.sh'), join(dir, 'make-passwd.sh'));
  writeFileSync(
    join(dir, 'devices.txt'),
    `kitchen-pir-01:${logins['kitchen-pir-01']}\nhall-pir-02:${logins['hall-pir-02']}\n`,
  );
  execFileSync('sh', [join(dir, 'make-passwd.sh'), join(dir, 'passwd')], {
    env: { PATH: process.env.PATH ?? '', VAKA_MQTT_PASSWORD: logins.vaka, Z2M_MQTT_PASSWORD: logins.zigbee2mqtt },
    stdio: 'pipe',
  });
  broker = await ownMosquitto({ passwordFile: join(dir, 'passwd'), aclFile: join(DEPLOY, 'acl') });
});
afterAll(async () => {
  await broker?.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = (user: keyof typeof logins, extra: IClientOptions = {}) =>
  mqtt.connectAsync(broker.url, { username: user, password: logins[user], reconnectPeriod: 0, ...extra }, false);

async function refused(options: IClientOptions): Promise<boolean> {
  try {
    const client = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0, ...options }, false);
    await client.endAsync();
    return false;
  } catch {
    return true;
  }
}

/** What `client` receives on `filter` within `ms` after `act`. */
async function received(client: MqttClient, filter: string, act: () => Promise<void>, ms = 500): Promise<string[]> {
  const seen: string[] = [];
  client.on('message', (topic, payload) => seen.push(`${topic} ${payload}`));
  await client.subscribeAsync(filter, { qos: 1 }).catch(() => undefined);
  await act();
  await new Promise((r) => setTimeout(r, ms));
  return seen;
}

describe('the shipped Mosquitto configuration (deploy/mosquitto)', () => {
  it('refuses anonymous clients and wrong passwords', async () => {
    expect(await refused({})).toBe(true);
    expect(await refused({ username: 'kitchen-pir-01', password: 'wrong' })).toBe(true);
    expect(await refused({ username: 'vaka', password: logins.zigbee2mqtt })).toBe(true);
  });

  it('delivers a device’s message on its own topic to Vaka; one on another device’s topic is dropped and the device cut off', async () => {
    const vaka = await as('vaka');
    const seen = await received(vaka, 'vaka/sensor/+', async () => {
      const mallory = await as('kitchen-pir-01');
      const closed = new Promise<void>((resolve) => mallory.once('close', () => resolve()));
      mallory.publish('vaka/sensor/hall-pir-02', '{"type":"help"}', { qos: 1 });
      await closed; // Mosquitto 2.0.11 closes the connection of a refused publish, as aedes does
      mallory.end(true);
      const device = await as('kitchen-pir-01');
      await device.publishAsync('vaka/sensor/kitchen-pir-01', '{"type":"motion","motion":true}', { qos: 1 });
      await device.endAsync();
    });
    expect(seen).toEqual(['vaka/sensor/kitchen-pir-01 {"type":"motion","motion":true}']);
    await vaka.endAsync();
  });

  it('gives a device that subscribes to # nothing', async () => {
    const snoop = await as('hall-pir-02');
    const device = await as('kitchen-pir-01');
    const seen = await received(snoop, '#', async () => {
      await device.publishAsync('vaka/sensor/kitchen-pir-01', '{"type":"motion","motion":true}', { qos: 1 });
    });
    expect(seen).toEqual([]);
    await device.endAsync();
    await snoop.endAsync();
  });

  it('lets the bridge publish under zigbee2mqtt/ only', async () => {
    const vaka = await as('vaka');
    const bridge = await as('zigbee2mqtt');
    const seen = await received(vaka, '#', async () => {
      await bridge.publishAsync('zigbee2mqtt/hall/sos', '{"action":"emergency"}', { qos: 1 });
      const closed = new Promise<void>((resolve) => bridge.once('close', () => resolve()));
      bridge.publish('vaka/sensor/kitchen-pir-01', '{"type":"help"}', { qos: 1 });
      await closed;
    });
    expect(seen).toEqual(['zigbee2mqtt/hall/sos {"action":"emergency"}']);
    bridge.end(true);
    await vaka.endAsync();
  });

  it('carries Vaka’s retained online state and its offline last will to a monitor', async () => {
    const vaka = await as('vaka', {
      clientId: 'vaka-acl-test',
      will: { topic: 'vaka/status', payload: Buffer.from('{"state":"offline"}'), qos: 1, retain: true },
    });
    await vaka.publishAsync('vaka/status', '{"state":"online"}', { qos: 1, retain: true });
    const monitor = await as('zigbee2mqtt');
    const seen = await received(
      monitor,
      'vaka/status',
      async () => {
        // Vanish without a DISCONNECT, as a killed process does: the broker sends the will.
        vaka.stream.destroy();
      },
      1500,
    );
    expect(seen).toEqual(['vaka/status {"state":"online"}', 'vaka/status {"state":"offline"}']);
    vaka.end(true);
    await monitor.endAsync();
  });
});
