/**
 * The simulator's public surface, for the service's demo mode, the CLI, the evaluator and
 * tests. Everything else in simulator/ is internal.
 */

export { ACCEL_RATE_HZ, ACCEL_SAMPLES } from './accel.js';
export { DEFAULT_FOUND_AFTER_HOURS, DEFAULT_INCIDENT_RATES } from './cli-scenario.js';
export { type Cohort, createCohort } from './cohort.js';
export {
  DEFAULT_TOPICS,
  Device,
  DeviceRole,
  Home,
  IncidentKind,
  PayloadFormat,
  ProfileName,
  Reading,
  type ReadingKind,
  Room,
  RoomKind,
  ScheduledReading,
  SimMessage,
  SimSensorKind,
  type SimulationCounters,
  Topics,
} from './contract.js';
export { BATTERY_LOW_PCT, DEFAULT_NOISE, type DeviceNoise } from './device-model.js';
export {
  Expectation,
  IncidentFreeDays,
  IncidentRecord,
  parseJsonLines,
  RunRecord,
  TruthKind,
  TruthRecord,
  toJsonLines,
} from './ground-truth.js';
export {
  addressProblem,
  buildHome,
  demoHomes,
  deviceAddress,
  deviceByRole,
  findDevice,
  type HomeSpec,
  isBatteryPowered,
  profileOf,
} from './homes.js';
export { CATALOGUE, type CatalogueEntry } from './incident-catalogue.js';
export { PlanError } from './incident-planner.js';
export { incidentDevice, incidentReading, NoIncidentDeviceError } from './incidents.js';
export { Equipment, LAYOUTS, type Layout, LayoutName, placesOf } from './layouts.js';
export { liveSource } from './live-source.js';
export { renderReading, renderVaka, renderZ2m } from './payloads.js';
export { PROFILES, type ResidentProfile } from './profiles.js';
export { createSimulation, type Publish, type SetTimer, type Simulation, type SimulationOptions } from './runner.js';
export {
  DEFAULT_EQUIPMENT_CHANCE,
  IncidentSpec,
  parseScenario,
  ResidentMix,
  ResidentSpec,
  Scenario,
  ScenarioError,
  type ScenarioInput,
} from './scenario.js';
export type { TimedStream } from './schedule.js';
export type { ReadingSource } from './source.js';
export {
  generateDay,
  generateReadings,
  homeTimeline,
  type StreamOptions,
  simulationTimeline,
  type WindowOptions,
} from './timeline.js';
