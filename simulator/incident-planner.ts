/**
 * Plans a home's incidents for a finite run, before any reading exists: the tester's explicit
 * list first, then draws at the scenario's rates (per resident-week). Incidents that involve
 * the resident never overlap (each keeps two hours clear either side), nothing is planned
 * while the resident is away or after they are gone for good, and device incidents never
 * overlap on one device. Battery lows come from the device model, so a battery that runs
 * down by itself in a long run is in the truth too.
 */

import { deviceModel } from './device-model.js';
import type { TruthKind } from './ground-truth.js';
import type { HomeContext } from './home-context.js';
import { runDates } from './home-context.js';
import type { Silence } from './home-sensors.js';
import { powerOf } from './homes.js';
import { CATALOGUE } from './incident-catalogue.js';
import { BUILDERS, type Draft, type DraftEnv, type DraftSpec, hhmm } from './incident-drafts.js';
import type { HomePlan, PlannedIncident } from './plan.js';
import { createRng, deriveSeed } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Attempts to find a free slot for one incident drawn at a rate before giving it up. */
const ATTEMPTS = 12;

/** Device incidents first (falls need to know which devices work), then trends, absences, the rest. */
export const PLANNING_ORDER: readonly TruthKind[] = [
  'sensor_silent',
  'battery_low',
  'decline',
  'hospital_stay',
  'away_day',
  'visitor_present',
  'fall_no_recovery',
  'night_exit_no_return',
  'fall_recovered',
  'help_button',
  'prolonged_inactivity',
  'long_bathroom_stay',
  'night_wandering',
  'missed_morning_routine',
  'missed_meal',
];

/** An explicit incident could not be planned: the message names it and says why. */
export class PlanError extends Error {
  readonly code = 'VAKA_SIM_PLAN';
}

export interface ExplicitDraft {
  kind: TruthKind;
  spec: DraftSpec;
  /** How the tester will recognise it in an error ("incidents[3]"). */
  label: string;
}

export interface PlanRequest {
  /** Incidents per resident-week, by kind. */
  rates: Partial<Record<TruthKind, number>>;
  explicit: readonly ExplicitDraft[];
  /** After a fall without recovery or a night exit, someone finds the resident this many hours later; null: not within the run. */
  foundAfterHours: number | null;
  /** A hospital stay lasts this many days. */
  hospitalDays: readonly [number, number];
}

export function planHome(ctx: HomeContext, request: PlanRequest): HomePlan {
  if (ctx.end === undefined) throw new RangeError('incidents are planned for a run with an end');
  return new Planner(ctx, ctx.end, request).plan();
}

class Planner {
  private readonly drafts: Omit<PlannedIncident, 'id'>[] = [];
  private readonly busy: [number, number][] = [];
  private readonly silences = new Map<string, Silence[]>();
  private readonly lowAt = new Map<string, number>();
  private readonly env: DraftEnv;
  private gone = Number.POSITIVE_INFINITY;

  constructor(
    private readonly ctx: HomeContext,
    private readonly end: number,
    private readonly request: PlanRequest,
  ) {
    this.env = {
      ctx,
      rng: createRng(deriveSeed(ctx.seed, ctx.home.id, 'plan')),
      end,
      dates: runDates(ctx),
      foundAfterHours: request.foundAfterHours,
      hospitalDays: request.hospitalDays,
      silenced: (address, at) =>
        (this.silences.get(address) ?? []).some((s) => at >= s.from && (s.to === null || at < s.to)),
    };
  }

