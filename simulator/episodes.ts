/**
 * The resident's ordinary episodes, as movement through the home: the morning routine, meals,
 * toilet visits, an outing, a carer's or a visitor's visit, free time, bedtime and night-time
 * trips. Each advances the resident's clock; visitors move in step with the resident.
 */
import type { Places } from './layouts.js';
import type { Body, Mover } from './movers.js';
import type { ResidentProfile } from './profiles.js';
import type { Rng } from './random.js';

const SEC = 1000;
const MIN = 60 * SEC;
/** Pottering about (tidying, looking for something) lasts 5–25 minutes. */
const POTTER_MIN = [5, 25] as const;
const POTTER_MEAN_MIN = (POTTER_MIN[0] + POTTER_MIN[1]) / 2;

/** What an episode can use: the resident, the day's profile, and visitors. */
export interface Scene {
  readonly body: Body;
  readonly rng: Rng;
  readonly places: Places;
  /** The profile as lived today. */
  readonly profile: ResidentProfile;
  /** The wearable goes on after dressing today. */
  readonly wearsToday: boolean;
  /** Someone arriving (a carer, a visitor): a new person, not yet in the home. */
  guest(): Mover;
  /** Whether the kitchen is allowed at `at` (a missed meal keeps the resident out). */
  kitchenAllowed(at: number): boolean;
  /** Minutes since local midnight at `at`. */
  minuteOfDay(at: number): number;
  /** The rooms of the home. */
  readonly rooms: readonly string[];
}

/** Out of bed, the bathroom, dressed, breakfast. */
export function morning(s: Scene, shower: boolean): void {
  const b = s.body;
  b.getUp();
  b.stayMin(1, 4, 'active');
  toilet(s);
  if (shower) b.stayMin(10, 20, 'active');
  else b.stayMin(3, 8, 'active');
  b.go(s.places.bed);
  b.stayMin(4, 10, 'active');
  if (s.wearsToday) b.wear(true);
  if (!s.kitchenAllowed(b.t)) return;
  b.go(s.places.kitchen);
  b.fridge();
  b.kettle();
  b.stayMin(5, 12, 'active');
  b.stayMin(10, 20, 'seated');
}

export function toilet(s: Scene): void {
  const b = s.body;
  const room =
    s.places.toilets.length > 0 && s.rng.chance(0.5)
      ? s.rng.pick(s.places.toilets.map((t) => [t, 1] as const))
      : undefined;
  b.go(room ?? s.places.bathroom);
  b.stay(Math.max(1, s.rng.normal(s.profile.toiletMin.mean, s.profile.toiletMin.sd)) * MIN, 'seated');
  b.stayMin(0.5, 1.5, 'active');
}

export function meal(s: Scene, which: 'lunch' | 'dinner'): void {
  const b = s.body;
  b.go(s.places.kitchen);
  b.fridge();
  const cooking = which === 'lunch' ? [8, 20] : [15, 35];
  const scale = 1 / Math.max(1, s.profile.slowness * 0.8);
  b.stayMin((cooking[0] ?? 8) * scale, (cooking[1] ?? 20) * scale, 'active');
  if (s.rng.chance(0.3)) b.kettle();
  b.stayMin(12, 25, 'seated');
  if (s.rng.chance(0.6)) b.fridge();
  b.stayMin(1, 4, 'active');
}

/** Coffee: the kettle, then a cup in the armchair. */
export function fika(s: Scene): void {
  const b = s.body;
  b.go(s.places.kitchen);
  b.kettle();
  b.stayMin(3, 6, 'active');
  b.sitInChair(s.rng.between(15, 30) * MIN, tvTime(s, b.t));
}

export function nap(s: Scene, ms: number): void {
  const b = s.body;
  b.tv(false);
  b.lieInBed(b.t + ms);
  b.getUp();
}

