import { describe, expect, it } from 'vitest';
import { createKeyHandler } from '../../simulator/cli-keys.js';
import { type CliCommand, parseCli, UsageError } from '../../simulator/cli-options.js';
import { DEFAULT_FOUND_AFTER_HOURS, DEFAULT_INCIDENT_RATES } from '../../simulator/cli-scenario.js';

/** Noon UTC on Monday 3 March 2025: 13:00 in Stockholm. */
const NOW = Date.parse('2025-03-03T12:00:00Z');

const parse = (args: string, env: Record<string, string> = {}) =>
  parseCli(args === '' ? [] : args.split(' '), env, NOW);

function as<K extends CliCommand['command']>(command: CliCommand, kind: K): Extract<CliCommand, { command: K }> {
  expect(command.command).toBe(kind);
  return command as Extract<CliCommand, { command: K }>;
}

function usageError(args: string): string {
  try {
    parse(args);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`"${args}" was accepted`);
}

describe('simulator CLI: run', () => {
  it('defaults to 3 live demo homes in z2m at real time on the local broker, listening on vaka-sim', () => {
    const run = as(parse(''), 'run');
    expect(run.cohort).toEqual({ from: 'live', residents: 3, format: 'z2m', seed: undefined, start: undefined });
    expect(run.play).toEqual({ speed: 1, durationMs: undefined, truth: undefined, chaos: undefined });
    expect(run.broker).toMatchObject({ url: 'mqtt://127.0.0.1:1883', controlPrefix: 'vaka-sim' });
    expect(run.topics).toEqual({ prefix: 'vaka', baseTopic: 'zigbee2mqtt' });
  });

  it('reads durations, speeds, seeds, topic roots, the send window and the control prefix', () => {
    const run = as(
      parse(
        'run --duration 1h30m --speed 600 --seed 7 --prefix care --base-topic z2m --max-in-flight 100 --control-prefix lab',
      ),
      'run',
    );
    expect(run.play).toMatchObject({ durationMs: 90 * 60_000, speed: 600 });
    expect(run.cohort).toMatchObject({ from: 'live', seed: 7 });
    expect(run.topics).toEqual({ prefix: 'care', baseTopic: 'z2m' });
    expect(run.broker).toMatchObject({ maxInFlight: 100, controlPrefix: 'lab' });
    expect(as(parse('--speed max'), 'run').play.speed).toBe(Number.POSITIVE_INFINITY);
  });

  it('reads a live run’s --start as HH:MM in the homes’ zone (the latest such time) or as ISO 8601', () => {
    const start = (args: string) => {
      const cohort = as(parse(args), 'run').cohort;
      return cohort.from === 'live' ? cohort.start : undefined;
    };
    // 12:00 UTC is 13:00 in Stockholm: the latest 07:00 there is 06:00 UTC the same day.
    expect(start('--start 07:00')).toBe(Date.parse('2025-03-03T06:00:00Z'));
    expect(start('--start 14:00')).toBe(Date.parse('2025-03-02T13:00:00Z'));
    expect(start('--start 2025-03-01T08:00:00+01:00')).toBe(Date.parse('2025-03-01T07:00:00Z'));
  });

  it('builds a cohort from --residents and --days: seed 1, today, all profiles, default incidents found after 6 h', () => {
    const cohort = as(parse('run --residents 20 --days 60'), 'run').cohort;
    if (cohort.from !== 'flags') throw new Error('expected a cohort from flags');
    expect(cohort.scenario).toMatchObject({ seed: 1, start: '2025-03-03', days: 60, format: 'z2m' });
    expect(cohort.scenario.residents).toMatchObject({ count: 20 });
    expect(cohort.scenario.incidents.rates).toEqual(DEFAULT_INCIDENT_RATES);
    expect(cohort.scenario.incidents.foundAfterHours).toBe(DEFAULT_FOUND_AFTER_HOURS);
  });

  it('takes a profile mix with or without weights, a start date and --incidents none', () => {
    const cohort = as(
      parse('run --days 7 --start 2025-06-02 --profiles frail_seated=2,night_owl --incidents none --format vaka'),
      'run',
    ).cohort;
    if (cohort.from !== 'flags') throw new Error('expected a cohort from flags');
    expect(cohort.scenario).toMatchObject({ start: '2025-06-02', format: 'vaka' });
    expect(cohort.scenario.residents).toMatchObject({ profiles: { frail_seated: 2, night_owl: 1 } });
    expect(cohort.scenario.incidents.rates).toEqual({});
  });

  it('names a scenario file, letting --seed and --format replace the file’s', () => {
    const run = as(parse('run --scenario week.yaml --seed 9 --format vaka'), 'run');
    expect(run.cohort).toEqual({ from: 'file', path: 'week.yaml', seed: 9, format: 'vaka' });
  });

  it('turns --chaos into every kind’s rate, and lets --chaos-kinds set some', () => {
    expect(as(parse('--chaos 0.01'), 'run').play.chaos).toMatchObject({ malformed_json: 0.01, unknown_device: 0.01 });
    expect(as(parse('--chaos 0.01 --chaos-kinds duplicate=0.2,oversized=0'), 'run').play.chaos).toMatchObject({
      malformed_json: 0.01,
      duplicate: 0.2,
      oversized: 0,
    });
    expect(as(parse('--chaos-kinds clock_skew=0.5'), 'run').play.chaos).toEqual({ clock_skew: 0.5 });
  });

  it('falls back to MQTT_URL, MQTT_USERNAME and MQTT_PASSWORD, and lets options win', () => {
    const env = { MQTT_URL: 'mqtt://broker:1883', MQTT_USERNAME: 'sim', MQTT_PASSWORD: 'secret' };
    expect(as(parse('', env), 'run').broker).toMatchObject({
      url: 'mqtt://broker:1883',
      username: 'sim',
      password: 'secret',
    });
    expect(as(parse('--url mqtts://other:8883', env), 'run').broker.url).toBe('mqtts://other:8883');
  });

  it('keeps run --list for the homes to register', () => {
    expect(as(parse('--list --json'), 'run')).toMatchObject({ list: true, json: true });
  });
});

