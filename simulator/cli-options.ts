/**
 * The simulator CLI's command line: parsed once from argv (and three MQTT_* variables, the same
 * names the service reads) into one typed command. The only place the simulator reads the
 * environment. A bad flag is a UsageError whose one-line message starts with the flag's name.
 * Files are not read here: a command names them and cli-main.ts opens them.
 */
import { parseArgs } from 'node:util';
import type { PayloadFormat } from '../gateway/contract.js';
import type { ChaosRates } from './chaos/index.js';
import {
  type CohortChoice,
  chaosOf,
  cohortChoice,
  DEFAULT_SEED,
  finite,
  incidentPlan,
  type ReplayChoice,
  replayChoice,
} from './cli-choices.js';
import { UsageError } from './cli-errors.js';
import { type FlagName, Flags } from './cli-flags.js';
import type { IncidentKind, Topics } from './contract.js';
import { DEFAULT_CONTROL_PREFIX } from './control/index.js';
import type { IncidentPlan } from './replay/index.js';

export type { CohortChoice, ReplayChoice };
export { UsageError };

export const COMMANDS = ['run', 'generate', 'replay', 'list', 'summary', 'fall', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

const BROKER: FlagName[] = ['url', 'username', 'password', 'max-in-flight', 'control-prefix'];
const TOPICS: FlagName[] = ['prefix', 'base-topic'];
const COHORT: FlagName[] = ['scenario', 'residents', 'days', 'seed', 'start', 'profiles', 'incidents', 'format'];
const CHAOS: FlagName[] = ['chaos', 'chaos-kinds'];
const REPLAY: FlagName[] = [
  'dataset',
  'house',
  'data-dir',
  'event-log',
  'mapping',
  'start-date',
  'time-zone',
  'inject',
  'inject-day',
  'inject-at',
  'seed',
  'format',
];

/** The flags each command takes; any other is refused by name. */
const ALLOWED: Record<CommandName, ReadonlySet<FlagName>> = {
  run: new Set([...COHORT, ...TOPICS, ...BROKER, ...CHAOS, 'speed', 'duration', 'truth', 'list', 'json', 'help']),
  generate: new Set([...COHORT, ...TOPICS, ...CHAOS, 'out', 'truth', 'help']),
  replay: new Set([...REPLAY, ...TOPICS, ...BROKER, ...CHAOS, 'speed', 'duration', 'truth', 'list', 'json', 'help']),
  list: new Set([...COHORT, ...TOPICS, 'json', 'help']),
  summary: new Set([...COHORT, 'json', 'reference', 'help']),
  fall: new Set(['home', 'direct', 'url', 'username', 'password', 'control-prefix', ...COHORT, ...TOPICS, 'help']),
  help: new Set(['home', 'direct', 'url', 'username', 'password', 'control-prefix', ...COHORT, ...TOPICS, 'help']),
};

export interface Broker {
  url: string;
  username: string | undefined;
  password: string | undefined;
  maxInFlight: number | undefined;
  /** The control topic is `<controlPrefix>/sim/control`. */
  controlPrefix: string;
}

/** How a run plays: speed, length, ground truth and chaos. */
export interface Play {
  speed: number;
  durationMs: number | undefined;
  truth: string | undefined;
  /** Per-kind chaos rates, or undefined for none. */
  chaos: Partial<ChaosRates> | undefined;
}

export type CliCommand =
  | { command: 'usage'; topic: CommandName | undefined }
  | { command: 'run'; cohort: CohortChoice; topics: Topics; broker: Broker; play: Play; list: boolean; json: boolean }
  | {
      command: 'generate';
      cohort: Exclude<CohortChoice, { from: 'live' }>;
      topics: Topics;
      out: string | undefined;
      truth: string | undefined;
      chaos: Partial<ChaosRates> | undefined;
    }
  | {
      command: 'replay';
      replay: ReplayChoice;
      incident: IncidentPlan | undefined;
      startDate: string | undefined;
      timeZone: string | undefined;
      seed: number;
      format: PayloadFormat;
      topics: Topics;
      broker: Broker;
      play: Play;
      list: boolean;
      json: boolean;
    }
  | { command: 'list'; cohort: CohortChoice; topics: Topics; json: boolean }
  | { command: 'summary'; cohort: Exclude<CohortChoice, { from: 'live' }>; json: boolean; reference: boolean }
  | {
      command: 'inject';
      kind: IncidentKind;
      home: string;
      direct: boolean;
      broker: Broker;
      cohort: CohortChoice;
      topics: Topics;
    };

/** Parses argv and the environment; throws UsageError with a one-line message. `now` resolves --start defaults. */
export function parseCli(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  now: number = Date.now(),
): CliCommand {
  let parsed: ReturnType<typeof parseRaw>;
  try {
    parsed = parseRaw(argv);
  } catch (error) {
    // parseArgs messages run on with advice about `--`; the first sentence is the point.
    throw new UsageError(((error as Error).message.split(/\.\s/)[0] ?? 'bad arguments').replace(/\.$/, ''));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const name = positionals[0] ?? 'run';
  if (!(COMMANDS as readonly string[]).includes(name)) {
    throw new UsageError(`command: unknown command "${name}"; expected ${COMMANDS.join(', ')}`);
  }
  const command = name as CommandName;
  if (values.help === true) return { command: 'usage', topic: positionals[0] === undefined ? undefined : command };
  for (const flag of Object.keys(values) as FlagName[]) {
    if (!ALLOWED[command].has(flag)) throw new UsageError(`--${flag}: not an option of ${command}`);
  }
  const flags = checkFlags(values);
  const given = (flag: FlagName) => values[flag] !== undefined;
  const topics: Topics = { prefix: flags.prefix ?? 'vaka', baseTopic: flags['base-topic'] ?? 'zigbee2mqtt' };
  const broker = (): Broker => ({
    url: flags.url ?? nonEmpty(env.MQTT_URL) ?? 'mqtt://127.0.0.1:1883',
    username: flags.username ?? nonEmpty(env.MQTT_USERNAME),
    password: flags.password ?? nonEmpty(env.MQTT_PASSWORD),
    maxInFlight: flags['max-in-flight'],
    controlPrefix: flags['control-prefix'] ?? DEFAULT_CONTROL_PREFIX,
  });
  const play = (): Play => ({
    speed: flags.speed ?? 1,
    durationMs: flags.duration,
    truth: flags.truth,
    chaos: chaosOf(flags),
  });
  switch (command) {
    case 'run':
      return {
        command,
        cohort: cohortChoice(flags, given, now),
        topics,
        broker: broker(),
        play: play(),
        list: flags.list ?? false,
        json: flags.json ?? false,
      };
    case 'generate':
      return {
        command,
        cohort: finite(cohortChoice(flags, given, now), command),
        topics,
        out: flags.out,
        truth: flags.truth,
        chaos: chaosOf(flags),
      };
    case 'replay':
      return {
        command,
        replay: replayChoice(flags, given),
        incident: incidentPlan(flags, given),
        startDate: flags['start-date'],
        timeZone: flags['time-zone'],
        seed: flags.seed ?? DEFAULT_SEED,
        format: flags.format ?? 'z2m',
        topics,
        broker: broker(),
        play: play(),
        list: flags.list ?? false,
        json: flags.json ?? false,
      };
    case 'list':
      return { command, cohort: cohortChoice(flags, given, now), topics, json: flags.json ?? false };
    case 'summary':
      return {
        command,
        cohort: finite(cohortChoice(flags, given, now), command),
        json: flags.json ?? false,
        reference: flags.reference ?? false,
      };
    case 'fall':
    case 'help': {
      const direct = flags.direct ?? false;
      if (!direct) {
        const cohortFlag = COHORT.find(given) ?? TOPICS.find(given);
        if (cohortFlag !== undefined) {
          throw new UsageError(
            `--${cohortFlag}: only with --direct (through the control topic the running simulation knows its homes)`,
          );
        }
      }
      return {
        command: 'inject',
        kind: command,
        home: flags.home ?? '1',
        direct,
        broker: broker(),
        cohort: cohortChoice(flags, given, now),
        topics,
      };
    }
  }
}

/** Each flag's value checked on its own; the first problem names its flag. */
function checkFlags(values: Record<string, string | boolean | undefined>): Partial<Flags> {
  const result = Flags.partial().safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UsageError(`--${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`);
}

function parseRaw(argv: readonly string[]) {
  const text = { type: 'string' } as const;
  const flag = { type: 'boolean' } as const;
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      url: text,
      username: text,
      password: text,
      'max-in-flight': text,
      'control-prefix': text,
      prefix: text,
      'base-topic': text,
      scenario: text,
      residents: text,
      days: text,
      seed: text,
      start: text,
      profiles: text,
      incidents: text,
      format: text,
      speed: text,
      duration: text,
      truth: text,
      out: text,
      chaos: text,
      'chaos-kinds': text,
      dataset: text,
      house: text,
      'data-dir': text,
      'event-log': text,
      mapping: text,
      'start-date': text,
      'time-zone': text,
      inject: text,
      'inject-day': text,
      'inject-at': text,
      home: text,
      direct: flag,
      list: flag,
      json: flag,
      reference: flag,
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
