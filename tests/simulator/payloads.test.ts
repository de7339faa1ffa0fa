import { describe, expect, it } from 'vitest';
import { decodeNative, NativePayload } from '../../gateway/formats/vaka-native.js';
import { decodeZ2m } from '../../gateway/formats/zigbee2mqtt.js';
import {
  type Device,
  demoHomes,
  generateReadings,
  type Reading,
  renderVaka,
  renderZ2m,
} from '../../simulator/index.js';
import { DAY, MONDAY_6AM, render } from './helpers.js';

const door: Device = { address: 'demo1/hall/front_door', kind: 'door', room: 'Hall' };
const at = MONDAY_6AM;

function z2mSignals(device: Device, reading: Reading) {
  const message = renderZ2m(device, reading);
  const decoded = decodeZ2m(message.topic, message.payload, { baseTopic: 'zigbee2mqtt' });
  if (decoded.kind !== 'decoded') throw new Error(`gateway did not decode ${message.payload}`);
  return decoded.message;
}

describe('Vaka native payloads', () => {
  it('every vaka message of two simulated days parses with the gateway NativePayload schema and decodes', () => {
    const homes = demoHomes(2, 'vaka');
    const messages = render('vaka', generateReadings(homes, { seed: 5, start: at, durationMs: 2 * DAY }));
    expect(messages.length).toBeGreaterThan(500);
    for (const message of messages) {
      const parsed = NativePayload.safeParse(JSON.parse(message.payload));
      expect(parsed.success, message.payload).toBe(true);
      expect(decodeNative(message.topic, message.payload, { prefix: 'vaka' }).kind, message.topic).toBe('decoded');
    }
  });

  it('carries the type tag and the event time as epoch milliseconds on <prefix>/sensor/<deviceId>', () => {
    const device: Device = { address: 'demo1-hall-front_door', kind: 'door', room: 'Hall' };
    const message = renderVaka(device, { kind: 'door', open: true, battery: 80, linkquality: 99 }, at, 'care');
    expect(message.topic).toBe('care/sensor/demo1-hall-front_door');
    expect(JSON.parse(message.payload)).toEqual({ type: 'contact', open: true, battery: 80, linkquality: 99, ts: at });
  });

  it('renders each reading kind as its native type', () => {
    const types = (['motion', 'bed', 'power', 'help', 'fall', 'heartbeat'] as const).map((kind) => {
      const reading = {
        motion: { kind: 'motion', detected: true },
        bed: { kind: 'bed', occupied: false },
        power: { kind: 'power', watts: 1850 },
        help: { kind: 'help' },
        fall: { kind: 'fall' },
        heartbeat: { kind: 'heartbeat' },
      }[kind] as Reading;
      return JSON.parse(renderVaka(door, reading, at).payload);
    });
    expect(types).toEqual([
      { type: 'motion', motion: true, ts: at },
      { type: 'occupancy', occupied: false, ts: at },
      { type: 'power', watts: 1850, ts: at },
      { type: 'help', ts: at },
      { type: 'fall', ts: at },
      { type: 'heartbeat', ts: at },
    ]);
  });
});

