import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../../service/broker/embedded-broker.js';
import type { Home, IncidentKind } from '../../../simulator/contract.js';
import {
  type ControlMessage,
  controlTopic,
  parseControl,
  publishControl,
  sendControl,
  subscribeControl,
} from '../../../simulator/control/index.js';

const homes: Home[] = ['demo1', 'demo2', '7'].map((id, i) => ({
  id,
  resident: `Resident ${i + 1}`,
  timeZone: 'Europe/Stockholm',
  rooms: [{ name: 'Hall', kind: 'hall' }],
  devices: [],
}));

describe('control message validation', () => {
  it.each([
    ['{"incident":"fall","home":"1"}', 'fall', 0],
    ['{"incident":"help","home":2}', 'help', 1],
    ['{"incident":"help","home":"demo2"}', 'help', 1],
    ['{"incident":"fall","home":" 3 "}', 'fall', 2],
    // A home id wins over a number: home "7" is the third home, not the seventh.
    ['{"incident":"fall","home":"7"}', 'fall', 2],
  ])('accepts %s as %s in home index %i (0-based)', (payload, kind, homeIndex) => {
    expect(parseControl(payload, homes)).toMatchObject({ ok: true, kind, homeIndex });
  });

  it.each([
    ['text that is not JSON', 'incident fall', /^not JSON/],
    ['an unknown incident', '{"incident":"fire","home":"1"}', /incident/],
    ['a missing home', '{"incident":"fall"}', /home/],
    ['a home number out of range', '{"incident":"fall","home":"4"}', /no home 4: there are 3/],
    ['home 0 (homes count from 1)', '{"incident":"fall","home":0}', /home/],
    ['an unknown home id', '{"incident":"fall","home":"demo9"}', /no home with id "demo9"/],
    ['an unknown key (a typo)', '{"incident":"fall","home":"1","hmoe":"2"}', /hmoe/],
    ['an oversized payload', `{"incident":"fall","home":"1","x":"${'x'.repeat(2000)}"}`, /bytes, limit 1024/],
  ])('refuses %s, saying why', (_what, payload, reason) => {
    const parsed = parseControl(payload, homes);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('puts the control topic under its own prefix, vaka-sim by default', () => {
    expect(controlTopic()).toBe('vaka-sim/sim/control');
    expect(controlTopic('lab')).toBe('lab/sim/control');
  });

  it('refuses to publish an invalid control message', async () => {
    const client = { publishAsync: async () => undefined };
    await expect(
      publishControl(client, { incident: 'flood', home: '1' } as unknown as ControlMessage),
    ).rejects.toThrow();
  });
});

describe('control topic on a broker (embedded aedes)', () => {
  let broker: EmbeddedBroker;
  let url: string;
  let client: MqttClient;
  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: 'open' });
    url = `mqtt://127.0.0.1:${broker.port}`;
    client = await mqtt.connectAsync(url);
  });
  afterAll(async () => {
    await client.endAsync();
    await broker.close();
  });

  async function until(check: () => boolean): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('calls the handler for a valid message, logs and ignores a bad one, and survives a failing handler', async () => {
    const prefix = `vaka-sim-t-${randomBytes(4).toString('hex')}`;
    const calls: [IncidentKind, number][] = [];
    const log: string[] = [];
    const unsubscribe = await subscribeControl(client, {
      homes,
      prefix,
      log: (line) => log.push(line),
      onIncident: async (kind, homeIndex) => {
        calls.push([kind, homeIndex]);
        if (homeIndex === 1) throw new Error('no help button');
      },
    });
    const topic = controlTopic(prefix);
    await client.publishAsync(topic, '{"incident":"fire","home":"1"}', { qos: 1 });
    await publishControl(client, { incident: 'help', home: 'demo2' }, prefix);
    await sendControl(url, { incident: 'fall', home: '1' }, { prefix });
    await until(() => calls.length === 2 && log.length >= 4);
    expect(calls).toEqual([
      ['help', 1],
      ['fall', 0],
    ]);
    expect(log[0]).toMatch(new RegExp(`^control: ignored a message on ${topic}: .*incident`));
    expect(log).toContain('control: help in home 2 (demo2, Resident 2) failed: no help button');
    expect(log).toContain('control: fall in home 1 (demo1, Resident 1)');

    await unsubscribe();
    await publishControl(client, { incident: 'fall', home: 1 }, prefix);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toHaveLength(2);
  });
});
