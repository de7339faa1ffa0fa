/**
 * The device registry: devices in the database, plus an in-memory index the gateway looks
 * up on every message (a map lookup, no I/O on the hot path). Every change goes through
 * here so the index never disagrees with the table.
 */
import type { DeviceBinding, DeviceDirectory, PayloadFormat } from '../gateway/contract.js';
import type { ClaimInput, Device, DeviceInput } from './contract.js';
import type { Db } from './db/db.js';
import { DevicesStore } from './store/devices-store.js';
import { UnclaimedStore } from './store/unclaimed-store.js';

export interface DeviceInfo extends DeviceBinding {
  format: PayloadFormat;
  address: string;
  label: string | null;
  roomName: string | null;
}

export interface RegistryListener {
  added(device: DeviceInfo, lastSeen: number): void;
  removed(deviceId: string): void;
}

const key = (format: PayloadFormat, address: string) => `${format}\u0000${address}`;

export class DeviceRegistry implements DeviceDirectory {
  readonly devices: DevicesStore;
  readonly unclaimed: UnclaimedStore;
  private readonly byAddress = new Map<string, DeviceInfo>();
  private readonly byId = new Map<string, DeviceInfo>();
  private readonly listeners: RegistryListener[] = [];
  /** Room id → room kind, for detectors that judge by the kind of room (bathroom, hall). */
  private readonly roomKinds = new Map<string, string>();
  /** Room id → name, for alerts shown before the database can supply it. */
  private readonly roomNames = new Map<string, string>();

  constructor(private readonly db: Db) {
    this.devices = new DevicesStore(db);
    this.unclaimed = new UnclaimedStore(db);
  }

  /** Loads every registered device into the index. */
  async load(): Promise<void> {
    this.byAddress.clear();
    this.byId.clear();
    const rows = await this.db.query<{ id: string; name: string; kind: string }>('SELECT id, name, kind FROM rooms');
    const rooms = new Map(rows.map((r) => [r.id, r.name]));
    for (const r of rows) {
      this.roomKinds.set(r.id, r.kind);
      this.roomNames.set(r.id, r.name);
    }
    for (const device of await this.devices.list()) {
      this.index(device, device.roomId === null ? null : (rooms.get(device.roomId) ?? null));
    }
  }

  /** Register before load(): listeners hear of every device loaded and every later change. */
  onChange(listener: RegistryListener): void {
    this.listeners.push(listener);
  }

  lookup(format: PayloadFormat, address: string): DeviceBinding | undefined {
    return this.byAddress.get(key(format, address));
  }

  info(deviceId: string): DeviceInfo | undefined {
    return this.byId.get(deviceId);
  }

  all(): DeviceInfo[] {
    return [...this.byId.values()];
  }

  async register(input: DeviceInput): Promise<Device> {
    const device = await this.devices.create(input);
    await this.unclaimed.remove(device.format, device.address);
    this.index(device, await this.roomName(device.roomId));
    return device;
  }

  async claim(format: PayloadFormat, address: string, input: ClaimInput): Promise<Device> {
    return this.register({ format, address, ...input });
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.devices.remove(id);
    const info = this.byId.get(id);
    if (info) {
      this.byId.delete(id);
      this.byAddress.delete(key(info.format, info.address));
      for (const l of this.listeners) l.removed(id);
    }
    return removed;
  }

  /** Drops a resident's devices from the index after the resident was deleted (rows cascade). */
  forgetResident(residentId: string): void {
    for (const info of [...this.byId.values()]) {
      if (info.residentId !== residentId) continue;
      this.byId.delete(info.deviceId);
      this.byAddress.delete(key(info.format, info.address));
      for (const l of this.listeners) l.removed(info.deviceId);
    }
  }

  private index(device: Device, roomName: string | null): void {
    const info: DeviceInfo = {
      deviceId: device.id,
      residentId: device.residentId,
      roomId: device.roomId,
      kind: device.kind,
      format: device.format,
      address: device.address,
      label: device.label,
      roomName,
    };
    this.byAddress.set(key(device.format, device.address), info);
    this.byId.set(device.id, info);
    const lastSeen = Date.parse(device.lastSeenAt ?? device.createdAt);
    for (const l of this.listeners) l.added(info, lastSeen);
  }

  roomKind(roomId: string): string | undefined {
    return this.roomKinds.get(roomId);
  }

  /** A room's name as last loaded, without a query. */
  knownRoomName(roomId: string): string | undefined {
    return this.roomNames.get(roomId);
  }

  private async roomName(roomId: string | null): Promise<string | null> {
    if (roomId === null) return null;
    const [row] = await this.db.query<{ name: string; kind: string }>('SELECT name, kind FROM rooms WHERE id = $1', [
      roomId,
    ]);
    if (row) {
      this.roomKinds.set(roomId, row.kind);
      this.roomNames.set(roomId, row.name);
    }
    return row?.name ?? null;
  }
}
