/**
 * The CLI against a broker: the embedded one (aedes) on an ephemeral port, in-process, so a
 * cohort plays at --speed max in well under a second.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../service/broker/embedded-broker.js';
import { runCli } from '../../simulator/cli-main.js';
import { parseJsonLines } from '../../simulator/index.js';
import { VAN_KASTEREN_DIR } from '../helpers/shared-data.js';
import { fakeIo, messagesDone } from './cli/fake-io.js';

let broker: EmbeddedBroker;
let url: string;
let dir: string;

beforeAll(async () => {
  broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: 'open' });
  url = `mqtt://127.0.0.1:${broker.port}`;
  dir = mkdtempSync(join(tmpdir(), 'vaka-cli-broker-'));
});

afterAll(async () => {
  await broker?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A subscriber counting what arrives on `topic`, at QoS 1 so nothing is dropped on the way. */
async function counter(topic: string): Promise<{ client: MqttClient; received: string[] }> {
  const client = await mqtt.connectAsync(url, { clientId: `count-${randomBytes(3).toString('hex')}` });
  const received: string[] = [];
  client.on('message', (t, payload) => received.push(`${t} ${payload.toString()}`));
  await client.subscribeAsync(topic, { qos: 1 });
  return { client, received };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('simulate run', () => {
  it('publishes exactly the messages generate counts for the same options, all acknowledged', async () => {
    const cohort = ['--residents', '2', '--days', '1', '--seed', '4', '--start', '2025-03-03'];
    const counted = fakeIo();
    expect(await runCli(['generate', ...cohort], counted.io)).toBe(0);
    const expected = messagesDone(counted.text());

    const prefix = `count${randomBytes(3).toString('hex')}`;
    const sub = await counter(`${prefix}/#`);
    try {
      const run = fakeIo();
      const args = ['run', ...cohort, '--speed', 'max', '--url', url, '--base-topic', prefix];
      expect(await runCli(args, run.io)).toBe(0);
      expect(messagesDone(run.text())).toBe(expected);
      expect(run.text()).toContain(
        `broker: ${expected.toLocaleString('en-US')} published, ${expected.toLocaleString('en-US')} acked, 0 failed`,
      );
      await until(() => sub.received.length >= expected);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sub.received).toHaveLength(expected);
      expect(run.text()).toContain('Realism summary: 2 home(s)');
    } finally {
      await sub.client.endAsync();
    }
  });

  it('mixes chaos into a run, and sends what it held back before it disconnects', async () => {
    const prefix = `chaos${randomBytes(3).toString('hex')}`;
    const sub = await counter(`${prefix}/#`);
    try {
      const run = fakeIo();
      const cohort = ['--residents', '1', '--days', '1', '--seed', '4', '--start', '2025-03-03', '--format', 'vaka'];
      const chaos = ['--chaos-kinds', 'out_of_order=0.1,duplicate=0.05,malformed_json=0.02,unknown_device=0.02'];
      expect(
        await runCli(['run', ...cohort, ...chaos, '--speed', 'max', '--url', url, '--prefix', prefix], run.io),
      ).toBe(0);
      const report = /chaos, seed 4: ([\d,]+) in, ([\d,]+) sent, ([\d,]+) genuine, 0 still held/.exec(run.text());
      expect(report, run.text()).not.toBeNull();
      const [, input, sent, genuine] = (report ?? []).map((x) => Number(String(x).replaceAll(',', '')));
      expect(genuine).toBe(input);
      expect(sent).toBeGreaterThan(input ?? 0);
      const sentText = (sent ?? 0).toLocaleString('en-US');
      expect(run.text()).toContain(`broker: ${sentText} published, ${sentText} acked, 0 failed`);
      await until(() => sub.received.length >= (sent ?? 0));
      expect(sub.received).toHaveLength(sent ?? 0);
    } finally {
      await sub.client.endAsync();
    }
  });

  it('injects a fall sent with the fall command through the control topic, and records it in the truth', async () => {
    const control = `lab${randomBytes(3).toString('hex')}`;
    const truthPath = join(dir, 'control-truth.jsonl');
    const run = fakeIo();
    // A day at 3600× takes 24 s: long enough to be running when the fall comes, stopped by "Ctrl-C".
    const playing = runCli(
      ['run', '--residents', '1', '--days', '1', '--seed', '4', '--start', '2025-03-03', '--speed', '3600'].concat([
        '--url',
        url,
        '--control-prefix',
        control,
        '--truth',
        truthPath,
      ]),
      run.io,
    );
    await run.waitFor(/^control: listening on /);
    // Written before publishing: the planned truth, with no triggered incident yet.
    expect(readFileSync(truthPath, 'utf8')).not.toContain('triggered on demand');

    const fall = fakeIo();
    expect(await runCli(['fall', '--home', '1', '--url', url, '--control-prefix', control], fall.io)).toBe(0);
    expect(fall.text()).toContain(`sent fall for home 1 on ${control}/sim/control`);
    await run.waitFor(/^fall in home 1 \(sim1, /);
    run.stop();
    expect(await playing).toBe(0);

    expect(run.text()).toContain('incidents injected while running: 1 (fall 1, help 0)');
    const truth = parseJsonLines(readFileSync(truthPath, 'utf8'));
    const triggered = truth.filter((r) => r.type === 'incident' && r.note.startsWith('triggered on demand'));
    expect(triggered).toEqual([
      expect.objectContaining({ id: 'sim1-t001', kind: 'fall_no_recovery', expect: 'page', homeId: 'sim1' }),
    ]);
  });

  it('publishes a fall itself with fall --direct, from the home’s fall detector', async () => {
    const sub = await counter('zigbee2mqtt/demo2/#');
    try {
      const fall = fakeIo();
      expect(await runCli(['fall', '--direct', '--home', '2', '--url', url], fall.io)).toBe(0);
      await until(() => sub.received.length > 0);
      expect(sub.received[0]).toMatch(/^zigbee2mqtt\/demo2\/bathroom\/fall_detector \{.*"fall_down_status":"fall"/);
    } finally {
      await sub.client.endAsync();
    }
  });

  it('says in one line, exit 1, when the broker cannot be reached', async () => {
    const run = fakeIo();
    expect(await runCli(['run', '--days', '1', '--residents', '1', '--url', 'mqtt://127.0.0.1:1'], run.io)).toBe(1);
    expect(run.err).toEqual([
      expect.stringMatching(/^simulate: cannot connect to the MQTT broker at mqtt:\/\/127\.0\.0\.1:1: /),
    ]);
    const fall = fakeIo();
    expect(await runCli(['fall', '--url', 'mqtt://127.0.0.1:1'], fall.io)).toBe(1);
    expect(fall.err).toEqual([
      expect.stringMatching(/^simulate: cannot send to vaka-sim\/sim\/control at mqtt:\/\/127\.0\.0\.1:1: /),
    ]);
  });
});

describe('simulate replay', () => {
  it('--list prints house A’s devices to register', async () => {
    const list = fakeIo();
    expect(
      await runCli(
        ['replay', '--dataset', 'vankasteren', '--house', 'A', '--data-dir', VAN_KASTEREN_DIR, '--list'],
        list.io,
      ),
    ).toBe(0);
    const text = list.text();
    expect(text).toContain('Home 1 (vkA): Resident of house A');
    expect(text).toMatch(/vkA\/hall-front-door\s+door\s+Hall/);
    expect(text).toMatch(/vkA\/kitchen-fridge\s+door\s+Kitchen/);
  });

  it('plays house A with an injected fall and writes a truth that names it', async () => {
    const truthPath = join(dir, 'replay-truth.jsonl');
    const replay = fakeIo();
    const args = [
      'replay',
      '--house',
      'A',
      '--data-dir',
      VAN_KASTEREN_DIR,
      '--inject',
      'fall_no_recovery',
      '--speed',
      'max',
      '--url',
      url,
    ];
    expect(
      await runCli([...args, '--truth', truthPath, '--base-topic', `r${randomBytes(3).toString('hex')}`], replay.io),
    ).toBe(0);
    const truth = parseJsonLines(readFileSync(truthPath, 'utf8'));
    expect(truth[0]).toMatchObject({ type: 'run', source: 'vankasteren/houseA' });
    expect(truth.filter((r) => r.type === 'incident' && r.expect === 'page')).toEqual([
      expect.objectContaining({ id: 'vkA-0001', kind: 'fall_no_recovery', expect: 'page' }),
    ]);
    // House A's three nights away in the labels are expected absences (docs/replay.md).
    expect(truth.filter((r) => r.type === 'incident' && r.kind === 'away_day')).toHaveLength(3);
    expect(replay.text()).toMatch(/broker: ([\d,]+) published, \1 acked, 0 failed/);
  });
});
