/**
 * A resident's home as the baseline sees it: what an installer tells a blueprint (which door is
 * the front door, which rooms are the bathroom and the bedroom, the home's time zone), and what
 * counts as someone being up and about.
 */
import type { SensorEvent } from '../../gateway/contract.js';
import type { RoomKind } from '../../simulator/index.js';
import type { ResidentSetup } from '../engine-surface.js';
import { type LocalClock, localClock } from '../local-clock.js';
import type { BaselineSettings } from './settings.js';

export class BaselineHome {
  readonly residentId: string;
  readonly clock: LocalClock;
  private readonly frontDoors: ReadonlySet<string>;
  private readonly roomKinds: ReadonlyMap<string, RoomKind>;
  /** Smart plugs currently drawing power: only switching on is someone's doing. */
  private readonly plugsOn = new Set<string>();

  constructor(
    setup: ResidentSetup,
    private readonly settings: BaselineSettings,
  ) {
    this.residentId = setup.residentId;
    this.clock = localClock(setup.timeZone);
    this.frontDoors = new Set(setup.devices.filter((d) => d.role === 'front_door').map((d) => d.deviceId));
    this.roomKinds = new Map(setup.rooms.map((room) => [room.roomId, room.kind]));
  }

  roomKind(event: SensorEvent): RoomKind | undefined {
    return event.roomId === null ? undefined : this.roomKinds.get(event.roomId);
  }

  isFrontDoor(deviceId: string): boolean {
    return this.frontDoors.has(deviceId);
  }

  /**
   * Someone did something in a room: a detection, a door opened, a mat pressed, a plug switched
   * on. Devices without a room (a wearable) say nothing about where the resident is. Call once
   * per event, in order (it tracks plug states).
   */
  presence(event: SensorEvent): boolean {
    if (event.roomId === null) return false;
    switch (event.type) {
      case 'motion':
      case 'contact':
      case 'presence':
      case 'occupancy':
        return event.value === true;
      case 'power': {
        const on = typeof event.value === 'number' && event.value >= this.settings.plugOnW;
        const was = this.plugsOn.has(event.deviceId);
        if (on) this.plugsOn.add(event.deviceId);
        else this.plugsOn.delete(event.deviceId);
        return on && !was;
      }
      default:
        return false;
    }
  }

  /**
   * Presence that shows the resident is up: not from the bedroom or a bed. Tunstall's Lifeline
   * 4000 guide: "Do not use a PIR type of movement sensor in a resident's bedroom to detect
   * inactivity" — a resident ill in bed moves enough to keep resetting it.
   */
  isUp(event: SensorEvent): boolean {
    return event.sensorKind !== 'bed' && this.roomKind(event) !== 'bedroom';
  }
}