describe('simulator CLI: generate, summary and list', () => {
  it('generate takes the cohort options with --out and --truth, and no broker', () => {
    const generate = as(parse('generate --days 3 --residents 2 --seed 5 --out m.jsonl --truth t.jsonl'), 'generate');
    expect(generate).toMatchObject({ out: 'm.jsonl', truth: 't.jsonl', chaos: undefined });
    expect(generate.cohort).toMatchObject({ from: 'flags', scenario: { seed: 5, days: 3 } });
  });

  it('summary takes a scenario, --json and --reference', () => {
    expect(as(parse('summary --scenario s.json --json --reference'), 'summary')).toMatchObject({
      cohort: { from: 'file', path: 's.json' },
      json: true,
      reference: true,
    });
  });

  it('list takes a cohort or, without --days, demo homes', () => {
    expect(as(parse('list --residents 5 --json'), 'list')).toMatchObject({
      cohort: { from: 'live', residents: 5 },
      json: true,
    });
    expect(as(parse('list --days 1 --residents 5'), 'list').cohort).toMatchObject({ from: 'flags' });
  });
});

describe('simulator CLI: replay', () => {
  it('replays a van Kasteren house, z2m and seed 1 unless told otherwise', () => {
    const replay = as(parse('replay --dataset vankasteren --house a --speed max'), 'replay');
    expect(replay.replay).toEqual({ from: 'vankasteren', house: 'A', dataDir: undefined });
    expect(replay).toMatchObject({ seed: 1, format: 'z2m', incident: undefined, list: false });
  });

  it('injects an incident on a day (0-based or a date) at a time', () => {
    expect(
      as(parse('replay --house B --inject fall_no_recovery --inject-day 3 --inject-at 10:15'), 'replay').incident,
    ).toEqual({ kind: 'fall_no_recovery', day: 3, at: '10:15' });
    expect(
      as(parse('replay --house A --inject night_exit_no_return --inject-day 2008-03-01'), 'replay').incident,
    ).toEqual({ kind: 'night_exit_no_return', day: '2008-03-01' });
  });

  it('replays any event log with its mapping, moved to a start date and zone', () => {
    const replay = as(
      parse('replay --event-log log.csv --mapping map.json --start-date 2025-03-03 --time-zone Europe/Oslo --list'),
      'replay',
    );
    expect(replay.replay).toEqual({ from: 'event-log', eventLog: 'log.csv', mapping: 'map.json' });
    expect(replay).toMatchObject({ startDate: '2025-03-03', timeZone: 'Europe/Oslo', list: true });
  });
});

