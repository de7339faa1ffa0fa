import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter, SensorEvent } from '../../gateway/contract.js';
import { BrokerUnreachableError, createGateway, redact } from '../../gateway/gateway.js';
import { testGatewayOptions } from '../helpers/gateway-options.js';
import { testLogger } from '../helpers/silent-logger.js';
import { startTestBroker, type TestBroker } from '../helpers/test-broker.js';

let broker: TestBroker;
beforeAll(async () => {
  broker = await startTestBroker();
});
afterAll(() => broker.close());

function gatewayFor(clientId: string, out: { events: SensorEvent[]; dead: DeadLetter[] }) {
  return createGateway(
    testGatewayOptions(broker, { clientId }),
    {
      lookup: (format, address) =>
        format === 'z2m' && address === 'home/help'
          ? { deviceId: 'd1', residentId: 'r1', roomId: null, kind: 'help_button' }
          : undefined,
    },
    { events: (e) => out.events.push(...e), deadLetter: (d) => out.dead.push(d), unclaimed: () => {} },
  );
}

async function publish(topic: string, payload: string): Promise<void> {
  const client = await mqtt.connectAsync(broker.url, { clientId: `pub-${randomBytes(4).toString('hex')}` });
  await client.publishAsync(topic, payload, { qos: 1 });
  await client.endAsync();
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The retained messages on a topic, as a monitor subscribing now would see them. */
async function watch(topic: string): Promise<{ seen: string[]; end(): Promise<void> }> {
  const client = await mqtt.connectAsync(broker.url, { clientId: `mon-${randomBytes(4).toString('hex')}` });
  const seen: string[] = [];
  client.on('message', (_t, payload) => seen.push(String(payload)));
  await client.subscribeAsync(topic, { qos: 1 });
  return { seen, end: () => client.endAsync() };
}

describe('gateway over a real broker', () => {
  it('publishes its retained online state, and offline when it stops', async () => {
    const gateway = gatewayFor(`vaka-test-${randomBytes(4).toString('hex')}`, { events: [], dead: [] });
    await gateway.start();
    const monitor = await watch(`${broker.prefix}/status`);
    await until(() => monitor.seen.includes('{"state":"online"}'));
    await gateway.stop();
    await until(() => monitor.seen.at(-1) === '{"state":"offline"}');
    await monitor.end();
    // A monitor that starts later still learns the state: it is retained.
    const late = await watch(`${broker.prefix}/status`);
    await until(() => late.seen.length > 0);
    expect(late.seen).toEqual(['{"state":"offline"}']);
    await late.end();
  });

  it('subscribes with QoS 1 and turns a Zigbee2MQTT message into events, a bad one into a dead letter', async () => {
    const out = { events: [] as SensorEvent[], dead: [] as DeadLetter[] };
    const gateway = gatewayFor(`vaka-test-${randomBytes(4).toString('hex')}`, out);
    await gateway.start();
    expect(gateway.connected).toBe(true);
    await publish(`${broker.z2mBase}/home/help`, '{"action":"emergency"}');
    await publish(`${broker.z2mBase}/home/help`, '{"action":');
    await until(() => out.events.length === 1 && out.dead.length === 1);
    expect(out.events[0]).toMatchObject({ type: 'help', deviceId: 'd1' });
    expect(out.dead[0]?.reason).toBe('malformed_json');
    await gateway.stop();
  });

  it('keeps its session: QoS 1 messages published while it was away arrive when it returns', async () => {
    const clientId = `vaka-test-${randomBytes(4).toString('hex')}`;
    const out = { events: [] as SensorEvent[], dead: [] as DeadLetter[] };
    const first = gatewayFor(clientId, out);
    await first.start();
    await first.stop();
    await publish(`${broker.z2mBase}/home/help`, '{"action":"single","linkquality":42}');
    const second = gatewayFor(clientId, out);
    await second.start();
    await until(() => out.events.length === 1);
    expect(out.events[0]).toMatchObject({ type: 'help', linkquality: 42 });
    await second.stop();
  });

  it('holds back the next message, unacknowledged, while the sink asks for backpressure', async () => {
    const events: SensorEvent[] = [];
    let behind: Promise<void> | undefined;
    let catchUp = () => {};
    const gateway = createGateway(
      testGatewayOptions(broker),
      { lookup: () => ({ deviceId: 'd1', residentId: 'r1', roomId: null, kind: 'help_button' }) },
      {
        events: (e) => {
          events.push(...e);
          behind = new Promise<void>((resolve) => {
            catchUp = resolve;
          });
        },
        deadLetter: () => {},
        unclaimed: () => {},
        backpressure: () => behind,
      },
    );
    await gateway.start();
    await publish(`${broker.z2mBase}/home/help`, '{"action":"emergency"}');
    await publish(`${broker.z2mBase}/home/help`, '{"action":"single"}');
    await until(() => events.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(events).toHaveLength(1);
    behind = undefined;
    catchUp();
    await until(() => events.length === 2);
    await gateway.stop();
  });

  it('writes each message to its journal before handling it (so before the PUBACK), and says when it is handled', async () => {
    const order: string[] = [];
    const recorded: { topic: string; payload: string; receivedAt: number; packetId: number }[] = [];
    const events: SensorEvent[] = [];
    const gateway = createGateway(
      testGatewayOptions(broker, {
        journal: {
          record: (topic, payload, receivedAt, packetId) => {
            order.push('record');
            recorded.push({ topic, payload: Buffer.from(payload).toString(), receivedAt, packetId });
          },
          handled: () => order.push('handled'),
        },
      }),
      { lookup: () => ({ deviceId: 'd1', residentId: 'r1', roomId: null, kind: 'help_button' }) },
      {
        events: (e) => {
          order.push('events');
          events.push(...e);
        },
        deadLetter: () => order.push('dead letter'),
        unclaimed: () => {},
      },
    );
    await gateway.start();
    await publish(`${broker.z2mBase}/home/help`, '{"action":"emergency"}');
    await publish(`${broker.z2mBase}/home/help`, '{"action":');
    await until(() => order.length === 6);
    expect(order).toEqual(['record', 'events', 'handled', 'record', 'dead letter', 'handled']);
    expect(recorded[0]).toMatchObject({ topic: `${broker.z2mBase}/home/help`, payload: '{"action":"emergency"}' });
    // QoS 1: the broker's packet identifier is kept, so a replay knows the broker's copy of it.
    expect(recorded[0]?.packetId).toBeGreaterThan(0);
    // The event's receive time is the one journaled: a replay gives an untimed Zigbee2MQTT reading the same event time.
    expect(events[0]?.receivedAt).toBe(recorded[0]?.receivedAt);
    expect(events[0]?.eventTime).toBe(recorded[0]?.receivedAt);

    // A replay goes through the same ingest at the journaled time, and says when it is handled.
    gateway.replay(
      `${broker.z2mBase}/home/help`,
      Buffer.from('{"action":"emergency","battery":80}'),
      1_700_000_000_000,
      0,
    );
    expect(events[1]).toMatchObject({ type: 'help', eventTime: 1_700_000_000_000, receivedAt: 1_700_000_000_000 });
    expect(order.at(-1)).toBe('handled');
    await gateway.stop();
  });

  it('fails start-up with a clear error when the broker cannot be reached', async () => {
    const gateway = createGateway(
      {
        mqttUrl: 'mqtt://127.0.0.1:1',
        clientId: 'nobody',
        connectTimeoutMs: 300,
        now: Date.now,
        logger: testLogger,
        native: { prefix: 'v' },
        z2m: { baseTopic: 'z' },
        maxPayloadBytes: 1024,
        dedupeWindowMs: 0,
        maxClockSkewMs: 0,
      },
      { lookup: () => undefined },
      { events: () => {}, deadLetter: () => {}, unclaimed: () => {} },
    );
    await expect(gateway.start()).rejects.toBeInstanceOf(BrokerUnreachableError);
  });

  it('never logs a broker password', () => {
    expect(redact('mqtt://vaka:s3cret@broker:1883')).not.toContain('s3cret');
  });
});
