/**
 * Hand-built days of one resident in a two-room flat (bedroom, bathroom, kitchen, living room,
 * hall with the front door), as SensorEvents, with a seeded random so every run is the same.
 * A PIR reports the first movement and then every Exp(mean) seconds while someone is in the
 * room (blind 60 s). Incidents replace part of a day.
 */
import pino from 'pino';
import type { SensorEvent } from '../../../gateway/contract.js';
import type { AlertAction, DetectorContext } from '../../../service/detectors/detector.js';
import { Engine } from '../../../service/engine.js';
import { LocalClock } from '../../../service/model/local-time.js';
import type { DeviceInfo } from '../../../service/registry.js';
import type { AlertCandidate } from '../../../service/store/alerts-store.js';

export const ZONE = 'Europe/Stockholm';
export const clock = new LocalClock(ZONE);
export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** Local day number of Monday 2 March 2026. */
export const DAY0 = Math.floor(Date.UTC(2026, 2, 2) / 86_400_000);
export const RESIDENT = 'res-1';

const ROOMS = {
  bedroom: { id: 'room-bed', name: 'Bedroom' },
  bathroom: { id: 'room-bath', name: 'Bathroom' },
  kitchen: { id: 'room-kit', name: 'Kitchen' },
  living: { id: 'room-liv', name: 'Living room' },
  hall: { id: 'room-hall', name: 'Hall' },
} as const;
export type Room = keyof typeof ROOMS;

export const DEVICES: DeviceInfo[] = [
  ...(Object.keys(ROOMS) as Room[]).map((room) => ({
    deviceId: `m-${room}`,
    residentId: RESIDENT,
    roomId: ROOMS[room].id,
    kind: 'motion' as const,
    format: 'vaka' as const,
    address: `m-${room}`,
    label: null,
    roomName: ROOMS[room].name,
  })),
  {
    deviceId: 'flush-bath',
    residentId: RESIDENT,
    roomId: ROOMS.bathroom.id,
    kind: 'other',
    format: 'vaka',
    address: 'flush-bath',
    label: 'Toilet flush',
    roomName: ROOMS.bathroom.name,
  },
  {
    deviceId: 'bed-pad',
    residentId: RESIDENT,
    roomId: ROOMS.bedroom.id,
    kind: 'bed',
    format: 'vaka',
    address: 'bed-pad',
    label: null,
    roomName: ROOMS.bedroom.name,
  },
  {
    deviceId: 'door-front',
    residentId: RESIDENT,
    roomId: ROOMS.hall.id,
    kind: 'door',
    format: 'vaka',
    address: 'door-front',
    label: 'Front door',
    roomName: 'Hall',
  },
];

export const ctx: DetectorContext = {
  device: (id) => DEVICES.find((d) => d.deviceId === id),
};

/** Mulberry32: a small seeded generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Person {
  /** Getting up, minutes after midnight, and its sd. */
  wake: number;
  wakeSd: number;
  /** Evening bathroom visit length, minutes (min, max). */
  bath: [number, number];
  /** Going to bed, minutes after midnight. */
  bedtime: number;
}

export const ORDINARY: Person = { wake: 7 * 60, wakeSd: 20, bath: [8, 16], bedtime: 22 * 60 };

export class DayWriter {
  readonly events: SensorEvent[] = [];
  constructor(
    readonly random: () => number,
    readonly day: number,
  ) {}

  at(minute: number): number {
    return clock.toEpoch(this.day, 0) + minute * MIN;
  }

  motion(room: Room, t: number): void {
    this.events.push(ev(`m-${room}`, ROOMS[room].id, 'motion', true, t));
  }

  /** Someone in `room` from t to end, moving every `meanS` seconds on average. */
  stay(room: Room, t: number, end: number, meanS: number): number {
    let at = t;
    while (at < end) {
      this.motion(room, at);
      at += Math.max(60_000, -Math.log(1 - this.random()) * meanS * 1000);
    }
    return end;
  }

  door(t: number, open: boolean): void {
    this.events.push(ev('door-front', ROOMS.hall.id, 'contact', open, t));
  }

  /** The bed pad: someone lay down (true) or got up (false). */
  bed(t: number, occupied: boolean): void {
    this.events.push({
      ...ev('bed-pad', ROOMS.bedroom.id, 'motion', occupied, t),
      type: 'occupancy',
      sensorKind: 'bed',
    });
  }

