/**
 * How a home's devices report what people do (activity.ts): PIRs that see movement through
 * their blind time and clear after a timeout (pir.ts), door and fridge contacts, bed strap and
 * chair pad, smart plugs, the wearable's accelerometer windows (wearable.ts), falls and help
 * presses, and every device's periodic battery or heartbeat report. Then the radio: each
 * message carries battery and link quality (device-model.ts), some never arrive (loss), a
 * device now and then drops out for a while, and a planned silence stops it altogether.
 * Alarms (a fall, a help press, the impact window) are not lost to noise: such devices repeat
 * an alarm until it is acknowledged; only a planned silence stops them.
 */
import { ACCEL_RATE_HZ, type AccelMotion, accelWindow } from './accel.js';
import type { ActivitySink, Person, Posture } from './activity.js';
import { RESIDENT } from './activity.js';
import type { Device, Home, Reading, ScheduledReading } from './contract.js';
import { type DeviceModel, type DeviceNoise, deviceModel } from './device-model.js';
import { ReportClock } from './device-reports.js';
import { deviceByRole, findDevice, profileOf } from './homes.js';
import { placesOf } from './layouts.js';
import { Pir, RTCGQ11LM, RTCGQ14LM } from './pir.js';
import { createRng, deriveSeed, hashString, type Rng } from './random.js';
import { TimeQueue } from './schedule.js';
import { WearableWindows } from './wearable.js';

/**
 * Mean seconds between movements a PIR can see, by posture. Walking is seen at once; sitting
 * is seen when an arm or the head moves enough; sleep now and then when turning over. These
 * are assumptions, tuned so a seated hour gives a handful of detections and a night a few.
 * Down and still (after a fall, unwell) are barely seen or not at all.
 */
export const MOVEMENT_MEAN_S: Readonly<Record<Posture, number>> = {
  walking: 2,
  active: 12,
  seated: 240,
  lying: 600,
  asleep: 2400,
  down: 300,
  still: Number.POSITIVE_INFINITY,
};
/** A bed strap reports a change after its presence delay; a chair pad after a moment (assumptions). */
const BED_DELAY_S = [3, 15] as const;
const CHAIR_DELAY_S = [1, 5] as const;
const CONTACT_DELAY_S = [0.1, 1] as const;
/** While a TV is on its plug reports a slightly different draw every few minutes (TS011F reports on change). */
const TV_REPORT_MIN = [4, 12] as const;
const MIN_MS = 60_000;

/** A device silenced by a planned incident, from `from` until `to` (null: for good). */
export interface Silence {
  from: number;
  to: number | null;
}

export interface SensorOptions {
  seed: number;
  /** Start of the run, epoch ms: batteries and link quality are anchored here. */
  start: number;
  noise: DeviceNoise;
  /** Whether the wearable sends accelerometer windows (native format only). */
  accel: boolean;
  silences?: ReadonlyMap<string, readonly Silence[]>;
  /** Planned battery_low incidents: the device's battery reaches the low limit at this time. */
  lowAt?: ReadonlyMap<string, number>;
}

interface DeviceState {
  device: Device;
  model: DeviceModel;
  /** Loss draws and link-quality jitter. */
  radio: Rng;
  reports: ReportClock;
  silences: readonly Silence[];
}

export class HomeSensors implements ActivitySink {
  private readonly queue = new TimeQueue<ScheduledReading>();
  private readonly states = new Map<string, DeviceState>();
  private readonly pirs = new Map<string, Pir>();
  private readonly wearable: WearableWindows | undefined;
  private readonly wearableState: DeviceState | undefined;
  private readonly bedState: DeviceState | undefined;
  private readonly chairState: DeviceState | undefined;
  private readonly tv: { state: DeviceState; watts: number; next: number } | undefined;
  private tvOn = false;
  private settled: number;

  constructor(
    private readonly home: Home,
    private readonly options: SensorOptions,
  ) {
    this.settled = options.start;
    for (const device of home.devices) {
      const lowAt = options.lowAt?.get(device.address);
      this.states.set(device.address, {
        device,
        model: deviceModel(device, options.seed, options.start, {
          noise: options.noise,
          ...(lowAt === undefined ? {} : { lowAt }),
        }),
        radio: createRng(deriveSeed(options.seed, device.address, 'radio')),
        reports: new ReportClock(device, options.seed, options.start),
        silences: options.silences?.get(device.address) ?? [],
      });
      if (device.kind === 'motion') this.pirs.set(device.room, this.pirFor(device));
    }
    const places = placesOf(home);
    this.bedState = this.stateOf(findDevice(home, 'bed', places.bed) ?? findDevice(home, 'bed'));
    this.chairState = this.stateOf(findDevice(home, 'chair', places.chair) ?? findDevice(home, 'chair'));
    this.wearableState = this.stateOf(findDevice(home, 'wearable'));
    const slowness = profileOf(home).slowness;
    const windows = createRng(deriveSeed(options.seed, home.id, 'accel'));
    if (this.wearableState !== undefined && options.accel) {
      const state = this.wearableState;
      this.wearable = new WearableWindows((at, motion, alarm) =>
        this.accel(state, at, motion, alarm, windows, slowness),
      );
    }
    const tv = this.stateOf(deviceByRole(home, 'tv'));
    if (tv !== undefined) this.tv = { state: tv, watts: 0, next: Number.POSITIVE_INFINITY };
  }

  presence(who: Person, room: string, from: number, to: number, posture: Posture): void {
    this.pirs.get(room)?.add(from, to, MOVEMENT_MEAN_S[posture]);
    if (who === RESIDENT) this.wearable?.spell(from, to, posture);
  }