/** Out by the front door, back `ms` later; shopping is put away now and then. */
export function outing(s: Scene, ms: number): void {
  const b = s.body;
  b.tv(false);
  b.goOut();
  b.comeIn(b.t + ms);
  if (s.rng.chance(0.4) && s.kitchenAllowed(b.t)) {
    b.go(s.places.kitchen);
    b.fridge();
    b.stayMin(2, 6, 'active');
  }
}

/** A carer's visit: in by the front door, help in the bathroom (mornings), the kitchen, the bedroom; a chat; out. */
export function carerVisit(s: Scene, ms: number, morningVisit: boolean): void {
  const b = s.body;
  const carer = s.guest();
  carer.comeIn(b.t);
  carer.go(b.room ?? s.places.chair);
  together(b, carer);
  const leaveAt = b.t + ms;
  if (morningVisit && s.rng.chance(0.5)) {
    b.go(s.places.bathroom);
    carer.go(s.places.bathroom);
    together(b, carer);
    b.stayMin(6, 12, 'active');
    carer.stayUntil(b.t, 'active');
  }
  while (leaveAt - b.t > 3 * MIN) {
    const task = s.rng.pick<'kitchen' | 'bedroom' | 'chat'>([
      ['kitchen', s.kitchenAllowed(b.t) ? 3 : 0],
      ['bedroom', 1],
      ['chat', 2],
    ]);
    const spell = Math.min(leaveAt - b.t, s.rng.between(4, 12) * MIN);
    if (task === 'chat') {
      b.sitInChair(0, false);
      carer.go(s.places.chair);
      together(b, carer);
      b.stay(spell, 'seated');
      carer.stayUntil(b.t, 'seated');
    } else {
      b.sitInChair(0, false);
      carer.go(task === 'kitchen' ? s.places.kitchen : s.places.bed);
      together(b, carer);
      carer.stay(spell, 'active');
      b.stayUntil(carer.t, 'seated');
    }
  }
  carer.goOut();
  b.stayUntil(carer.t);
}

/** A visitor: greeted at the door, coffee, sitting together, perhaps the toilet; seen out. */
export function visit(s: Scene, ms: number): void {
  const b = s.body;
  const guest = s.guest();
  b.go(s.places.entry);
  guest.comeIn(b.t);
  together(b, guest);
  const leaveAt = b.t + ms;
  if (s.kitchenAllowed(b.t)) {
    b.go(s.places.kitchen);
    guest.go(s.places.kitchen);
    b.kettle();
    b.fridge();
    together(b, guest);
    b.stayMin(3, 8, 'active');
    guest.stayUntil(b.t, 'active');
  }
  while (leaveAt - b.t > 5 * MIN) {
    const spell = Math.min(leaveAt - b.t - 2 * MIN, s.rng.between(10, 30) * MIN);
    b.sitInChair(0, false);
    guest.go(s.places.chair);
    together(b, guest);
    if (s.rng.chance(0.2)) {
      guest.go(s.places.bathroom);
      guest.stayMin(2, 5, 'active');
      guest.go(s.places.chair);
    }
    b.stayUntil(Math.max(guest.t, b.t + spell), 'seated');
    guest.stayUntil(b.t, 'seated');
  }
  b.go(s.places.entry);
  guest.go(s.places.entry);
  together(b, guest);
  guest.goOut();
  b.stayUntil(guest.t, 'active');
}

/** The post, a parcel: the front door open for a moment. */
export function doorCheck(s: Scene): void {
  const b = s.body;
  b.go(s.places.entry);
  b.stayMin(0.2, 1, 'active');
  b.sink.contact('front_door', true, b.t);
  b.stay(s.rng.between(15, 90) * SEC, 'active');
  b.sink.contact('front_door', false, b.t);
  b.stayMin(0.5, 2, 'active');
}