describe('simulator CLI: fall and help', () => {
  it('go through the control topic by default, to home 1 or the one named', () => {
    expect(as(parse('fall'), 'inject')).toMatchObject({ kind: 'fall', home: '1', direct: false });
    expect(as(parse('help --home sim3 --control-prefix lab'), 'inject')).toMatchObject({
      kind: 'help',
      home: 'sim3',
      broker: { controlPrefix: 'lab' },
    });
  });

  it('with --direct, take the homes from the cohort options', () => {
    expect(as(parse('fall --direct --home 2 --residents 4 --format vaka'), 'inject')).toMatchObject({
      direct: true,
      home: '2',
      cohort: { from: 'live', residents: 4, format: 'vaka' },
    });
  });
});

describe('simulator CLI: help pages', () => {
  it('--help gives the overview, <command> --help that command’s page, even with other flags missing', () => {
    expect(parse('--help')).toEqual({ command: 'usage', topic: undefined });
    expect(parse('generate --help')).toEqual({ command: 'usage', topic: 'generate' });
    expect(parse('replay -h')).toEqual({ command: 'usage', topic: 'replay' });
  });
});

describe('simulator CLI: bad command lines', () => {
  it.each([
    ['--speed 0', /^--speed: must be more than 0$/],
    ['--speed fast', /^--speed: /],
    ['--format json', /^--format: expected vaka or z2m$/],
    ['--residents 0', /^--residents: must be at least 1$/],
    ['--duration soon', /^--duration: /],
    ['--url http://broker', /^--url: /],
    ['--prefix vaka/#', /^--prefix: /],
    ['--max-in-flight 70000', /^--max-in-flight: must be at most 65535$/],
    ['--chaos 2', /^--chaos: must be at most 1$/],
    ['--chaos-kinds fire=0.1', /^--chaos-kinds: unknown kind "fire"/],
    ['--chaos-kinds duplicate', /^--chaos-kinds: "duplicate": expected kind=rate/],
    ['--days 0', /^--days: must be at least 1$/],
    ['--days 7 --start 07:00', /^--start: with --days, expected a date YYYY-MM-DD$/],
    ['--start 2025-03-03', /^--start: expected HH:MM or an ISO 8601 time/],
    ['--days 7 --profiles sleepy', /^--profiles: unknown profile "sleepy"/],
    ['--days 7 --profiles night_owl=0', /^--profiles: at least one profile/],
    ['--profiles night_owl', /^--profiles: needs --days/],
    ['--days 7 --incidents lots', /^--incidents: expected default or none$/],
    ['--scenario s.yaml --days 7', /^--days: not with --scenario/],
    ['generate', /^--days: generate needs --scenario FILE or --days D$/],
    ['summary --residents 4', /^--days: summary needs --scenario FILE or --days D$/],
    ['generate --days 1 --url mqtt://x', /^--url: not an option of generate/],
    ['list --out x', /^--out: not an option of list/],
    ['replay', /^--dataset: replay needs/],
    ['replay --house F', /^--house: expected one of A, B, C, D, E$/],
    ['replay --dataset casas', /^--dataset: expected vankasteren/],
    ['replay --event-log log.csv', /^--mapping: needed with --event-log$/],
    ['replay --house A --mapping m.json', /^--mapping: not with --dataset/],
    ['replay --house A --inject fall', /^--inject: expected fall_no_recovery or night_exit_no_return$/],
    ['replay --house A --inject-at 10:00', /^--inject-at: needs --inject KIND$/],
    ['replay --house A --inject fall_no_recovery --inject-day monday', /^--inject-day: /],
    ['replay --house A --start-date 3/3/2025', /^--start-date: expected a date YYYY-MM-DD$/],
    ['replay --house A --time-zone Mars/Olympus', /^--time-zone: not an IANA time zone/],
    ['fall --residents 4', /^--residents: only with --direct/],
    ['fall --home', /argument missing/],
    ['dance', /^command: unknown command "dance"/],
    ['--nope', /Unknown option '--nope'$/],
    ['run extra', /^unexpected argument "extra"$/],
  ])('%s → one line naming what is wrong', (args, pattern) => {
    const message = usageError(args);
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });
});

describe('simulator keys', () => {
  it('f then a digit triggers a fall in that home, h then a digit a help press, q quits', () => {
    const calls: string[] = [];
    const handle = createKeyHandler(3, {
      trigger: (kind, home) => calls.push(`${kind} ${home}`),
      quit: () => calls.push('quit'),
      say: () => {},
    });
    handle('f2');
    handle('h');
    handle('1');
    handle('f9x1');
    handle('q');
    expect(calls).toEqual(['fall 2', 'help 1', 'quit']);
  });
});