  contact(role: 'front_door' | 'bathroom_door' | 'fridge', open: boolean, at: number): void {
    const state = this.stateOf(deviceByRole(this.home, role));
    if (state !== undefined) this.emit(state, at + delay(state, CONTACT_DELAY_S), { kind: 'door', open });
  }

  power(role: 'kettle' | 'tv', watts: number, at: number): void {
    if (role === 'tv' && this.tv !== undefined) {
      this.tvOn = watts > 0;
      this.tv.watts = watts;
      this.tv.next = this.tvOn
        ? at + Math.round(this.tv.state.radio.between(...TV_REPORT_MIN) * MIN_MS)
        : Number.POSITIVE_INFINITY;
    }
    const state = this.stateOf(deviceByRole(this.home, role));
    if (state !== undefined) this.emit(state, at, { kind: 'power', watts });
  }

  bed(occupied: boolean, at: number): void {
    const state = this.bedState;
    if (state !== undefined) this.emit(state, at + delay(state, BED_DELAY_S), { kind: 'bed', occupied });
  }

  chair(occupied: boolean, at: number): void {
    const state = this.chairState;
    if (state !== undefined) this.emit(state, at + delay(state, CHAIR_DELAY_S), { kind: 'chair', occupied });
  }

  wearing(on: boolean, at: number): void {
    this.wearable?.wearing(on, at);
  }

  impact(at: number): void {
    this.wearable?.impact(at);
  }

  fallReport(address: string, at: number): void {
    const state = this.states.get(address);
    if (state !== undefined) this.emit(state, at, { kind: 'fall' }, true);
  }

  help(address: string, at: number): void {
    const state = this.states.get(address);
    if (state !== undefined) this.emit(state, at, { kind: 'help' }, true);
  }

  settle(until: number): void {
    const from = this.settled;
    if (until <= from) return;
    for (const pir of this.pirs.values()) pir.process(from, until);
    this.wearable?.settle(from, until);
    this.tvReports(until);
    for (const state of this.states.values()) {
      for (; state.reports.next < until; state.reports.advance()) {
        const at = state.reports.next;
        const battery = state.model.batteryAt(at);
        this.emit(state, at, battery === undefined ? { kind: 'heartbeat' } : { kind: 'battery', battery });
      }
    }
    this.settled = until;
  }

  /** The next reading before `until`, in time order, once settle(until) has run (they are final); undefined when none is left. */
  take(until: number): ScheduledReading | undefined {
    return this.queue.popBefore(until);
  }

  private pirFor(device: Device): Pir {
    const state = this.states.get(device.address) as DeviceState;
    // Seven in ten PIRs are RTCGQ11LM, the rest P1s, by address (an assumption about the fleet).
    const timing = hashString(device.address) % 10 < 7 ? RTCGQ11LM : RTCGQ14LM;
    let lastHeard = { battery: undefined as number | undefined, linkquality: state.model.baseLinkquality };
    return new Pir(timing, createRng(deriveSeed(this.options.seed, device.address, 'movement')), {
      detected: (at) => {
        const reading = this.emit(state, at, { kind: 'motion', detected: true });
        if (reading !== undefined) lastHeard = { battery: reading.battery, linkquality: reading.linkquality ?? 0 };
        return reading !== undefined;
      },
      // Zigbee2MQTT's own timer, with the radio fields it cached from the last message.
      cleared: (at) => {
        if (silenced(state.silences, at)) return;
        const reading: Reading = { kind: 'motion', detected: false, linkquality: lastHeard.linkquality };
        if (lastHeard.battery !== undefined) reading.battery = lastHeard.battery;
        this.queue.push({ at, homeId: this.home.id, device, reading });
      },
    });
  }

  private tvReports(until: number): void {
    const tv = this.tv;
    if (tv === undefined || !this.tvOn) return;
    while (tv.next < until) {
      const watts = Math.round(tv.watts * tv.state.radio.between(0.9, 1.1));
      this.emit(tv.state, tv.next, { kind: 'power', watts });
      tv.next += Math.round(tv.state.radio.between(...TV_REPORT_MIN) * MIN_MS);
    }
  }

  private accel(state: DeviceState, at: number, motion: AccelMotion, alarm: boolean, rng: Rng, slowness: number): void {
    if (at < this.settled) return;
    this.emit(state, at, { kind: 'accel', rateHz: ACCEL_RATE_HZ, samples: accelWindow(motion, rng, slowness) }, alarm);
  }

  /** Queues a device's reading with its radio fields, unless it is lost; returns what was queued. */
  private emit(state: DeviceState, time: number, body: Reading, alarm = false): Reading | undefined {
    const at = Math.round(time);
    if (silenced(state.silences, at)) return undefined;
    if (!alarm) {
      const lost = state.radio.next() < this.options.noise.lossRate;
      if (lost || state.model.droppedOut(at)) return undefined;
    }
    const battery = state.model.batteryAt(at);
    const reading = { ...body, linkquality: state.model.linkquality(state.radio, at) } as Reading;
    if (battery !== undefined) reading.battery = battery;
    this.queue.push({ at, homeId: this.home.id, device: state.device, reading });
    return reading;
  }

  private stateOf(device: Device | undefined): DeviceState | undefined {
    return device === undefined ? undefined : this.states.get(device.address);
  }
}

/** A device's reporting delay, ms, from its own random stream (so other devices do not change it). */
function delay(state: DeviceState, [min, max]: readonly [number, number]): number {
  return Math.round(state.radio.between(min, max) * 1000);
}

function silenced(silences: readonly Silence[], at: number): boolean {
  for (const s of silences) if (at >= s.from && (s.to === null || at < s.to)) return true;
  return false;
}
