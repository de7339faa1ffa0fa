import type { SensorEvent } from '../../../gateway/contract.js';
import type { DetectorContext } from '../../../service/detectors/detector.js';
import type { DeviceInfo } from '../../../service/registry.js';

export const bathroomDevice = (over: Partial<DeviceInfo> = {}): DeviceInfo => ({
  deviceId: 'dev-1',
  residentId: 'res-1',
  roomId: 'room-bath',
  kind: 'motion',
  format: 'z2m',
  address: 'astrid/bath/motion',
  label: null,
  roomName: 'Bathroom',
  ...over,
});

export function contextWith(...devices: DeviceInfo[]): DetectorContext {
  const byId = new Map(devices.map((d) => [d.deviceId, d]));
  return { device: (id) => byId.get(id) };
}

export function event(over: Partial<SensorEvent> = {}): SensorEvent {
  return {
    deviceId: 'dev-1',
    residentId: 'res-1',
    roomId: 'room-bath',
    sensorKind: 'motion',
    type: 'motion',
    value: true,
    eventTime: 1_000_000,
    receivedAt: 1_000_000,
    ...over,
  };
}
