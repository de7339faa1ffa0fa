/**
 * A scenario from flags (`--residents 20 --days 60 --incidents default`), and the default
 * incident rates behind `--incidents default`. The result goes through parseScenario, so flags
 * and a scenario file (cli-scenario-file.ts) mean the same thing.
 */
import type { PayloadFormat } from '../gateway/contract.js';
import type { ProfileName } from './contract.js';
import type { TruthKind } from './ground-truth.js';
import { parseScenario, type Scenario, type ScenarioInput } from './scenario.js';

/**
 * Incidents per resident-week for `--incidents default` (and simulator/scenarios/cohort-20x60.yaml).
 * Raised far above real life on purpose, so a 20-resident, 60-day cohort (171 resident-weeks)
 * holds several of every kind to score recall on. For scale: about a third of people over 65
 * living at home fall each year (Tinetti et al., NEJM 1988), about 0.006 falls per person-week;
 * frail people in home care fall more, one or two a year (0.02–0.04 a week). The two fall kinds
 * here add up to 0.15 a week. Every other rate is an assumption chosen the same way.
 */
export const DEFAULT_INCIDENT_RATES: Readonly<Partial<Record<TruthKind, number>>> = {
  fall_no_recovery: 0.05,
  fall_recovered: 0.1,
  help_button: 0.2,
  prolonged_inactivity: 0.05,
  long_bathroom_stay: 0.05,
  night_wandering: 0.05,
  night_exit_no_return: 0.02,
  missed_morning_routine: 0.05,
  missed_meal: 0.1,
  /** The chance per resident-week that a decline over weeks starts. */
  decline: 0.01,
  sensor_silent: 0.05,
  battery_low: 0.02,
  away_day: 0.2,
  hospital_stay: 0.01,
  visitor_present: 0.3,
};

/**
 * A resident who fell and could not get up is found this many hours later (a carer's next
 * visit), then spends a few days in hospital. Without it (the scenario default, null) a fall
 * without recovery ends that resident's run, and a long cohort loses residents week by week.
 */
export const DEFAULT_FOUND_AFTER_HOURS = 6;

/** The cohort flags, already checked one by one (cli-flags.ts). */
export interface CohortFlags {
  residents: number;
  days: number;
  seed: number;
  /** Local date of the first day, YYYY-MM-DD. */
  start: string;
  profiles: Partial<Record<ProfileName, number>> | undefined;
  incidents: 'default' | 'none';
  format: PayloadFormat;
}

export function scenarioFromFlags(flags: CohortFlags): Scenario {
  const input: ScenarioInput = {
    name: 'from the command line',
    seed: flags.seed,
    start: flags.start,
    days: flags.days,
    format: flags.format,
    residents: { count: flags.residents, ...(flags.profiles === undefined ? {} : { profiles: flags.profiles }) },
    incidents:
      flags.incidents === 'none'
        ? { rates: {} }
        : { rates: { ...DEFAULT_INCIDENT_RATES }, foundAfterHours: DEFAULT_FOUND_AFTER_HOURS },
  };
  return parseScenario(input);
}