  /** The toilet flushed: a contact, not movement (it says someone was there, not that they still are). */
  flush(t: number): void {
    this.events.push({ ...ev('flush-bath', ROOMS.bathroom.id, 'contact', true, t), sensorKind: 'other' });
  }

  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.random();
  }
}

function ev(deviceId: string, roomId: string, type: 'motion' | 'contact', value: boolean, t: number): SensorEvent {
  const at = Math.round(t);
  return {
    deviceId,
    residentId: RESIDENT,
    roomId,
    sensorKind: type === 'contact' ? 'door' : 'motion',
    type,
    value,
    eventTime: at,
    receivedAt: at,
  };
}

export type Incident =
  | { kind: 'fall'; room: Room; atMin: number }
  | { kind: 'long_bath'; atMin: number; minutes: number }
  | { kind: 'night_exit'; atMin: number }
  | { kind: 'missed_morning' }
  | { kind: 'wander'; atMin: number; minutes: number }
  | { kind: 'inactive'; atMin: number };

/**
 * One day from 00:00 to 24:00 local: asleep (one toilet trip), up, bathroom, breakfast, the
 * living room, lunch, a walk out, the afternoon, dinner, the evening bathroom, bed.
 * An incident stops the day where it happens (nothing more is heard that day).
 */
export function writeDay(day: number, person: Person, seed: number, incident?: Incident): SensorEvent[] {
  const w = new DayWriter(rng(seed), day);
  const m = (minute: number) => w.at(minute);
  const stopAt = (minute: number): boolean => {
    if (incident?.kind !== 'fall' && incident?.kind !== 'inactive') return false;
    return minute >= incident.atMin;
  };

  // Night: asleep in the bedroom, turning over now and then; a toilet trip around 02:30.
  const wake = person.wake + (w.random() * 2 - 1) * person.wakeSd;
  if (incident?.kind === 'night_exit' && incident.atMin < wake) {
    w.stay('bedroom', m(0), m(incident.atMin - 3), 2400);
    w.motion('hall', m(incident.atMin - 1));
    w.door(m(incident.atMin), true);
    w.door(m(incident.atMin) + 20_000, false);
    return w.events;
  }
  let t = w.stay('bedroom', m(0), m(150 + w.between(-30, 30)), 2400);
  w.motion('hall', t);
  t = w.stay('bathroom', t + 20_000, t + w.between(3, 6) * MIN, 40);
  w.motion('hall', t);
  if (incident?.kind === 'wander') t = wander(w, t + 20_000, m(incident.atMin), m(incident.atMin + incident.minutes));
  t = w.stay('bedroom', t + 20_000, m(wake), 2400);
  if (incident?.kind === 'missed_morning') {
    w.stay('bedroom', t, m(13 * 60), 600);
    return w.events;
  }

  const plan: [Room, number, number][] = [
    ['hall', 0.5, 5],
    ['bathroom', w.between(8, 15), 40],
    ['kitchen', w.between(25, 40), 60],
    ['living', w.between(90, 150), 240],
    ['bathroom', w.between(3, 6), 40],
    ['living', w.between(20, 60), 240],
    ['kitchen', w.between(30, 45), 60],
    ['living', w.between(20, 40), 240],
  ];
  let minute = (t - m(0)) / MIN;
  for (const [room, length, meanS] of plan) {
    if (stopAt(minute + length)) return finish(w, room, minute, incident, m);
    w.stay(room, m(minute), m(minute + length), meanS);
    minute += length;
  }
  // A walk: through the hall, out, back after 40–80 min.
  w.motion('hall', m(minute));
  w.door(m(minute + 1), true);
  w.door(m(minute + 1) + 15_000, false);
  minute += 1 + w.between(40, 80);
  w.door(m(minute), true);
  w.door(m(minute) + 15_000, false);
  w.motion('hall', m(minute) + 30_000);
  minute += 2;
  const evening: [Room, number, number][] = [
    ['living', w.between(60, 120), 240],
    ['kitchen', w.between(30, 45), 60],
    ['living', Math.max(30, person.bedtime - 60 - minute - 45 - 30), 240],
    ['bathroom', w.between(3, 6), 40],
    ['living', 30, 240],
  ];
  for (const [room, length, meanS] of evening) {
    if (stopAt(minute + length)) return finish(w, room, minute, incident, m);
    w.stay(room, m(minute), m(minute + length), meanS);
    minute += length;
  }
  const bath = w.between(person.bath[0], person.bath[1]);
  if (incident?.kind === 'long_bath') {
    w.motion('hall', m(minute));
    w.stay('bathroom', m(minute + 0.5), m(minute + 0.5 + incident.minutes), 40);
    minute += 0.5 + incident.minutes;
  } else {
    w.motion('hall', m(minute));
    w.stay('bathroom', m(minute + 0.5), m(minute + 0.5 + bath), 40);
    minute += 0.5 + bath;
  }
  w.motion('hall', m(minute));
  w.stay('bedroom', m(minute + 0.5), m(24 * 60), 2400);
  return w.events;
}

