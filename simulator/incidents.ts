/**
 * On-demand incidents: the reading a fall detector sends on a fall, a help button on a press.
 * Used by a running simulation's trigger() and by the one-shot `simulate fall|help` commands.
 */
import type { Device, Home, IncidentKind, ScheduledReading, SimSensorKind } from './contract.js';
import { deviceModel } from './device-model.js';
import { findDevice } from './homes.js';

/** Which device reports each incident, in order of preference. */
const REPORTERS: Record<IncidentKind, readonly SimSensorKind[]> = {
  fall: ['fall_detector', 'wearable'],
  help: ['help_button', 'wearable'],
};

export class NoIncidentDeviceError extends Error {
  readonly code = 'VAKA_SIM_NO_INCIDENT_DEVICE';
  constructor(home: Home, kind: IncidentKind) {
    super(`home ${home.id} (${home.resident}) has no ${REPORTERS[kind].join(' or ')} to report a ${kind}`);
  }
}

export function incidentDevice(home: Home, kind: IncidentKind): Device | undefined {
  for (const sensor of REPORTERS[kind]) {
    const device = findDevice(home, sensor);
    if (device !== undefined) return device;
  }
  return undefined;
}

/**
 * The incident's reading at `at`. `seed` and `start` are the run's, so the battery level matches
 * the device's other messages; a one-shot command passes start = at.
 * @throws NoIncidentDeviceError when the home has no device that reports this incident.
 */
export function incidentReading(
  home: Home,
  kind: IncidentKind,
  at: number,
  seed: number,
  start: number = at,
): ScheduledReading {
  const device = incidentDevice(home, kind);
  if (device === undefined) throw new NoIncidentDeviceError(home, kind);
  const model = deviceModel(device, seed, start);
  const battery = model.batteryAt(at);
  const radio = { ...(battery === undefined ? {} : { battery }), linkquality: model.baseLinkquality };
  return { at, homeId: home.id, device, reading: { kind, ...radio } };
}
