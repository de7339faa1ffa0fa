/**
 * People moving about a home: walking from room to room (through the hall), staying in a room
 * in some posture, using the doors. The resident (Body) also gets in and out of bed and the
 * armchair, wears the wearable and uses the appliances. Everything goes to the ActivitySink;
 * nothing here knows about devices.
 */
import type { ActivitySink, Person, Posture } from './activity.js';
import type { Places } from './layouts.js';
import type { Rng } from './random.js';

const SEC = 1000;
const MIN = 60 * SEC;

/** What the people in a home share: the state of the bathroom door. */
export interface House {
  bathroomDoorClosed: boolean;
}

export class Mover {
  /** This person's own clock, epoch ms. */
  t: number;
  /** Where they are; undefined when out of the home. */
  room: string | undefined;
  posture: Posture = 'active';

  constructor(
    readonly who: Person,
    readonly sink: ActivitySink,
    readonly places: Places,
    readonly house: House,
    readonly rng: Rng,
    /** Walking takes this many times as long as for a fit person. */
    readonly slowness: number,
    t: number,
    room: string | undefined,
  ) {
    this.t = t;
    this.room = room;
  }

  /** Stays in the current room for `ms` in `posture` (nothing is seen while out). */
  stay(ms: number, posture: Posture = this.posture): void {
    const d = Math.max(0, Math.round(ms));
    if (this.room !== undefined && d > 0) this.sink.presence(this.who, this.room, this.t, this.t + d, posture);
    this.t += d;
    this.posture = posture;
  }

  /** Stays until `at` (no-op if already past it). */
  stayUntil(at: number, posture: Posture = this.posture): void {
    this.stay(at - this.t, posture);
  }

  /** Stays between `min` and `max` minutes. */
  stayMin(min: number, max: number, posture: Posture = this.posture): void {
    this.stay(this.rng.between(min, max) * MIN, posture);
  }

  /** Walks to `target`, through the hall if there is one between. */
  go(target: string): void {
    if (this.room === undefined || this.room === target) return;
    this.rise();
    this.leaveRoom();
    const hall = this.places.hall;
    if (hall !== undefined && this.room !== hall && target !== hall) this.walk(hall, 4, 10);
    this.enter(target);
  }

  /** Leaves the home by the front door; afterwards `room` is undefined. */
  goOut(): void {
    if (this.room === undefined) return;
    this.go(this.places.entry);
    this.stayMin(0.5, 2, 'active');
    this.sink.contact('front_door', true, this.t);
    this.walk(this.places.entry, 3, 8);
    this.sink.contact('front_door', false, this.t);
    this.room = undefined;
  }

  /** Leaves by the front door, which opens at exactly `at` (they wait by it until then). */
  goOutAt(at: number, leaveOpen = false): void {
    if (this.room === undefined) return;
    this.go(this.places.entry);
    this.stayUntil(at, 'active');
    this.sink.contact('front_door', true, this.t);
    this.walk(this.places.entry, 3, 8);
    if (!leaveOpen) this.sink.contact('front_door', false, this.t);
    this.room = undefined;
  }

  /** Comes in by the front door at `at`. */
  comeIn(at: number): void {
    this.t = Math.max(this.t, Math.round(at));
    this.sink.contact('front_door', true, this.t);
    this.room = this.places.entry;
    this.walk(this.places.entry, 4, 10);
    this.sink.contact('front_door', false, this.t);
    this.stayMin(0.5, 2, 'active');
  }

  /** Crosses or enters `room`, walking for `min`–`max` seconds. */
  protected walk(room: string, min: number, max: number): void {
    this.room = room;
    this.stay(this.rng.between(min, max) * SEC * this.slowness, 'walking');
  }

  /** Gets out of bed or out of the chair; a visitor has neither. */
  protected rise(): void {}

  /** How likely this person is to close the bathroom door behind them. */
  protected closesDoor(): number {
    return 0.9;
  }

