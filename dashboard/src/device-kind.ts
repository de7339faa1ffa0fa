/**
 * A first guess at what kind of sensor an unclaimed device is, from the signals its messages
 * carried (gateway/contract.ts Signals), so an operator usually only confirms. Pure.
 */
import type { SensorKind } from '../../service/contract.js';

/** Most telling signal first: a fall detector also reports presence, a help button also a battery. */
const BY_SIGNAL: readonly [string, SensorKind][] = [
  ['fall', 'fall_detector'],
  ['accel', 'wearable'],
  ['help', 'help_button'],
  ['sos', 'help_button'],
  ['action', 'help_button'],
  ['contactOpen', 'door'],
  ['waterLeak', 'water_leak'],
  ['powerW', 'power_plug'],
  ['occupancy', 'motion'],
  ['motion', 'motion'],
  ['presence', 'presence'],
  ['vibration', 'vibration'],
];

export function guessKind(signals: readonly string[]): SensorKind {
  for (const [signal, kind] of BY_SIGNAL) if (signals.includes(signal)) return kind;
  return 'other';
}
