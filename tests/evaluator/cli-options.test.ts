/** The evaluator's command line. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, parseCli, UsageError } from '../../evaluator/cli-options.js';

describe('the evaluator command line', () => {
  it('defaults to the 20 × 60 cohort scenario when it is there, else to the built-in cohort', () => {
    expect(parseCli([], () => true)).toMatchObject({
      scenario: DEFAULT_SCENARIO,
      cohort: true,
      vkRuns: 3,
      tickMs: 60_000,
    });
    expect(parseCli([], () => false).scenario).toBeUndefined();
  });

  it('reads every option', () => {
    const config = parseCli(
      [
        '--scenario',
        'a.json',
        '--vankasteren',
        '/data/vk',
        '--vk-runs',
        '2',
        '--seed',
        '9',
        '--tick-s',
        '30',
        '--sisfall',
        '/data/sf',
        '--out',
        'e.json',
        '--no-cohort',
      ],
      () => false,
    );
    expect(config).toEqual({
      scenario: 'a.json',
      cohort: false,
      vanKasteren: '/data/vk',
      vkRuns: 2,
      seed: 9,
      tickMs: 30_000,
      sisfall: '/data/sf',
      out: 'e.json',
      engines: ['vaka', 'baseline'],
      help: false,
    });
  });

  it('takes the engines to compare as a list', () => {
    expect(parseCli(['--engines', 'vaka-fixed, vaka,baseline']).engines).toEqual(['vaka-fixed', 'vaka', 'baseline']);
  });

  it('refuses an unknown option and a bad number with a usage error', () => {
    expect(() => parseCli(['--frobnicate'])).toThrow(UsageError);
    expect(() => parseCli(['--vk-runs', 'many'])).toThrow(UsageError);
    expect(() => parseCli(['--seed', '-1'])).toThrow(UsageError);
    expect(() => parseCli(['--engines', 'vaka,magic'])).toThrow(UsageError);
  });
});
