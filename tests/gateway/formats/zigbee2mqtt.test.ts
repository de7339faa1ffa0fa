import { describe, expect, it } from 'vitest';
import { decodeZ2m } from '../../../gateway/formats/zigbee2mqtt.js';

const topics = { baseTopic: 'zigbee2mqtt' };
const decode = (topic: string, payload: unknown) =>
  decodeZ2m(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), topics);
const signals = (topic: string, payload: unknown) => {
  const r = decode(topic, payload);
  if (r.kind !== 'decoded') throw new Error(`not decoded: ${JSON.stringify(r)}`);
  return r.message.signals;
};

describe('Zigbee2MQTT format', () => {
  it('keeps a friendly name with slashes as the address and has no event time', () => {
    const r = decode('zigbee2mqtt/astrid/kitchen/motion', { occupancy: true, battery: 97, linkquality: 120 });
    expect(r).toEqual({
      kind: 'decoded',
      message: {
        format: 'z2m',
        address: 'astrid/kitchen/motion',
        signals: { occupancy: true, battery: 97, linkquality: 120 },
      },
    });
  });

  it('reads contact: true as a CLOSED door (Zigbee2MQTT: true = magnet near)', () => {
    expect(signals('zigbee2mqtt/door', { contact: true })).toEqual({ contactOpen: false });
    expect(signals('zigbee2mqtt/door', { contact: false })).toEqual({ contactOpen: true });
  });

  it('reads help from Tuya TS0215A_sos action "emergency", and the Feibit SEB01ZB sos state', () => {
    expect(signals('zigbee2mqtt/sos', { action: 'emergency', battery: 100 })).toMatchObject({ help: true });
    expect(signals('zigbee2mqtt/sos', { sos: true, tamper: false })).toEqual({ sos: true, tamper: false });
    expect(signals('zigbee2mqtt/button', { action: 'single' })).toEqual({ action: 'single' });
  });

  it('reads falls from fall_down_status, fall_status and OWON status, and not their pre-alerts', () => {
    expect(signals('zigbee2mqtt/radar', { fall_down_status: 'fall', presence: true })).toMatchObject({ fall: true });
    expect(signals('zigbee2mqtt/radar', { fall_down_status: 'maybe_fall' })).toMatchObject({ fall: false });
    expect(signals('zigbee2mqtt/heiman', { fall_status: 'fall_alarm' })).toMatchObject({ fall: true });
    expect(signals('zigbee2mqtt/heiman', { fall_status: 'fall_warning' })).toMatchObject({ fall: false });
    expect(signals('zigbee2mqtt/owon', { status: 'falling' })).toMatchObject({ fall: true });
    expect(signals('zigbee2mqtt/owon', { status: 'sitting' })).toEqual({ fall: false });
  });

  it('reads water_leak, vibration, tamper, power, battery_low and pressure pads', () => {
    expect(
      signals('zigbee2mqtt/x', { water_leak: true, vibration: false, tamper: true, power: 1850.5, battery_low: true }),
    ).toEqual({ waterLeak: true, vibration: false, tamper: true, powerW: 1850.5, batteryLow: true });
    expect(signals('zigbee2mqtt/pad', { pressure: true })).toEqual({ occupancy: true });
  });

  it('does not read a weather sensor’s air pressure (hPa) as someone on a pressure pad', () => {
    expect(signals('zigbee2mqtt/weather', { pressure: 1013.2, temperature: 21 })).toEqual({});
  });

  it('ignores an out-of-range battery or link quality instead of losing the message with it', () => {
    expect(signals('zigbee2mqtt/radar', { fall_down_status: 'fall', battery: 300, linkquality: -4 })).toEqual({
      fall: true,
    });
  });

  it.each([
    ['the relative form', '5 seconds ago'],
    ['seconds instead of milliseconds', 1_764_000_000],
    ['a fraction (found by fuzzing)', 5.5e-268],
    ['beyond what a Date can hold', 1e300],
  ])('ignores a last_seen it cannot read as a time: %s', (_what, lastSeen) => {
    const r = decode('zigbee2mqtt/x', { occupancy: true, last_seen: lastSeen });
    expect(r).toMatchObject({ kind: 'decoded', message: { signals: { occupancy: true } } });
    expect(r.kind === 'decoded' && r.message.eventTime).toBeUndefined();
  });

  it('ignores fields it does not use, nulls and an empty action', () => {
    expect(
      signals('zigbee2mqtt/x', { temperature: 21.5, update: { state: null }, action: '', occupancy: null }),
    ).toEqual({});
  });

  it('uses last_seen as the event time when Zigbee2MQTT adds it', () => {
    const r = decode('zigbee2mqtt/x', { occupancy: true, last_seen: '2026-11-25T06:00:00.000Z' });
    expect(r.kind === 'decoded' && r.message.eventTime).toBe(Date.parse('2026-11-25T06:00:00Z'));
  });

  it('reads availability in the JSON form and the legacy plain form', () => {
    expect(signals('zigbee2mqtt/a/b/availability', { state: 'offline' })).toEqual({ online: false });
    expect(signals('zigbee2mqtt/a/b/availability', 'online')).toEqual({ online: true });
    const r = decode('zigbee2mqtt/a/b/availability', { state: 'online' });
    expect(r.kind === 'decoded' && r.message.address).toBe('a/b');
    expect(decode('zigbee2mqtt/a/availability', { state: 'maybe' })).toMatchObject({ reason: 'schema_violation' });
  });

  it('ignores bridge topics, commands, the republished action topic and cleared retained topics', () => {
    for (const topic of [
      'zigbee2mqtt/bridge/state',
      'zigbee2mqtt/bridge/devices',
      'zigbee2mqtt/lamp/set',
      'zigbee2mqtt/lamp/set/brightness',
      'zigbee2mqtt/lamp/get',
      'zigbee2mqtt/button/action',
    ]) {
      expect(decode(topic, { state: 'ON' }).kind, topic).toBe('ignored');
    }
    expect(decode('zigbee2mqtt/old-name', '').kind).toBe('ignored');
  });

  it('dead-letters what is not a JSON object or has a known field of the wrong type', () => {
    expect(decode('zigbee2mqtt/x', '{oops')).toMatchObject({ reason: 'malformed_json' });
    expect(decode('zigbee2mqtt/x', [1, 2])).toMatchObject({ reason: 'schema_violation' });
    expect(decode('zigbee2mqtt/x', 42)).toMatchObject({ reason: 'schema_violation' });
    expect(decode('zigbee2mqtt/x', { occupancy: 'yes' })).toMatchObject({ reason: 'schema_violation' });
    expect(decode('zigbee2mqtt/x', { contact: 1 })).toMatchObject({ reason: 'schema_violation' });
  });
});