  private enter(target: string): void {
    const bathroom = target === this.places.bathroom;
    if (bathroom && this.house.bathroomDoorClosed) {
      this.sink.contact('bathroom_door', true, this.t);
      this.house.bathroomDoorClosed = false;
    }
    this.walk(target, 5, 15);
    if (bathroom && this.rng.chance(this.closesDoor())) {
      this.sink.contact('bathroom_door', false, this.t);
      this.house.bathroomDoorClosed = true;
    }
  }

  private leaveRoom(): void {
    if (this.room === this.places.bathroom && this.house.bathroomDoorClosed) {
      this.sink.contact('bathroom_door', true, this.t);
      this.house.bathroomDoorClosed = false;
      this.t += Math.round(this.rng.between(2, 5) * SEC);
    }
  }
}

/** The resident: a mover with a bed, an armchair, a wearable and appliances. */
export class Body extends Mover {
  inBed = false;
  inChair = false;
  worn = false;
  tvOn = false;

  constructor(
    sink: ActivitySink,
    places: Places,
    house: House,
    rng: Rng,
    slowness: number,
    t: number,
    room: string | undefined,
    private readonly doorChance: number,
  ) {
    super(0, sink, places, house, rng, slowness, t, room);
  }

  /** Sits in the armchair for `ms`, the TV on if asked. */
  sitInChair(ms: number, tv: boolean, posture: Posture = 'seated'): void {
    this.go(this.places.chair);
    if (!this.inChair) {
      this.stay(this.rng.between(2, 6) * SEC * this.slowness, 'walking');
      this.sink.chair(true, this.t);
      this.inChair = true;
    }
    if (tv && !this.tvOn) this.tv(true);
    this.stay(ms, posture);
  }

  /** Lies down in bed (awake) and then sleeps until `until`, or stays awake lying if `asleep` is false. */
  lieInBed(until: number, asleep = true): void {
    this.go(this.places.bed);
    if (!this.inBed) {
      this.stay(this.rng.between(10, 40) * SEC * this.slowness, 'active');
      this.sink.bed(true, this.t);
      this.inBed = true;
    }
    if (!asleep) {
      this.stayUntil(until, 'lying');
      return;
    }
    if (this.posture === 'asleep') {
      this.stayUntil(until, 'asleep');
      return;
    }
    this.stay(Math.min(until - this.t, this.rng.between(5, 20) * MIN), 'lying');
    this.stayUntil(until, 'asleep');
  }

  /** Gets out of bed and stands by it for a moment. */
  getUp(): void {
    if (!this.inBed) return;
    this.sink.bed(false, this.t);
    this.inBed = false;
    this.stay(this.rng.between(20, 90) * SEC * this.slowness, 'active');
  }

  wear(on: boolean): void {
    if (on === this.worn) return;
    this.worn = on;
    this.sink.wearing(on, this.t);
  }

  tv(on: boolean): void {
    if (on === this.tvOn) return;
    this.tvOn = on;
    this.sink.power('tv', on ? Math.round(this.rng.between(60, 130)) : 0, this.t);
  }

  /** Boils the kettle: on in a minute or so, off by itself 2–4 minutes later (1.8–2.2 kW). */
  kettle(): void {
    const on = this.t + Math.round(this.rng.between(20, 90) * SEC);
    const watts = Math.round(this.rng.between(1800, 2200) / 10) * 10;
    this.sink.power('kettle', watts, on);
    this.sink.power('kettle', 0, on + Math.round(this.rng.between(2, 4) * MIN));
  }

  /** Opens the fridge for 10–60 seconds. */
  fridge(): void {
    this.sink.contact('fridge', true, this.t);
    this.stay(this.rng.between(10, 60) * SEC, 'active');
    this.sink.contact('fridge', false, this.t);
  }

  protected override rise(): void {
    if (this.inBed) this.getUp();
    if (this.inChair) {
      this.sink.chair(false, this.t);
      this.inChair = false;
      this.stay(this.rng.between(3, 10) * SEC * this.slowness, 'walking');
    }
  }

  protected override closesDoor(): number {
    return this.doorChance;
  }
}
