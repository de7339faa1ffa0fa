/**
 * [WANDER-1] Night-time spells of moving between rooms: from the first room change at night
 * out of bed (or, in a home where no bedroom is known, after at least 15 min without a room
 * change), until 15 min pass without another. What is measured is the time out of the
 * bedroom up to the spell's last room change (each gap between events counted up to 5 min):
 * two toilet trips ten minutes apart are two short trips, not one long walk, and sitting up in
 * the kitchen is not wandering. The person's own spells are learned (a histogram with a
 * population prior); a spell that runs into the morning is the person getting up, and is not
 * learned. O(1) per event.
 */
import { addTo, type Histogram, priorHistogram } from './histogram.js';

const MIN = 60_000;
/** No room change for this long ends a spell, and one begins only after this long without one. */
export const SPELL_GAP_MS = 15 * MIN;
/** A gap between two events out of the bedroom counts as time up to this long. */
const STEP_MS = 5 * MIN;

/** Population prior for a night spell's time out of the bedroom: median 6 min (a toilet trip), few past 20 min. */
export function priorNightSpells(): Histogram {
  return priorHistogram(6 * MIN, 0.6, 20);
}

export interface SpellEvent {
  at: number;
  roomId: string | null;
  /** In the bedroom, or in bed. */
  bedroom: boolean;
  /** Night by this person's hours. */
  night: boolean;
  /** The previous activity was in the bedroom or in bed; true where no bedroom is known. */
  fromBed: boolean;
}

export class NightSpell {
  /** Start of the current spell (its first room change), undefined when none. */
  start: number | undefined;
  /** Room changes in it. */
  moves = 0;
  /** Rooms it has been in (a toilet trip: bedroom, hall, bathroom). */
  readonly rooms = new Set<string | null>();
  /** Time out of the bedroom up to its last room change. */
  outMs = 0;
  /** … and since then. */
  private pendingMs = 0;
  /** The latest room change, spell or not. */
  private lastChange = Number.NEGATIVE_INFINITY;
  private room: string | null = null;
  private lastAt = 0;
  private lastOut = false;

  /** Whether a spell is going on at `now` (a room change within the gap). */
  active(now: number): boolean {
    return this.start !== undefined && now - this.lastChange <= SPELL_GAP_MS;
  }

  /** Folds one activity event at home in; learns a spell that has ended into `spells`. */
  note(e: SpellEvent, spells: Histogram): void {
    const changed = e.roomId !== this.room;
    if (this.start !== undefined) {
      if (this.lastOut) this.pendingMs += Math.min(STEP_MS, e.at - this.lastAt);
      if (e.at - this.lastChange > SPELL_GAP_MS) {
        addTo(spells, Math.max(MIN / 4, this.outMs));
        this.start = undefined;
      } else if (changed && !e.night) {
        // Running into the morning: getting up, not learned.
        this.start = undefined;
      } else if (changed) {
        this.outMs += this.pendingMs;
        this.pendingMs = 0;
        this.moves += 1;
        this.rooms.add(e.roomId);
      }
    } else if (changed && e.night && e.fromBed && e.at - this.lastChange >= SPELL_GAP_MS) {
      this.start = e.at;
      this.moves = 1;
      this.outMs = 0;
      this.pendingMs = 0;
      this.rooms.clear();
      this.rooms.add(this.room);
      this.rooms.add(e.roomId);
    }
    if (changed) {
      this.lastChange = e.at;
      this.room = e.roomId;
    }
    this.lastAt = e.at;
    this.lastOut = !e.bedroom;
  }

  /** Drops the current spell without learning it (the front door: going out is EXIT-1's). */
  drop(at: number): void {
    this.start = undefined;
    this.lastChange = at;
  }
}