/** Free time until `until`: sitting in the armchair, or pottering about. */
export function freeTime(s: Scene, until: number): void {
  const b = s.body;
  const left = until - b.t;
  if (left < 3 * MIN) {
    b.stayUntil(until, b.posture === 'walking' ? 'active' : b.posture);
    return;
  }
  const p = s.profile;
  // seatedShare is a share of time: seated spells are longer than pottering, so choose them less often.
  const seated = p.seatedShare * POTTER_MEAN_MIN;
  const chance = seated / (seated + (1 - p.seatedShare) * p.seatedSpellMin.mean);
  if (s.rng.chance(chance)) {
    const spell = Math.max(5, s.rng.normal(p.seatedSpellMin.mean, p.seatedSpellMin.sd)) * MIN;
    b.sitInChair(Math.min(spell, left - 30 * SEC), tvTime(s, b.t));
    return;
  }
  const room = s.rng.pick<string>([
    [s.places.kitchen, s.kitchenAllowed(b.t) && s.kitchenAllowed(until) ? 3 : 0],
    [s.places.chair, 2],
    [s.places.bed, 1.5],
    ...s.places.other.map((r) => [r, 1] as const),
  ]);
  // Mostly switched off on getting up; now and then left running.
  if (s.rng.chance(0.85)) b.tv(false);
  b.go(room ?? s.places.chair);
  if (room === s.places.kitchen && s.rng.chance(0.4)) b.fridge();
  b.stay(Math.min(left - 30 * SEC, s.rng.between(POTTER_MIN[0], POTTER_MIN[1]) * MIN), 'active');
}

/** The bathroom, the wearable off, into bed. */
export function bedtime(s: Scene): void {
  const b = s.body;
  b.tv(false);
  toilet(s);
  b.stayMin(2, 6, 'active');
  b.go(s.places.bed);
  b.stayMin(2, 8, 'active');
  if (!s.profile.wornAtNight) b.wear(false);
}

/** Out of bed to the toilet, perhaps a glass of water, back to bed. */
export function nightToilet(s: Scene): void {
  const b = s.body;
  b.getUp();
  toilet(s);
  if (s.rng.chance(0.15) && s.kitchenAllowed(b.t)) {
    b.go(s.places.kitchen);
    b.stayMin(1, 2, 'active');
  }
  b.go(s.places.bed);
}

/** Up at night, moving from room to room for `ms`, then back to bed (unless told otherwise). */
export function wander(s: Scene, ms: number, options: { kettle?: boolean; backToBed?: boolean } = {}): void {
  const b = s.body;
  const until = b.t + ms;
  b.getUp();
  const rooms = s.rooms.filter((r) => r !== s.places.entry || s.places.hall === undefined);
  while (until - b.t > 2 * MIN) {
    const room = s.rng.pick(rooms.map((r) => [r, r === s.places.hall ? 2 : 1] as const)) ?? s.places.chair;
    b.go(room);
    if (room === s.places.kitchen && s.kitchenAllowed(b.t)) {
      if (s.rng.chance(0.4)) b.fridge();
      if (options.kettle && s.rng.chance(0.2)) b.kettle();
    }
    const posture = room === s.places.chair && s.rng.chance(0.3) ? 'seated' : 'active';
    b.stay(Math.min(until - b.t - MIN, s.rng.between(1, 6) * MIN), posture);
  }
  if (options.backToBed !== false) b.go(s.places.bed);
}

/** Brings two people to the same moment: the one ahead waits for nothing, the other stays put. */
export function together(a: Mover, b: Mover): void {
  if (a.t < b.t) a.stayUntil(b.t);
  else if (b.t < a.t) b.stayUntil(a.t);
}

/** Whether sitting down now means the TV goes on. */
function tvTime(s: Scene, at: number): boolean {
  const minute = s.minuteOfDay(at);
  const [from, to] = s.profile.tvWindow;
  const inWindow = (minute >= from && minute < to) || (to > 1440 && minute < to - 1440);
  return inWindow && s.rng.chance(s.profile.tvChance);
}
