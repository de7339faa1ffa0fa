/**
 * When a worn wearable sends an accelerometer window: on notable movement (standing up,
 * sitting or lying down, setting off walking; at most one every NOTABLE_GAP), periodically
 * while nothing notable happens (every PERIODIC_GAP), and always on an impact. Sparse on
 * purpose: a continuous 50 Hz stream would be thousands of messages an hour per resident.
 * Only at home: out of the house the wearable is out of its gateway's range.
 */
import type { AccelMotion } from './accel.js';
import type { Posture } from './activity.js';

const MIN_MS = 60_000;
export const NOTABLE_GAP_MS = 5 * MIN_MS;
export const PERIODIC_GAP_MS = 30 * MIN_MS;
/** An impact window starts this long before the impact, so the fall sits inside it. */
export const IMPACT_LEAD_MS = 1000;

interface Spell {
  from: number;
  to: number;
  posture: Posture;
}

export type EmitWindow = (at: number, motion: AccelMotion, alarm: boolean) => void;

export class WearableWindows {
  private worn = false;
  private toggles: { at: number; on: boolean }[] = [];
  private spells: Spell[] = [];
  private lastPosture: Posture | undefined;
  private lastWindow = Number.NEGATIVE_INFINITY;

  constructor(private readonly emit: EmitWindow) {}

  wearing(on: boolean, at: number): void {
    if (on === this.worn) return;
    this.worn = on;
    this.toggles.push({ at, on });
    if (on) this.lastWindow = Math.max(this.lastWindow, at - PERIODIC_GAP_MS + 5 * MIN_MS);
  }

  /** The resident is in some room in `posture` from `from` to `to`. */
  spell(from: number, to: number, posture: Posture): void {
    const motion = this.worn ? transition(this.lastPosture, posture) : undefined;
    if (motion !== undefined && from - this.lastWindow >= NOTABLE_GAP_MS) this.send(from, motion, false);
    this.lastPosture = posture;
    this.spells.push({ from, to, posture });
  }

  impact(at: number): void {
    if (!this.worn) return;
    this.send(at - IMPACT_LEAD_MS, 'fall', true);
    this.lastPosture = 'down';
  }

  /** Periodic windows in [from, until). */
  settle(from: number, until: number): void {
    for (let at = this.lastWindow + PERIODIC_GAP_MS; at < until; at = this.lastWindow + PERIODIC_GAP_MS) {
      if (at < from) {
        this.lastWindow = from - PERIODIC_GAP_MS;
        continue;
      }
      const spell = this.spells.find((s) => s.from <= at && at < s.to);
      if (spell !== undefined && this.wornAt(at)) this.send(at, rest(spell.posture), false);
      else this.lastWindow = at;
    }
    this.spells = this.spells.filter((s) => s.to > until);
    const last = this.toggles.at(-1);
    this.toggles = last === undefined ? [] : [last];
  }

  private wornAt(at: number): boolean {
    const first = this.toggles[0];
    let on = first === undefined ? this.worn : !first.on;
    for (const toggle of this.toggles) {
      if (toggle.at > at) break;
      on = toggle.on;
    }
    return on;
  }

  private send(at: number, motion: AccelMotion, alarm: boolean): void {
    this.lastWindow = at;
    this.emit(at, motion, alarm);
  }
}

function transition(before: Posture | undefined, after: Posture): AccelMotion | undefined {
  if (before === after || before === undefined) return after === 'walking' ? 'walk' : undefined;
  const resting = (p: Posture) => p === 'lying' || p === 'asleep' || p === 'down' || p === 'still';
  if (after === 'walking') return before === 'seated' ? 'stand_up' : resting(before) ? 'get_up' : 'walk';
  if (after === 'seated' || after === 'still') return resting(before) ? 'get_up' : 'sit_down';
  if (after === 'lying' || after === 'asleep') return resting(before) ? undefined : 'lie_down';
  return undefined;
}

function rest(posture: Posture): AccelMotion {
  if (posture === 'walking') return 'walk';
  if (posture === 'active') return 'rest_upright';
  if (posture === 'seated') return 'rest_seated';
  return 'rest_lying';
}
