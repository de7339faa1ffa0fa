import { describe, expect, it } from 'vitest';
import type { DeadLetter, DeviceBinding, SensorEvent, UnclaimedSighting } from '../../gateway/contract.js';
import { createIngest } from '../../gateway/ingest.js';

function setup(bindings: Record<string, DeviceBinding> = {}) {
  const out = { events: [] as SensorEvent[], dead: [] as DeadLetter[], unclaimed: [] as UnclaimedSighting[] };
  const ingest = createIngest(
    {
      native: { prefix: 'vaka' },
      z2m: { baseTopic: 'zigbee2mqtt' },
      maxPayloadBytes: 1024,
      dedupeWindowMs: 10_000,
      maxClockSkewMs: 300_000,
    },
    { lookup: (format, address) => bindings[`${format}:${address}`] },
    {
      events: (e) => out.events.push(...e),
      deadLetter: (d) => out.dead.push(d),
      unclaimed: (u) => out.unclaimed.push(u),
    },
  );
  return { ingest, out };
}

const help: DeviceBinding = { deviceId: 'dev-help', residentId: 'res-1', roomId: 'room-1', kind: 'help_button' };
const send = (ingest: ReturnType<typeof setup>['ingest'], topic: string, payload: string, at = 1000, dup = false) =>
  ingest.handle(topic, new TextEncoder().encode(payload), at, { dup });
const NOW = 1_764_000_000_000;