  plan(): HomePlan {
    const explicit = [...this.request.explicit].sort(
      (a, b) => PLANNING_ORDER.indexOf(a.kind) - PLANNING_ORDER.indexOf(b.kind),
    );
    for (const { spec } of explicit) {
      if (spec.wearing !== undefined) this.ctx.setWearing(spec.date, spec.wearing);
    }
    for (const { kind, spec, label } of explicit) {
      const draft = BUILDERS[kind](this.env, spec);
      if (typeof draft === 'string') throw new PlanError(`${label} (${kind}): ${draft}`);
      const problem = this.place(draft, false);
      if (problem !== undefined) throw new PlanError(`${label} (${kind}): ${problem}`);
    }
    const weeks = (this.end - this.ctx.start) / (7 * DAY);
    for (const kind of PLANNING_ORDER) {
      const rate = this.request.rates[kind] ?? 0;
      if (!(rate > 0)) continue;
      const count =
        kind === 'decline'
          ? this.env.rng.chance(Math.min(1, rate * weeks))
            ? 1
            : 0
          : this.env.rng.poisson(rate * weeks);
      for (let n = 0; n < count; n++) {
        for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
          const draft = BUILDERS[kind](this.env, undefined);
          if (typeof draft !== 'string' && this.place(draft, true) === undefined) break;
        }
      }
    }
    this.batteryLows();
    const incidents = this.drafts
      .sort((a, b) => a.start - b.start || PLANNING_ORDER.indexOf(a.kind) - PLANNING_ORDER.indexOf(b.kind))
      .map((draft, i) => ({ ...draft, id: `${this.ctx.home.id}-${String(i + 1).padStart(4, '0')}` }));
    return { incidents, silences: this.silences, lowAt: this.lowAt };
  }

  /** Adds a draft and what follows from it; a string says why it does not fit. */
  private place(draft: Draft, drawn: boolean): string | undefined {
    const all = [draft, ...draft.follows];
    for (const d of all) {
      const problem = this.fits(d, drawn && d === draft);
      if (problem !== undefined) return problem;
    }
    for (const d of all) this.commit(d);
    return undefined;
  }

  private fits(draft: Draft, drawn: boolean): string | undefined {
    const i = draft.incident;
    if (i.start < this.ctx.start || i.start >= this.end) return 'it falls outside the run';
    if (drawn && i.deadline !== null && i.deadline >= this.end) return 'its deadline is after the run';
    if (
      drawn &&
      CATALOGUE[i.kind].behaviour &&
      i.end === null &&
      i.kind !== 'fall_no_recovery' &&
      i.kind !== 'night_exit_no_return'
    ) {
      return 'it does not end within the run';
    }
    if (draft.busy !== undefined) {
      const [from, to] = draft.busy;
      if (from < this.ctx.start && drawn) return 'too close to the start of the run';
      if (to > this.gone || from >= this.gone) return 'the resident is gone by then';
      const clash = this.busy.find(([a, b]) => from < b && a < to);
      if (clash !== undefined) return `it overlaps another incident around ${hhmm(this.env, Math.max(from, clash[0]))}`;
    }
    if (draft.silence !== undefined) {
      const { from, to } = draft.silence.silence;
      const clash = (this.silences.get(draft.silence.address) ?? []).some(
        (s) => from < (s.to ?? Number.POSITIVE_INFINITY) && s.from < (to ?? Number.POSITIVE_INFINITY),
      );
      if (clash) return `${draft.silence.address} is already silent then`;
    }
    if (draft.lowAt !== undefined && this.lowAt.has(draft.lowAt.address))
      return `${draft.lowAt.address} already has a low battery planned`;
    return undefined;
  }

  private commit(draft: Draft): void {
    const i = draft.incident;
    if (draft.busy !== undefined) {
      this.busy.push([draft.busy[0], draft.busy[1]]);
      if (draft.busy[1] === Number.POSITIVE_INFINITY) this.gone = Math.min(this.gone, i.start);
    }
    for (const [date, c] of draft.constraints) this.ctx.schedule.constrain(date, c);
    if (draft.silence !== undefined) {
      const list = this.silences.get(draft.silence.address) ?? [];
      list.push(draft.silence.silence);
      this.silences.set(draft.silence.address, list);
    }
    if (draft.decline !== undefined) this.ctx.decline = draft.decline;
    if (draft.lowAt !== undefined) this.lowAt.set(draft.lowAt.address, draft.lowAt.at);
    else this.drafts.push(i);
  }

  /** Every coin cell that goes low within the run, planned or not, is a battery_low incident. */
  private batteryLows(): void {
    for (const device of this.ctx.home.devices) {
      if (powerOf(device.kind) !== 'coin_cell') continue;
      const forced = this.lowAt.get(device.address);
      const model = deviceModel(device, this.ctx.seed, this.ctx.start, forced === undefined ? {} : { lowAt: forced });
      for (const low of model.batteryLows(this.ctx.start, this.end)) {
        const planned = forced !== undefined && Math.abs(low.at - forced) < 60_000;
        this.drafts.push({
          kind: 'battery_low',
          expect: CATALOGUE.battery_low.expect,
          start: low.at,
          end: low.replaced >= this.end ? null : low.replaced,
          deadline: CATALOGUE.battery_low.deadline({ kind: 'battery_low', start: low.at, profile: this.ctx.base }),
          device: device.address,
          note: `${device.address} battery down to 15 % at ${hhmm(this.env, low.at)}${planned ? '' : ' (ran down by itself)'}; ${low.replaced >= this.end ? 'not replaced within the run' : 'replaced days later'}`,
          leadMs: 0,
          date: this.ctx.firstDate,
          night: false,
        });
      }
    }
  }
}
