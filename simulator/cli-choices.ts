/**
 * What the flags mean together: where a run's homes and readings come from (a scenario file, a
 * cohort from flags, or live demo homes), which dataset a replay plays, the incident it
 * injects, and the chaos rates. Each flag was already checked on its own (cli-flags.ts); a
 * combination that makes no sense is a UsageError naming the flag to change.
 */
import { z } from 'zod';
import type { PayloadFormat } from '../gateway/contract.js';
import { ChaosKind, type ChaosRates } from './chaos/index.js';
import { UsageError } from './cli-errors.js';
import type { FlagName, Flags } from './cli-flags.js';
import { type CohortFlags, scenarioFromFlags } from './cli-scenario.js';
import { DEMO_TIME_ZONE } from './homes.js';
import { DAY_MS, hm, localDate, nextLocal } from './local-time.js';
import type { IncidentPlan, VanKasterenHouseId } from './replay/index.js';
import type { Scenario } from './scenario.js';

/** Seed of a cohort or replay when none is given: the same flags give the same homes and readings. */
export const DEFAULT_SEED = 1;

/** Where a run's homes and readings come from. */
export type CohortChoice =
  /** A scenario file, with --seed and --format replacing the file's when given. */
  | { from: 'file'; path: string; seed: number | undefined; format: PayloadFormat | undefined }
  /** A scenario built from --residents, --days, … (already checked). */
  | { from: 'flags'; scenario: Scenario }
  /** Demo-like homes living their everyday life with no end (no --scenario, no --days). */
  | { from: 'live'; residents: number; format: PayloadFormat; seed: number | undefined; start: number | undefined };

export type ReplayChoice =
  | { from: 'vankasteren'; house: VanKasterenHouseId; dataDir: string | undefined }
  | { from: 'event-log'; eventLog: string; mapping: string };

export function cohortChoice(flags: Partial<Flags>, given: (flag: FlagName) => boolean, now: number): CohortChoice {
  if (flags.scenario !== undefined) {
    const clash = (['residents', 'days', 'start', 'profiles', 'incidents'] as const).find(given);
    if (clash !== undefined) throw new UsageError(`--${clash}: not with --scenario (set it in the scenario file)`);
    return { from: 'file', path: flags.scenario, seed: flags.seed, format: flags.format };
  }
  if (flags.days === undefined) {
    const needsDays = (['profiles', 'incidents'] as const).find(given);
    if (needsDays !== undefined) throw new UsageError(`--${needsDays}: needs --days (a finite cohort) or --scenario`);
    return {
      from: 'live',
      residents: flags.residents ?? 3,
      format: flags.format ?? 'z2m',
      seed: flags.seed,
      start: flags.start === undefined ? undefined : liveStart(flags.start, now),
    };
  }
  const cohort: CohortFlags = {
    residents: flags.residents ?? 3,
    days: flags.days,
    seed: flags.seed ?? DEFAULT_SEED,
    start: flags.start === undefined ? localDate(now, DEMO_TIME_ZONE) : cohortStart(flags.start),
    profiles: flags.profiles,
    incidents: flags.incidents ?? 'default',
    format: flags.format ?? 'z2m',
  };
  return { from: 'flags', scenario: scenarioFromFlags(cohort) };
}

export function finite(choice: CohortChoice, command: string): Exclude<CohortChoice, { from: 'live' }> {
  if (choice.from === 'live') throw new UsageError(`--days: ${command} needs --scenario FILE or --days D`);
  return choice;
}

const isoDate = z.iso.date();
const isoTime = z.iso.datetime({ offset: true });
const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** A cohort starts at local midnight of a date. */
function cohortStart(text: string): string {
  if (!isoDate.safeParse(text).success) throw new UsageError('--start: with --days, expected a date YYYY-MM-DD');
  return text;
}

/** A live run starts at `HH:MM` (the latest such time in the homes' zone) or an ISO 8601 time with offset. */
function liveStart(text: string, now: number): number {
  if (isoTime.safeParse(text).success) return Date.parse(text);
  const match = clock.exec(text);
  if (match === null) {
    throw new UsageError(
      '--start: expected HH:MM or an ISO 8601 time with offset, e.g. 2025-03-03T07:00:00+01:00 (a date needs --days)',
    );
  }
  return nextLocal(now - DAY_MS + 1, hm(Number(match[1]), Number(match[2])), DEMO_TIME_ZONE);
}

export function replayChoice(flags: Partial<Flags>, given: (flag: FlagName) => boolean): ReplayChoice {
  const logForm = given('event-log') || given('mapping');
  const datasetForm = given('dataset') || given('house') || given('data-dir');
  if (logForm && datasetForm) {
    throw new UsageError(
      `--${given('event-log') ? 'event-log' : 'mapping'}: not with --dataset, --house or --data-dir`,
    );
  }
  if (logForm) {
    if (flags['event-log'] === undefined) throw new UsageError('--event-log: needed with --mapping');
    if (flags.mapping === undefined) throw new UsageError('--mapping: needed with --event-log');
    return { from: 'event-log', eventLog: flags['event-log'], mapping: flags.mapping };
  }
  if (!datasetForm) {
    throw new UsageError(
      '--dataset: replay needs --dataset vankasteren --house A–E, or --event-log FILE --mapping FILE',
    );
  }
  return { from: 'vankasteren', house: flags.house ?? 'A', dataDir: flags['data-dir'] };
}

export function incidentPlan(flags: Partial<Flags>, given: (flag: FlagName) => boolean): IncidentPlan | undefined {
  if (flags.inject === undefined) {
    const detail = (['inject-day', 'inject-at'] as const).find(given);
    if (detail !== undefined) throw new UsageError(`--${detail}: needs --inject KIND`);
    return undefined;
  }
  return {
    kind: flags.inject,
    ...(flags['inject-day'] === undefined ? {} : { day: flags['inject-day'] }),
    ...(flags['inject-at'] === undefined ? {} : { at: flags['inject-at'] }),
  };
}

/** `--chaos R` sets every kind; `--chaos-kinds` sets (or overrides) some. Undefined: no chaos. */
export function chaosOf(flags: Partial<Flags>): Partial<ChaosRates> | undefined {
  if (flags.chaos === undefined && flags['chaos-kinds'] === undefined) return undefined;
  const all = flags.chaos === undefined ? {} : Object.fromEntries(ChaosKind.options.map((kind) => [kind, flags.chaos]));
  return { ...all, ...flags['chaos-kinds'] };
}