describe('ingest: one message in, events or a dead letter out', () => {
  it('turns a claimed Zigbee2MQTT button press into a help event stamped with receive time', () => {
    const { ingest, out } = setup({ 'z2m:astrid/help': help });
    expect(send(ingest, 'zigbee2mqtt/astrid/help', '{"action":"single","battery":90}', 5000)).toBe('accepted');
    expect(out.events).toMatchObject([
      { deviceId: 'dev-help', type: 'help', value: true, eventTime: 5000, battery: 90 },
    ]);
  });

  it('keeps a message from an unknown device as an unclaimed sighting with the signals it carried', () => {
    const { ingest, out } = setup();
    expect(send(ingest, 'zigbee2mqtt/new/pir', '{"occupancy":true,"battery":100}')).toBe('unclaimed');
    expect(out.unclaimed).toMatchObject([{ format: 'z2m', address: 'new/pir', signals: ['occupancy', 'battery'] }]);
    expect(out.events).toEqual([]);
  });

  it.each([
    ['malformed JSON', 'zigbee2mqtt/x', '{"occupancy":', 'malformed_json'],
    ['a schema violation', 'vaka/sensor/x', '{"type":"motion"}', 'schema_violation'],
    ['an unknown topic', 'somewhere/else', '{}', 'unknown_topic'],
  ])('dead-letters %s with its reason and keeps the payload', (_what, topic, payload, reason) => {
    const { ingest, out } = setup();
    expect(send(ingest, topic, payload)).toBe('dead_letter');
    expect(out.dead).toMatchObject([{ topic, payload, reason, payloadBytes: payload.length, receivedAt: 1000 }]);
    expect(ingest.counters.deadLetters).toBe(1);
  });

  it('dead-letters a payload over the size limit without parsing it', () => {
    const { ingest, out } = setup();
    const big = `{"pad":"${'x'.repeat(5000)}"}`;
    expect(send(ingest, 'zigbee2mqtt/x', big)).toBe('dead_letter');
    expect(out.dead[0]).toMatchObject({ reason: 'too_large', payloadBytes: big.length });
    expect(out.dead[0]?.payload.length).toBeLessThanOrEqual(2048);
  });

  it('drops a copy of a timed message (same bytes, same topic) and counts it', () => {
    const native: DeviceBinding = { deviceId: 'd', residentId: 'r', roomId: null, kind: 'help_button' };
    const { ingest, out } = setup({ 'vaka:b1': native });
    const press = JSON.stringify({ type: 'help', ts: NOW });
    send(ingest, 'vaka/sensor/b1', press, NOW);
    expect(send(ingest, 'vaka/sensor/b1', press, NOW + 500)).toBe('duplicate');
    expect(out.events).toHaveLength(1);
    expect(ingest.counters).toMatchObject({ received: 2, accepted: 1, duplicates: 1 });
  });

  it('drops an untimed Zigbee2MQTT copy only when the broker flags it as a redelivery', () => {
    const door: DeviceBinding = { deviceId: 'door', residentId: 'r', roomId: null, kind: 'door' };
    const { ingest, out } = setup({ 'z2m:front': door });
    send(ingest, 'zigbee2mqtt/front', '{"contact":false}', 1000);
    send(ingest, 'zigbee2mqtt/front', '{"contact":true}', 2000);
    expect(send(ingest, 'zigbee2mqtt/front', '{"contact":false}', 3000)).toBe('accepted');
    expect(send(ingest, 'zigbee2mqtt/front', '{"contact":false}', 3100, true)).toBe('duplicate');
    expect(out.events.map((e) => e.value)).toEqual([true, false, true]);
  });

  it('starts a replayed message’s duplicate window at the replay, so the broker’s copy after a slow restart is dropped', () => {
    const door: DeviceBinding = { deviceId: 'door', residentId: 'r', roomId: null, kind: 'door' };
    const { ingest, out } = setup({ 'z2m:front': door });
    const bytes = new TextEncoder().encode('{"contact":false}');
    // Journaled at 1000 before the kill; replayed at 60,000, a minute later, with its own time.
    expect(ingest.handle('zigbee2mqtt/front', bytes, 1000, { windowFrom: 60_000 })).toBe('accepted');
    expect(out.events[0]?.eventTime).toBe(1000);
    expect(ingest.handle('zigbee2mqtt/front', bytes, 60_200, { dup: true })).toBe('duplicate');
  });

  it('replaces an event time far in the future with receive time', () => {
    const native: DeviceBinding = { deviceId: 'd', residentId: 'r', roomId: null, kind: 'motion' };
    const { ingest, out } = setup({ 'vaka:m1': native });
    send(ingest, 'vaka/sensor/m1', JSON.stringify({ type: 'motion', motion: true, ts: NOW + 86_400_000 }), NOW);
    expect(out.events[0]?.eventTime).toBe(NOW);
  });

  it('pages a Zigbee2MQTT fall or SOS state once when it switches on, not on every cached repeat', () => {
    const radar: DeviceBinding = { deviceId: 'radar', residentId: 'r', roomId: null, kind: 'fall_detector' };
    const sos: DeviceBinding = { deviceId: 'sos', residentId: 'r', roomId: null, kind: 'help_button' };
    const owon: DeviceBinding = { ...radar, deviceId: 'owon' };
    const { ingest, out } = setup({ 'z2m:radar': radar, 'z2m:sos': sos, 'z2m:owon': owon });
    send(ingest, 'zigbee2mqtt/radar', '{"fall_down_status":"fall","presence":true}', 1000);
    send(ingest, 'zigbee2mqtt/radar', '{"fall_down_status":"fall","presence":true,"battery":80}', 20_000);
    send(ingest, 'zigbee2mqtt/radar', '{"fall_down_status":"none","presence":true}', 30_000);
    send(ingest, 'zigbee2mqtt/radar', '{"fall_down_status":"fall","presence":true}', 40_000);
    send(ingest, 'zigbee2mqtt/owon', '{"status":"falling"}', 1000);
    send(ingest, 'zigbee2mqtt/owon', '{"status":"occupied"}', 10_000);
    send(ingest, 'zigbee2mqtt/owon', '{"status":"falling"}', 50_000);
    send(ingest, 'zigbee2mqtt/sos', '{"sos":true}', 1000);
    send(ingest, 'zigbee2mqtt/sos', '{"sos":true,"battery":90}', 60_000);
    const alarms = out.events.filter((e) => e.type === 'fall' || e.type === 'help');
    expect(alarms.map((e) => [e.deviceId, e.type, e.receivedAt])).toEqual([
      ['radar', 'fall', 1000],
      ['radar', 'fall', 40_000],
      ['owon', 'fall', 1000],
      ['owon', 'fall', 50_000],
      ['sos', 'help', 1000],
    ]);
  });

  it('never throws, whatever bytes arrive', () => {
    const { ingest } = setup({ 'z2m:astrid/help': help });
    const nasty = [
      new Uint8Array([0xff, 0xfe, 0x00, 0x80]),
      new TextEncoder().encode('{"__proto__":{"polluted":true},"occupancy":true}'),
      new TextEncoder().encode('{"constructor":{"prototype":{}}}'),
      new TextEncoder().encode(`${'['.repeat(500)}${']'.repeat(500)}`),
      new TextEncoder().encode('{"battery":1e400}'),
    ];
    for (const payload of nasty) {
      expect(() => ingest.handle('zigbee2mqtt/astrid/help', payload, 1)).not.toThrow();
      expect(() => ingest.handle('vaka/sensor/a', payload, 1)).not.toThrow();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
