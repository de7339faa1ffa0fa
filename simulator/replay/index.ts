/**
 * Replaying real datasets: the public surface for the CLI, the evaluator and tests. A replay is a
 * ReadingSource (simulator/source.ts) with ground truth, built from a dataset (van Kasteren
 * houses, or any event log) and a mapping file. See docs/replay.md.
 */

export { NIGHT_EXIT_DEADLINE_MIN, unseenFallDeadlineMin } from '../incident-catalogue.js';
export { spansNight } from './absences.js';
export type { ReplayDataset, SensorInterval, WallSpan } from './dataset.js';
export { IncidentPlacementError, ReplayInputError, type UnmappedSensor, UnmappedSensorError } from './errors.js';
export { type EventLogOptions, parseEventLog, readEventLog } from './event-log.js';
export type { ReplayDevice } from './fit-contract.js';
export { DayRef, IncidentPlan, TimeOfDay } from './incident-plan.js';
export {
  addressOf,
  assertAllMapped,
  parseMapping,
  ReplayMapping,
  ReplayRoom,
  ReplayRoomKind,
  readMapping,
  SensorMapping,
} from './mapping.js';
export { type OnEvent, onEvents, type ReferenceStats, referenceStats } from './reference-stats.js';
export { createReplay, type Replay, type ReplayOptions } from './replay-source.js';
export {
  parseNames,
  parseTimedRows,
  readVanKasterenHouse,
  type TimedRow,
  type VanKasterenHouse,
} from './vankasteren.js';
export {
  defaultVanKasterenDir,
  type LoadOptions,
  loadVanKasteren,
  VAN_KASTEREN_HOUSES,
  type VanKasterenHouseId,
  vanKasterenDataset,
  vanKasterenMapping,
} from './vankasteren-dataset.js';
