/**
 * One fixed rule of the baseline. Each holds its own per-resident or per-device state, sees every
 * event with what the home makes of it, and may act on clock ticks.
 */
import type { SensorEvent } from '../../gateway/contract.js';
import type { Severity } from '../../service/contract.js';
import type { AlertAction } from '../../service/detectors/detector.js';
import type { DeviceInfo } from '../../service/registry.js';
import type { BaselineHome } from './home.js';
import type { BaselineSettings } from './settings.js';

export interface Observation {
  event: SensorEvent;
  home: BaselineHome;
  /** Someone did something in a room (BaselineHome.presence). */
  present: boolean;
  /** …and it shows the resident is up: not the bedroom, not a bed (BaselineHome.isUp). */
  up: boolean;
}

export interface BaselineRule {
  /** `BASE-*`, listed in docs/evaluation.md. */
  readonly ruleId: string;
  added?(device: DeviceInfo, lastSeen: number): void;
  onEvent?(o: Observation): AlertAction[];
  onTick?(now: number): AlertAction[];
}

export type RuleFactory = (settings: BaselineSettings, homes: ReadonlyMap<string, BaselineHome>) => BaselineRule;

export interface RaiseInput {
  residentId: string;
  kind: string;
  ruleId: string;
  severity: Severity;
  reason: string;
  at: number;
  foldKey?: string;
  roomId?: string | null;
  deviceId?: string | null;
}

export function raise(input: RaiseInput): AlertAction {
  return {
    kind: 'raise',
    alert: {
      residentId: input.residentId,
      roomId: input.roomId ?? null,
      deviceId: input.deviceId ?? null,
      kind: input.kind,
      ruleId: input.ruleId,
      severity: input.severity,
      reason: input.reason,
      foldKey: input.foldKey ?? input.kind,
      at: input.at,
    },
  };
}

/** "07:00" for a time of day in ms since midnight. */
export const clockText = (ms: number) =>
  `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}`;

/** "12 h", "1 h 5 min", "10 min". */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
