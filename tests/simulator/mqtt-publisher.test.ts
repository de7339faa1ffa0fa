import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../service/broker/embedded-broker.js';
import {
  BrokerError,
  connectPublisher,
  createPublisher,
  PublisherClosedError,
} from '../../simulator/mqtt-publisher.js';

/** A client whose acknowledgements the test hands out one by one. */
function fakeClient(connected = true) {
  const pending: ((error?: Error) => void)[] = [];
  const client = {
    connected,
    publish: (_topic: string, _payload: string, _opts: unknown, cb: (error?: Error) => void) => {
      pending.push(cb);
    },
    endAsync: async () => {},
  };
  return { client: client as unknown as MqttClient, pending };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('publisher send window (fake client)', () => {
  it('send resolves at once while the window has room and waits when it is full', async () => {
    const { client, pending } = fakeClient();
    const publisher = createPublisher(client, { maxInFlight: 2 });
    await publisher.send('t', 'a');
    await publisher.send('t', 'b');
    let third = false;
    const sending = publisher.send('t', 'c').then(() => {
      third = true;
    });
    await tick();
    expect(third).toBe(false);
    expect(pending).toHaveLength(2);
    pending[0]?.();
    await sending;
    expect(third).toBe(true);
    expect(publisher.counters()).toEqual({ published: 3, acked: 1, failed: 0, inFlight: 2, maxInFlight: 2 });
  });

  it('publish resolves only once the broker has acknowledged the message, and rejects when it fails', async () => {
    const { client, pending } = fakeClient();
    const publisher = createPublisher(client, { maxInFlight: 5 });
    let acked = false;
    const ok = publisher.publish('t', 'a').then(() => {
      acked = true;
    });
    await tick();
    expect(acked).toBe(false);
    pending[0]?.();
    await ok;
    const failing = publisher.publish('t', 'b');
    await tick();
    pending[1]?.(new Error('refused'));
    await expect(failing).rejects.toThrow('refused');
    expect(publisher.counters()).toMatchObject({ published: 2, acked: 1, failed: 1, inFlight: 0 });
  });

  it('tells onError about a failed send, since nobody awaits its acknowledgement', async () => {
    const { client, pending } = fakeClient();
    const errors: string[] = [];
    const publisher = createPublisher(client, { onError: (e, topic) => errors.push(`${topic}: ${e.message}`) });
    await publisher.send('vaka/sensor/x', 'a');
    pending[0]?.(new Error('boom'));
    await publisher.drain();
    expect(errors).toEqual(['vaka/sensor/x: boom']);
  });

  it('drain resolves when every message is acknowledged', async () => {
    const { client, pending } = fakeClient();
    const publisher = createPublisher(client, { maxInFlight: 3 });
    for (const p of ['a', 'b', 'c']) await publisher.send('t', p);
    let drained = false;
    const draining = publisher.drain().then(() => {
      drained = true;
    });
    pending[0]?.();
    pending[1]?.();
    await tick();
    expect(drained).toBe(false);
    pending[2]?.();
    await draining;
    expect(publisher.counters().inFlight).toBe(0);
  });

  it('close with the broker gone fails what is in flight and what waits for room, instead of hanging', async () => {
    const { client } = fakeClient(false);
    const publisher = createPublisher(client, { maxInFlight: 1 });
    const first = publisher.publish('t', 'a');
    const second = publisher.publish('t', 'b');
    await tick();
    await publisher.close();
    await expect(first).rejects.toBeInstanceOf(PublisherClosedError);
    await expect(second).rejects.toBeInstanceOf(PublisherClosedError);
    await expect(publisher.send('t', 'c')).rejects.toBeInstanceOf(PublisherClosedError);
    expect(publisher.counters()).toMatchObject({ published: 1, acked: 0, failed: 1, inFlight: 0 });
  });

  it.each([0, 65_536, 1.5])('refuses a window of %s: mqtt.js message ids are 16-bit', (maxInFlight) => {
    expect(() => createPublisher(fakeClient().client, { maxInFlight })).toThrow(RangeError);
  });
});

describe('publisher against an MQTT broker (embedded aedes)', () => {
  let broker: EmbeddedBroker;
  let url: string;
  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: 'open' });
    url = `mqtt://127.0.0.1:${broker.port}`;
  });
  afterAll(() => broker.close());

  it('never has more than its window in flight, and every message is acknowledged and arrives', async () => {
    const prefix = `vaka-test-${randomBytes(4).toString('hex')}`;
    const subscriber = await mqtt.connectAsync(url, { clean: true });
    let arrived = 0;
    subscriber.on('message', () => arrived++);
    await subscriber.subscribeAsync(`${prefix}/#`, { qos: 1 });
    const publisher = await connectPublisher({ url, connectTimeoutMs: 5000, maxInFlight: 50 });
    const total = 5000;
    let highest = 0;
    for (let i = 0; i < total; i++) {
      await publisher.send(`${prefix}/sensor/d${i % 20}`, `{"type":"heartbeat","n":${i}}`);
      highest = Math.max(highest, publisher.counters().inFlight);
    }
    await publisher.drain();
    expect(publisher.counters()).toEqual({ published: total, acked: total, failed: 0, inFlight: 0, maxInFlight: 50 });
    expect(highest).toBeLessThanOrEqual(50);
    const deadline = Date.now() + 10_000;
    while (arrived < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(arrived).toBe(total);
    await publisher.close();
    await subscriber.endAsync();
  });

  it('keeps the callers of publish (the runner) working: one message, acknowledged', async () => {
    const publisher = await connectPublisher({ url, connectTimeoutMs: 5000 });
    await publisher.publish(`vaka-test-${randomBytes(4).toString('hex')}/x`, '{}');
    expect(publisher.counters()).toMatchObject({ published: 1, acked: 1, maxInFlight: 1 });
    await publisher.close();
  });

  it('holds back at most its window while the broker is away, and delivers it all after reconnecting', async () => {
    const own = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: 'open' });
    const port = own.port;
    const changes: string[] = [];
    const publisher = await connectPublisher(
      { url: `mqtt://127.0.0.1:${port}`, connectTimeoutMs: 5000, maxInFlight: 20 },
      (state) => changes.push(state),
    );
    const topic = `vaka-test-${randomBytes(4).toString('hex')}/x`;
    for (let i = 0; i < 50; i++) await publisher.send(topic, `${i}`);
    await publisher.drain();
    await own.close();
    while (!changes.includes('lost')) await new Promise((resolve) => setTimeout(resolve, 20));
    let sent = 0;
    const sending = (async () => {
      for (let i = 0; i < 30; i++) {
        await publisher.send(topic, `later ${i}`);
        sent++;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Backpressure: the window is full, so the sender waits instead of piling messages up.
    expect(sent).toBe(20);
    expect(publisher.counters().inFlight).toBe(20);
    const again = await startEmbeddedBroker({ port, host: '127.0.0.1', access: 'open' });
    try {
      await sending;
      await publisher.drain();
      expect(changes).toEqual(['lost', 'restored']);
      expect(publisher.counters()).toEqual({ published: 80, acked: 80, failed: 0, inFlight: 0, maxInFlight: 20 });
    } finally {
      await publisher.close();
      await again.close();
    }
  });

  it('fails fast with a BrokerError naming the URL when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const target = { url: `mqtt://127.0.0.1:${port}`, connectTimeoutMs: 2000 };
    await expect(connectPublisher(target)).rejects.toBeInstanceOf(BrokerError);
    await expect(connectPublisher(target)).rejects.toThrow(`mqtt://127.0.0.1:${port}`);
  });
});
