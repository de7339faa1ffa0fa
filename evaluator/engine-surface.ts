/**
 * What the evaluator needs from an alerting engine: the public surface of service/engine.ts
 * (`added`, `onEvent`, `tick`, and the AlertAction union). Vaka's Engine and the fixed-rule
 * baseline both fit it, so the same replay drives either.
 */
import type { Logger } from 'pino';
import type { SensorEvent, SensorKind } from '../gateway/contract.js';
import type { AlertAction, DetectorContext } from '../service/detectors/detector.js';
import type { Insight } from '../service/model/day/day-profile.js';
import type { DeviceInfo } from '../service/registry.js';
import type { DeviceRole, RoomKind } from '../simulator/index.js';

export interface ReplayEngine {
  added(device: DeviceInfo, lastSeen: number): void;
  onEvent(event: SensorEvent): AlertAction[];
  tick(now: number): AlertAction[];
  /** Day-level insights found during the replay (Vaka's DAY-1, TREND-1); never paged. */
  foundInsights?(): readonly Insight[];
  /** Away or hospital until `until`, as staff register it (Vaka: Engine.setContext; the baseline: its Away key). */
  setContext?(residentId: string, context: { kind: 'away' | 'hospital'; until: number } | undefined): void;
  /** A staff outcome for a resolved alert (Vaka: Engine.feedback, as AlertService.resolve calls it). */
  feedback?(residentId: string, ruleId: string, outcome: 'confirmed' | 'false_alarm' | 'expected'): void;
}

/** One resident's home as an installer would set it up: rooms with their kinds, devices with their roles. */
export interface ResidentSetup {
  residentId: string;
  name: string;
  /** IANA zone of the home: "night" and "morning" are local. */
  timeZone: string;
  rooms: readonly { roomId: string; name: string; kind: RoomKind }[];
  devices: readonly { deviceId: string; roomId: string | null; kind: SensorKind; role: DeviceRole | undefined }[];
}

/** Everything an engine may be built from. */
export interface EngineEnv {
  /** Device lookups, as the service's registry answers them. */
  ctx: DetectorContext;
  log: Logger;
  residents: readonly ResidentSetup[];
}

/** Builds a fresh engine for one replay. */
export interface EngineSpec {
  /** Short name in tables and JSON: `vaka`, `baseline`, `vaka+staff`. */
  name: string;
  /** Staff register absences and give outcomes in the replay (evaluator/staff.ts). */
  staff?: boolean;
  build(env: EngineEnv): ReplayEngine;
}

/** The same engine with staff in the loop: contexts and outcomes reach it (evaluator/staff.ts). */
export function withStaff(spec: EngineSpec): EngineSpec {
  return { ...spec, name: `${spec.name}+staff`, staff: true };
}
