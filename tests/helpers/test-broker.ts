/**
 * An MQTT broker for a test: the real one at TEST_MQTT_URL, with topic prefixes and client
 * ids of the test's own so parallel tests never see each other's messages; or an embedded
 * aedes on an ephemeral port.
 */
import { randomBytes } from 'node:crypto';
import { startEmbeddedBroker } from '../../service/broker/embedded-broker.js';
import { testEnv } from './env.js';

export interface TestBroker {
  url: string;
  /** Unique per test broker: use as the native prefix, the Zigbee2MQTT base topic and in client ids. */
  prefix: string;
  z2mBase: string;
  close(): Promise<void>;
}

export async function startTestBroker(): Promise<TestBroker> {
  const id = randomBytes(5).toString('hex');
  const names = { prefix: `vaka-t-${id}`, z2mBase: `z2m-t-${id}` };
  if (testEnv.mqttUrl) return { url: testEnv.mqttUrl, ...names, close: async () => {} };
  const broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: 'open' });
  return { url: `mqtt://127.0.0.1:${broker.port}`, ...names, close: () => broker.close() };
}
