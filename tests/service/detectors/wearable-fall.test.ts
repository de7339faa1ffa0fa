import { describe, expect, it } from 'vitest';
import type { SensorEvent } from '../../../gateway/contract.js';
import { wearableFall } from '../../../service/detectors/wearable-fall.js';
import type { Sample } from '../../../service/model/fall/windows.js';
import { fall, still, walking } from '../model/fall/signals.js';
import { hasSisfall, trialSamples } from '../model/fall/sisfall-data.js';
import { bathroomDevice, contextWith, event } from './fixtures.js';

const ctx = contextWith(bathroomDevice({ kind: 'wearable', roomName: 'Bedroom' }));

function accel(samples: readonly Sample[], eventTime = 1_000_000, rateHz = 50): SensorEvent {
  const copy = samples.map(([x, y, z]) => [x, y, z] as [number, number, number]);
  return event({
    type: 'accel',
    sensorKind: 'wearable',
    value: Math.max(...copy.map((s) => Math.hypot(...s))),
    accel: { rateHz, samples: copy },
    eventTime,
    receivedAt: eventTime,
  });
}

describe('[FALL-2] suspected fall from a wearable', () => {
  it('raises a critical fall alert that tells a care worker the impact, the stillness and how likely a fall is', () => {
    const [action] = wearableFall().onEvent?.(accel(fall({ peakG: 4 })), ctx) ?? [];
    expect(action?.kind).toBe('raise');
    const alert = action?.kind === 'raise' ? action.alert : undefined;
    expect(alert).toMatchObject({
      ruleId: 'FALL-2',
      kind: 'fall',
      severity: 'critical',
      foldKey: 'fall',
      residentId: 'res-1',
      deviceId: 'dev-1',
      at: 1_000_000,
    });
    expect(alert?.reason).toMatch(
      /^Wearable: impact of 4\.0 g, then lying still for 2(\.5)? s; a fall is \d\d% likely$/,
    );
  });

  it('does not alert on ordinary movement: standing, walking, a window without accelerometer data', () => {
    const d = wearableFall();
    expect(d.onEvent?.(accel(still(4)), ctx)).toEqual([]);
    expect(d.onEvent?.(accel(walking(4)), ctx)).toEqual([]);
    expect(d.onEvent?.(event({ type: 'accel', value: 3.2 }), ctx)).toEqual([]);
    expect(d.onEvent?.(event({ type: 'motion' }), ctx)).toEqual([]);
  });

  it('one fall seen in overlapping windows raises once; a fall later raises again', () => {
    const d = wearableFall();
    const stream = [...walking(2), ...fall({ beforeS: 1, totalS: 6 }), ...walking(1)];
    const raised = [0, 1, 2].flatMap(
      (s) => d.onEvent?.(accel(stream.slice(s * 50, s * 50 + 200), 1_000_000 + s * 1000), ctx) ?? [],
    );
    expect(raised).toHaveLength(1);
    expect(d.onEvent?.(accel(fall(), 1_060_000), ctx)).toHaveLength(1);
  });

  it('takes a stricter or looser threshold when configured', () => {
    expect(wearableFall({ threshold: 1.01 }).onEvent?.(accel(fall()), ctx)).toEqual([]);
    expect(wearableFall({ threshold: 0.5 }).onEvent?.(accel(fall()), ctx)).toHaveLength(1);
  });

  it('reads windows sent at another rate (100 Hz)', () => {
    const at100 = fall().flatMap((s) => [s, s]);
    expect(wearableFall().onEvent?.(accel(at100, 1_000_000, 100), ctx)).toHaveLength(1);
  });

  it.skipIf(!hasSisfall)(
    'a real fall streamed as 4 s windows every second raises one alert; real walking none (SisFall SA04)',
    () => {
      const stream = (samples: Sample[]) => {
        const d = wearableFall();
        const actions = [];
        for (let from = 0; from + 200 <= samples.length; from += 50) {
          actions.push(...(d.onEvent?.(accel(samples.slice(from, from + 200), 1_000_000 + from * 20), ctx) ?? []));
        }
        return actions;
      };
      expect(stream(trialSamples('F05', 'SA04'))).toHaveLength(1);
      expect(stream(trialSamples('D02', 'SA04').slice(0, 1500))).toEqual([]);
    },
  );
});
