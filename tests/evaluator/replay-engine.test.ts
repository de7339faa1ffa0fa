/** The replay harness: a cohort through the gateway's decoding into an engine, in simulated time. */
import { describe, expect, it } from 'vitest';
import { baselineEngine } from '../../evaluator/baseline/engine.js';
import { replayEngine } from '../../evaluator/replay-engine.js';
import { scoreAlerts } from '../../evaluator/score.js';
import { vakaEngine } from '../../evaluator/vaka-engine.js';
import { createCohort, type ScenarioInput } from '../../simulator/index.js';

const SMALL: ScenarioInput = {
  seed: 5,
  start: '2025-03-03',
  days: 3,
  residents: [
    { profile: 'frail_seated', layout: 'flat', equipment: { fallDetector: true, wearable: false } },
    { profile: 'early_riser', layout: 'studio' },
  ],
  incidents: {
    list: [
      { kind: 'fall_recovered', resident: 1, day: 2, at: '11:20', room: 'bathroom', durationMin: 4 },
      { kind: 'help_button', resident: 2, day: 3, at: '15:10' },
    ],
  },
};

describe('the replay harness', () => {
  for (const format of ['z2m', 'vaka'] as const) {
    it(`detects a device-reported fall within a second of the report, through the ${format} payloads`, () => {
      const cohort = createCohort({ ...SMALL, format });
      const truth = cohort.truth();
      const reported = [...cohort.readings()].find((r) => r.reading.kind === 'fall');
      expect(reported).toBeDefined();
      const result = replayEngine(cohort, truth, { engine: vakaEngine() });
      expect(result.stats).toMatchObject({ deadLetters: 0, unclaimed: 0 });
      const fall = result.alerts.find((a) => a.ruleId === 'FALL-1');
      expect(fall).toMatchObject({
        residentId: 'sim1',
        kind: 'fall',
        severity: 'critical',
        deviceId: reported?.device.address,
      });
      expect(fall?.reason).toBe('Fall reported by the bathroom fall detector');
      expect((fall?.detectedAt ?? Number.POSITIVE_INFINITY) - (reported?.at ?? 0)).toBeLessThan(1000);

      const kinds = scoreAlerts(truth, result.alerts).kinds;
      expect(kinds.find((k) => k.kind === 'fall_recovered')).toMatchObject({ n: 1, detected: 1 });
      expect(kinds.find((k) => k.kind === 'help_button')).toMatchObject({ n: 1, detected: 1 });
    });
  }

  it('gives the same alerts for the same input, for Vaka and for the baseline', () => {
    for (const engine of [vakaEngine(), baselineEngine()]) {
      const cohort = createCohort(SMALL);
      const first = replayEngine(cohort, cohort.truth(), { engine });
      const second = replayEngine(createCohort(SMALL), cohort.truth(), { engine });
      expect(second.alerts).toEqual(first.alerts);
      expect(second.stats.messages).toBe(first.stats.messages);
      expect(first.stats.messages).toBeGreaterThan(1000);
    }
  });

  it("ticks the engine on the stream's own time, every simulated minute to the end of the run", () => {
    const cohort = createCohort(SMALL);
    const result = replayEngine(cohort, cohort.truth(), { engine: vakaEngine() });
    expect(result.stats.ticks).toBe(Math.floor((cohort.end - cohort.start) / 60_000));
    expect(result.stats.simulatedMs).toBe(cohort.end - cohort.start);
  });
});
