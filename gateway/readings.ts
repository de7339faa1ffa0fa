/**
 * Turns a decoded message's signals into canonical events, using what the registry says the
 * device is. The same field means different things on different devices: Zigbee2MQTT's
 * `occupancy` is motion on a PIR sensor but "in bed" on a bed sensor, and `action` is a help
 * press only on a button registered as one.
 */
import type { DecodedMessage, DeviceBinding, ReadingType, SensorEvent, SensorKind } from './contract.js';

/** Button actions that are not a press: the release after a hold (IKEA: brightness_stop), a cleared legacy action. */
const NON_PRESS_ACTIONS = new Set(['release', 'hold_release', 'none', 'off', 'brightness_stop']);

/** Types whose event carries the device's state; battery/link-only messages become one `battery` or `heartbeat` event. */
type Reading = { type: ReadingType; value: SensorEvent['value']; accel?: SensorEvent['accel'] };

function seatedKind(kind: SensorKind): boolean {
  return kind === 'bed' || kind === 'chair';
}

export function readingsOf(message: DecodedMessage, kind: SensorKind): Reading[] {
  const s = message.signals;
  const out: Reading[] = [];
  if (s.motion !== undefined) out.push({ type: 'motion', value: s.motion });
  if (s.occupancy !== undefined) {
    const type = seatedKind(kind) ? 'occupancy' : kind === 'presence' ? 'presence' : 'motion';
    out.push({ type, value: s.occupancy });
  }
  if (s.presence !== undefined) {
    out.push({ type: seatedKind(kind) ? 'occupancy' : 'presence', value: s.presence });
  }
  if (s.contactOpen !== undefined) out.push({ type: 'contact', value: s.contactOpen });
  if (s.powerW !== undefined) out.push({ type: 'power', value: s.powerW });
  const pressed =
    s.help === true ||
    (s.action !== undefined && !NON_PRESS_ACTIONS.has(s.action) && (kind === 'help_button' || kind === 'wearable'));
  if (pressed) out.push({ type: 'help', value: true });
  if (s.fall) out.push({ type: 'fall', value: true });
  if (s.waterLeak !== undefined) out.push({ type: 'water_leak', value: s.waterLeak });
  if (s.vibration !== undefined) out.push({ type: 'vibration', value: s.vibration });
  if (s.tamper !== undefined) out.push({ type: 'tamper', value: s.tamper });
  if (s.accel !== undefined) out.push({ type: 'accel', value: peakMagnitude(s.accel.samples), accel: s.accel });
  if (s.online !== undefined) out.push({ type: 'availability', value: s.online });
  if (out.length === 0) {
    if (s.battery !== undefined) out.push({ type: 'battery', value: s.battery });
    else out.push({ type: 'heartbeat', value: null });
  }
  return out;
}

export function toEvents(message: DecodedMessage, binding: DeviceBinding, receivedAt: number): SensorEvent[] {
  const s = message.signals;
  const eventTime = message.eventTime ?? receivedAt;
  return readingsOf(message, binding.kind).map((reading) => {
    const event: SensorEvent = {
      deviceId: binding.deviceId,
      residentId: binding.residentId,
      roomId: binding.roomId,
      sensorKind: binding.kind,
      type: reading.type,
      value: reading.value,
      eventTime,
      receivedAt,
    };
    if (s.battery !== undefined) event.battery = s.battery;
    if (s.batteryLow !== undefined) event.batteryLow = s.batteryLow;
    if (s.linkquality !== undefined) event.linkquality = s.linkquality;
    if (reading.accel !== undefined) event.accel = reading.accel;
    return event;
  });
}

/** Largest acceleration magnitude in the window, in g (about 1 g at rest). */
export function peakMagnitude(samples: [number, number, number][]): number {
  let peak = 0;
  for (const [x, y, z] of samples) peak = Math.max(peak, Math.hypot(x, y, z));
  return Math.round(peak * 1000) / 1000;
}
