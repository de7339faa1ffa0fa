/**
 * A detector looks at events (and, for absences, clock ticks) and asks for alerts to be
 * raised or cleared. Detectors hold only per-device or per-resident state in memory, which
 * the engine can rebuild from the database, and never touch I/O themselves.
 */
import type { SensorEvent } from '../../gateway/contract.js';
import type { DeviceInfo } from '../registry.js';
import type { AlertCandidate } from '../store/alerts-store.js';

export type AlertAction =
  | { kind: 'raise'; alert: AlertCandidate }
  | { kind: 'clear'; residentId: string; foldKey: string; at: number };

export interface DetectorContext {
  device(deviceId: string): DeviceInfo | undefined;
  /** The room's kind (service/contract.ts RoomKind) where the caller knows it; else the behaviour model goes by the room's name. */
  roomKind?(roomId: string): string | undefined;
}

export interface Detector {
  /** Stable rule id(s) from docs/alert-rules.md. */
  readonly ruleIds: readonly string[];
  onEvent?(event: SensorEvent, ctx: DetectorContext): AlertAction[];
  /** Called on every clock tick; `now` is the wall clock live and the stream's time in replay. */
  onTick?(now: number, ctx: DetectorContext): AlertAction[];
  /** At start-up, for each alert still active: take back the state that raised it, so it can clear. */
  restore?(alert: ActiveAlert): void;
}

export interface ActiveAlert {
  kind: string;
  residentId: string;
  deviceId: string | null;
}

/** "the bathroom fall detector", "the kitchen motion sensor (Kettle)": how a reason names a device. */
export function deviceName(device: DeviceInfo | undefined): string {
  if (device === undefined) return 'an unknown device';
  const what = KIND_NAMES[device.kind] ?? device.kind;
  const where = device.roomName ? `${device.roomName.toLowerCase()} ` : '';
  const label = device.label ? ` (${device.label})` : '';
  return `the ${where}${what}${label}`;
}

export const KIND_NAMES: Record<string, string> = {
  motion: 'motion sensor',
  door: 'door sensor',
  presence: 'presence sensor',
  bed: 'bed sensor',
  chair: 'chair sensor',
  power_plug: 'smart plug',
  help_button: 'help button',
  fall_detector: 'fall detector',
  wearable: 'wearable',
  water_leak: 'leak sensor',
  vibration: 'vibration sensor',
  other: 'sensor',
};

/** "3 h 10 min", "45 min", "20 s". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
