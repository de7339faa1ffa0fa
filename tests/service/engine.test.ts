/**
 * The engine's surface as the service and the evaluator drive it, and its speed: a month of one
 * resident well under a second; a tick over 10,000 residents with nothing due in a few ms.
 */
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../service/detectors/detector.js';
import { Engine } from '../../service/engine.js';
import { ctx, DAY0, HOUR, MIN, newEngine, ORDINARY, play, silentLog, writeDays } from './model/synthetic-home.js';

describe('Engine', () => {
  it('still builds from the two original options, with the behaviour rules on by default', () => {
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR }, ctx, silentLog);
    play(engine, writeDays(DAY0, 1, ORDINARY, 1));
    expect(engine.resident('res-1')?.model.events).toBeGreaterThan(50);
  });

  it('runs without the behaviour rules when asked (the fixed-limit rules only)', () => {
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR, behaviour: false }, ctx, silentLog);
    play(engine, writeDays(DAY0, 1, ORDINARY, 1));
    expect(engine.resident('res-1')).toBeUndefined();
    expect(engine.exportModels(true)).toEqual([]);
  });

  it('keeps running the other detectors when one throws', () => {
    const broken: Detector = {
      ruleIds: ['BROKEN'],
      onEvent() {
        throw new Error('boom');
      },
      onTick() {
        throw new Error('boom');
      },
    };
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR, extra: [broken] }, ctx, silentLog);
    const actions = engine.onEvent({
      deviceId: 'm-bathroom',
      residentId: 'res-1',
      roomId: 'room-bath',
      sensorKind: 'motion',
      type: 'help',
      value: true,
      eventTime: 0,
      receivedAt: 0,
    });
    expect(actions.map((a) => a.kind === 'raise' && a.alert.ruleId)).toEqual(['HELP-1']);
    expect(engine.tick(MIN)).toEqual([]);
  });

  it('replays a month of one resident in well under a second (loose smoke; figures in bench/engine-month.ts)', () => {
    const events = writeDays(DAY0, 30, ORDINARY, 1);
    const engine = newEngine();
    const started = performance.now();
    play(engine, events);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('ticks over 10,000 residents with nothing due in a few milliseconds', () => {
    const engine = newEngine();
    const t0 = Date.UTC(2026, 2, 2, 8);
    for (let i = 0; i < 10_000; i++) {
      engine.onEvent({
        deviceId: 'm-kitchen',
        residentId: `r${i}`,
        roomId: 'room-kit',
        sensorKind: 'motion',
        type: 'motion',
        value: true,
        eventTime: t0,
        receivedAt: t0,
      });
    }
    engine.tick(t0 + MIN);
    const started = performance.now();
    for (let i = 2; i < 12; i++) engine.tick(t0 + i * MIN);
    expect((performance.now() - started) / 10).toBeLessThan(20);
  });
});
