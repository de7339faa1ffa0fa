/** The alert book keeps the alert store's fold semantics, with staff resolving paging alerts after a while. */
import { describe, expect, it } from 'vitest';
import { AlertBook } from '../../evaluator/alert-book.js';
import type { AlertAction } from '../../service/detectors/detector.js';

const MIN = 60_000;

function raise(
  kind: string,
  foldKey: string,
  severity: 'critical' | 'technical',
  at: number,
  residentId = 'r1',
): AlertAction {
  return {
    kind: 'raise',
    alert: { residentId, roomId: null, deviceId: null, kind, ruleId: 'T-1', severity, reason: `at ${at}`, foldKey, at },
  };
}

describe('the alert book', () => {
  it('folds a repeat into the open alert of the same resident and fold key, and keeps residents apart', () => {
    const book = new AlertBook('t');
    book.apply([raise('fall', 'fall', 'critical', 0)], 0);
    book.apply([raise('fall', 'fall', 'critical', MIN)], MIN);
    book.apply([raise('fall', 'fall', 'critical', MIN, 'r2')], MIN);
    const alerts = book.alerts();
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({
      id: 't-1',
      residentId: 'r1',
      detectedAt: 0,
      repeats: [MIN],
      reason: `at ${MIN}`,
    });
    expect(alerts[1]).toMatchObject({ id: 't-2', residentId: 'r2' });
  });

  it("resolves on 'clear', after which the next occurrence opens a new alert", () => {
    const book = new AlertBook('t');
    book.apply([raise('sensor_silent', 'sensor_silent:d1', 'technical', 0)], 0);
    book.apply([{ kind: 'clear', residentId: 'r1', foldKey: 'sensor_silent:d1', at: 5 * MIN }], 5 * MIN);
    book.apply([raise('sensor_silent', 'sensor_silent:d1', 'technical', 9 * MIN)], 9 * MIN);
    const alerts = book.alerts();
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({ resolvedAt: 5 * MIN, resolution: 'cleared' });
    expect(alerts[1]).toMatchObject({ detectedAt: 9 * MIN, resolvedAt: null });
  });

  it('has staff resolve a paging alert after the handling time, but leaves technical alerts to clear by themselves', () => {
    const book = new AlertBook('t', 60 * MIN);
    book.apply([raise('fall', 'fall', 'critical', 0), raise('battery_low', 'battery_low:d1', 'technical', 0)], 0);
    book.advance(60 * MIN);
    book.apply(
      [raise('fall', 'fall', 'critical', 61 * MIN), raise('battery_low', 'battery_low:d1', 'technical', 61 * MIN)],
      61 * MIN,
    );
    const alerts = book.alerts();
    expect(alerts.map((a) => a.kind)).toEqual(['fall', 'battery_low', 'fall']);
    expect(alerts[0]).toMatchObject({ resolution: 'staff', resolvedAt: 60 * MIN, repeats: [] });
    expect(alerts[1]).toMatchObject({ resolution: null, repeats: [61 * MIN] });
  });
});
