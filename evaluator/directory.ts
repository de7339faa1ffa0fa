/**
 * An in-memory device registry for a replay: every home of the source registered as an operator
 * would (service/registry.ts), one resident per home, a room id per room name, so the gateway's
 * lookups and the engine's device names ("the bathroom fall detector") work as in the service.
 */
import type { DeviceBinding, DeviceDirectory, PayloadFormat } from '../gateway/contract.js';
import type { DetectorContext } from '../service/detectors/detector.js';
import type { DeviceInfo } from '../service/registry.js';
import type { Home } from '../simulator/index.js';
import type { ResidentSetup } from './engine-surface.js';

export interface ReplayDirectory extends DeviceDirectory {
  readonly ctx: DetectorContext;
  readonly devices: readonly DeviceInfo[];
  readonly residents: readonly ResidentSetup[];
}

/** The resident id of a home: the home's id (one resident per home). */
export const residentOf = (home: Home): string => home.id;
/** The room id of a room of a home. */
export const roomIdOf = (home: Home, roomName: string): string => `${home.id}:${roomName}`;

/**
 * Device ids are the devices' addresses, so they read like the ground truth's `device` field.
 * A wearable goes where its wearer goes: like the demo, it is registered without a room.
 */
export function buildDirectory(
  homes: readonly Home[],
  format: PayloadFormat,
  labelOf: (address: string) => string | undefined = () => undefined,
): ReplayDirectory {
  const byAddress = new Map<string, DeviceInfo>();
  const roomKinds = new Map<string, string>();
  const residents: ResidentSetup[] = [];
  for (const home of homes) {
    const rooms = home.rooms.map((room) => ({ roomId: roomIdOf(home, room.name), name: room.name, kind: room.kind }));
    const roomNames = new Map(rooms.map((room) => [room.roomId, room.name]));
    for (const room of rooms) roomKinds.set(room.roomId, room.kind);
    const devices: ResidentSetup['devices'][number][] = [];
    for (const device of home.devices) {
      const roomId = device.kind === 'wearable' ? null : roomIdOf(home, device.room);
      const info: DeviceInfo = {
        deviceId: device.address,
        residentId: residentOf(home),
        roomId,
        kind: device.kind,
        format,
        address: device.address,
        label: labelOf(device.address) ?? null,
        roomName: roomId === null ? null : (roomNames.get(roomId) ?? null),
      };
      byAddress.set(device.address, info);
      devices.push({ deviceId: info.deviceId, roomId, kind: device.kind, role: device.role });
    }
    residents.push({ residentId: residentOf(home), name: home.resident, timeZone: home.timeZone, rooms, devices });
  }
  const devices = [...byAddress.values()];
  // Built apart from the literal below so a context without `roomKind` still type-checks.
  const ctx = {
    device: (deviceId: string) => byAddress.get(deviceId),
    /** The room's kind, as the service's registry knows it from the rooms table. */
    roomKind: (roomId: string) => roomKinds.get(roomId),
  };
  return {
    lookup(f: PayloadFormat, address: string): DeviceBinding | undefined {
      // As the service's registry does, the device's info is its binding.
      return f === format ? byAddress.get(address) : undefined;
    },
    ctx,
    devices,
    residents,
  };
}
