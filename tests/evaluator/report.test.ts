/** A group of replays scored and printed side by side. */
import { describe, expect, it } from 'vitest';
import { baselineEngine } from '../../evaluator/baseline/engine.js';
import { evaluateGroup } from '../../evaluator/evaluate.js';
import { formatDuration, formatGroup } from '../../evaluator/report.js';
import { cohortSource } from '../../evaluator/sources.js';
import { vakaEngine } from '../../evaluator/vaka-engine.js';
import { parseScenario } from '../../simulator/index.js';

const SCENARIO = parseScenario({
  seed: 3,
  start: '2025-03-03',
  days: 4,
  residents: [{ profile: 'frail_seated', layout: 'flat', equipment: { fallDetector: true } }, { profile: 'night_owl' }],
  incidents: {
    list: [
      { kind: 'help_button', resident: 1, day: 2, at: '15:10' },
      { kind: 'missed_morning_routine', resident: 2, day: 3 },
    ],
  },
});

describe('an evaluated group', () => {
  it('scores every engine on the same incidents and prints one row per incident kind with both engines', () => {
    const group = evaluateGroup(
      'Small cohort',
      'two residents, four days',
      [cohortSource(SCENARIO)],
      [vakaEngine(), baselineEngine()],
    );
    expect(group.engines.map((e) => e.engine)).toEqual(['vaka', 'baseline']);
    for (const e of group.engines) {
      expect(e.score.kinds.map((k) => k.kind)).toEqual(['help_button', 'missed_morning_routine']);
      expect(e.replay).toMatchObject({ runs: 1, deadLetters: 0, unclaimed: 0 });
    }
    const text = formatGroup(group);
    expect(text).toContain(
      '| incident kind | expect | n | vaka: recall | vaka: median | vaka: p95 | baseline: recall |',
    );
    expect(text).toMatch(/\| help_button \| page \| 1 \| 1\/1 = 100% \| 0 s \| 0 s \| 1\/1 = 100% \|/);
    expect(text).toContain('paging / resident-week');
  });

  it('prints durations in the unit that reads best', () => {
    expect([null, 400, 59_000, 12 * 60_000, 90 * 60_000].map(formatDuration)).toEqual([
      '–',
      '0 s',
      '59 s',
      '12 min',
      '1.5 h',
    ]);
  });
});