describe('chair pads and accelerometer windows', () => {
  const chair: Device = { address: 'demo1-living_room-chair', kind: 'chair', room: 'Living room' };
  const wearable: Device = { address: 'demo1-person-wearable', kind: 'wearable', room: 'Bedroom' };
  const samples: [number, number, number][] = [
    [0.01, -0.98, 0.12],
    [0.02, -0.97, 0.11],
  ];

  it('natively: a chair is an occupancy reading, a window an accel reading with rate_hz and samples in g', () => {
    expect(JSON.parse(renderVaka(chair, { kind: 'chair', occupied: true, battery: 70 }, at).payload)).toEqual({
      type: 'occupancy',
      occupied: true,
      battery: 70,
      ts: at,
    });
    const message = renderVaka(wearable, { kind: 'accel', rateHz: 50, samples, linkquality: 90 }, at);
    expect(JSON.parse(message.payload)).toEqual({ type: 'accel', rate_hz: 50, samples, linkquality: 90, ts: at });
    const decoded = decodeNative(message.topic, message.payload, { prefix: 'vaka' });
    expect(decoded.kind === 'decoded' ? decoded.message.signals.accel : undefined).toEqual({ rateHz: 50, samples });
  });

  it('in Zigbee2MQTT: a chair pad is a Tuya C3007 `pressure`, read as occupancy; a window has no z2m shape', () => {
    const pad: Device = { address: 'demo1/living_room/chair', kind: 'chair', room: 'Living room' };
    expect(JSON.parse(renderZ2m(pad, { kind: 'chair', occupied: true }).payload)).toEqual({ pressure: true });
    expect(z2mSignals(pad, { kind: 'chair', occupied: false }).signals.occupancy).toBe(false);
    const worn: Device = { address: 'demo1/person/wearable', kind: 'wearable', room: 'Bedroom' };
    expect(JSON.parse(renderZ2m(worn, { kind: 'accel', rateHz: 50, samples, linkquality: 90 }).payload)).toEqual({
      linkquality: 90,
    });
  });
});

describe('Zigbee2MQTT payloads', () => {
  it('renders a door opening as contact:false (Zigbee2MQTT contact is true when CLOSED)', () => {
    expect(JSON.parse(renderZ2m(door, { kind: 'door', open: true }).payload)).toEqual({ contact: false });
    expect(JSON.parse(renderZ2m(door, { kind: 'door', open: false }).payload)).toEqual({ contact: true });
    expect(z2mSignals(door, { kind: 'door', open: true }).signals.contactOpen).toBe(true);
  });

  it('publishes on <base>/<friendly name> with no timestamp, keys sorted as Zigbee2MQTT does', () => {
    const motion: Device = { address: 'demo1/kitchen/motion', kind: 'motion', room: 'Kitchen' };
    const message = renderZ2m(motion, { kind: 'motion', detected: true, battery: 97, linkquality: 120 }, 'z2m');
    expect(message).toEqual({
      topic: 'z2m/demo1/kitchen/motion',
      payload: '{"battery":97,"linkquality":120,"occupancy":true}',
    });
  });

  it('renders a plug as power and state, a help press as action "emergency", a fall as fall_down_status "fall"', () => {
    const plug: Device = { address: 'demo1/kitchen/kettle', kind: 'power_plug', room: 'Kitchen' };
    const button: Device = { address: 'demo1/living_room/help_button', kind: 'help_button', room: 'Living room' };
    const radar: Device = { address: 'demo1/bathroom/fall_detector', kind: 'fall_detector', room: 'Bathroom' };
    expect(JSON.parse(renderZ2m(plug, { kind: 'power', watts: 1850 }).payload)).toEqual({ power: 1850, state: 'ON' });
    expect(JSON.parse(renderZ2m(plug, { kind: 'power', watts: 0 }).payload)).toEqual({ power: 0, state: 'OFF' });
    expect(JSON.parse(renderZ2m(button, { kind: 'help', battery: 90 }).payload)).toEqual({
      action: 'emergency',
      battery: 90,
    });
    expect(JSON.parse(renderZ2m(radar, { kind: 'fall' }).payload)).toEqual({
      fall_down_status: 'fall',
      presence: true,
    });
    expect(z2mSignals(button, { kind: 'help' }).signals.help).toBe(true);
    expect(z2mSignals(radar, { kind: 'fall' }).signals.fall).toBe(true);
  });

  it('every z2m message of a simulated day decodes in the gateway without an event time', () => {
    const homes = demoHomes(2, 'z2m');
    for (const message of render('z2m', generateReadings(homes, { seed: 5, start: at, durationMs: DAY }))) {
      const decoded = decodeZ2m(message.topic, message.payload, { baseTopic: 'zigbee2mqtt' });
      expect(decoded.kind, message.payload).toBe('decoded');
      if (decoded.kind === 'decoded') expect(decoded.message.eventTime).toBeUndefined();
    }
  });
});