/** Asleep until `from`, then up and walking from room to room (3 min in each) until `to`. */
function wander(w: DayWriter, t: number, from: number, to: number): number {
  const rooms: Room[] = ['hall', 'kitchen', 'living', 'hall', 'bathroom', 'living', 'kitchen', 'bedroom'];
  let at = w.stay('bedroom', t, from, 2400);
  for (let i = 0; at < to; i++) {
    const room = rooms[i % rooms.length] ?? 'hall';
    at = w.stay(room, at + 10_000, Math.min(to, at + 3 * MIN), 40);
  }
  w.motion('hall', at);
  return at + 20_000;
}

function finish(
  w: DayWriter,
  room: Room,
  minute: number,
  incident: Incident | undefined,
  m: (minute: number) => number,
): SensorEvent[] {
  if (incident === undefined || incident.kind === 'missed_morning' || incident.kind === 'night_exit') return w.events;
  if (incident.kind === 'long_bath') return w.events;
  const target: Room = incident.kind === 'fall' ? incident.room : room;
  // Goes on as usual in this room until the incident (walking through the hall to another
  // room first), then moves no more.
  if (target !== room) {
    w.stay(room, m(minute), m(Math.max(minute, incident.atMin - 4)), 60);
    w.motion('hall', m(Math.max(minute, incident.atMin - 3)));
    w.stay(target, m(Math.max(minute, incident.atMin - 3) + 0.5), m(Math.max(minute + 1, incident.atMin)), 30);
  } else {
    w.stay(target, m(minute), m(Math.max(minute + 1, incident.atMin)), 30);
  }
  return w.events;
}

export function writeDays(from: number, count: number, person: Person, seed = 1): SensorEvent[] {
  const out: SensorEvent[] = [];
  for (let d = 0; d < count; d++) {
    for (const e of writeDay(from + d, person, seed * 1000 + d)) out.push(e);
  }
  return out;
}

export interface Raised {
  ruleId: string;
  at: number;
  reason: string;
  severity: string;
  explanation?: AlertCandidate['explanation'];
}

export const silentLog = pino({ level: 'silent' });

export function newEngine(): Engine {
  return new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR, timeZone: ZONE }, ctx, silentLog);
}

/** Plays events in order with a tick every `tickMs` of stream time; returns what was raised. */
export function play(engine: Engine, events: readonly SensorEvent[], until?: number, tickMs = MIN): Raised[] {
  const raised: Raised[] = [];
  const take = (actions: AlertAction[]) => {
    for (const a of actions) {
      if (a.kind === 'raise')
        raised.push({
          ruleId: a.alert.ruleId,
          at: a.alert.at,
          reason: a.alert.reason,
          severity: a.alert.severity,
          explanation: a.alert.explanation,
        });
    }
  };
  const sorted = [...events].sort((a, b) => a.eventTime - b.eventTime);
  let nextTick = sorted.length > 0 ? Math.ceil((sorted[0]?.eventTime ?? 0) / tickMs) * tickMs : 0;
  for (const e of sorted) {
    while (nextTick <= e.eventTime) {
      take(engine.tick(nextTick));
      nextTick += tickMs;
    }
    take(engine.onEvent(e));
  }
  const end = until ?? (sorted.at(-1)?.eventTime ?? 0) + tickMs;
  while (nextTick <= end) {
    take(engine.tick(nextTick));
    nextTick += tickMs;
  }
  return raised;
}

/** Paging rules (not technical). */
export const PAGING = new Set(['FALL-3', 'INACT-1', 'BATH-1', 'EXIT-1', 'MORN-1', 'WANDER-1', 'MEAL-1']);
