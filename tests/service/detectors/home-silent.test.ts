import { describe, expect, it } from 'vitest';
import { HOME_SILENT_FLOOR_MS, homeSilent } from '../../../service/detectors/home-silent.js';
import { Engine } from '../../../service/engine.js';
import { testLogger } from '../../helpers/silent-logger.js';
import { bathroomDevice, contextWith, event } from './fixtures.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ctx = contextWith(bathroomDevice());

describe('[HOME-1] a whole home with no message from any device', () => {
  it('raises once past the limit when every device is quiet, and clears on the next message', () => {
    const d = homeSilent({ unlearnedMs: 3 * HOUR });
    d.watch('pir', 'res-1', 0);
    d.watch('door', 'res-1', 0);
    d.onEvent?.(event({ deviceId: 'door', receivedAt: HOUR }), ctx);
    expect(d.onTick?.(4 * HOUR - 1, ctx)).toEqual([]); // the door spoke at 1 h: 3 h from then
    const [raise] = d.onTick?.(4 * HOUR, ctx) ?? [];
    expect(raise?.kind === 'raise' && raise.alert).toMatchObject({
      residentId: 'res-1',
      deviceId: null,
      kind: 'home_silent',
      ruleId: 'HOME-1',
      severity: 'technical',
      foldKey: 'home_silent',
      reason: "No message from any of the home's 2 devices for 3 h (limit 3 h)",
      explanation: { key: 'home.silent', params: { devices: 2, minutes: 180, limitMin: 180, usualLongestMin: null } },
    });
    expect(d.silentCount()).toBe(1);
    expect(d.onTick?.(5 * HOUR, ctx)).toEqual([]);
    expect(d.onEvent?.(event({ deviceId: 'pir', eventTime: 6 * HOUR, receivedAt: 6 * HOUR }), ctx)).toEqual([
      { kind: 'clear', residentId: 'res-1', foldKey: 'home_silent', at: 6 * HOUR },
    ]);
    expect(d.silentCount()).toBe(0);
  });

  it('uses the home’s learned rhythm once a whole day is heard: 1.25 × its longest gap, so a chatty home is missed sooner', () => {
    const d = homeSilent({ unlearnedMs: 3 * HOUR, rhythm: () => ({ usualLongestMs: 20 * MIN }) });
    d.watch('pir', 'res-1', 0);
    d.watch('door', 'res-1', 0);
    // The first day: its learned gaps have seen no night yet, so the unlearned limit holds.
    expect(d.onTick?.(2 * HOUR, ctx)).toEqual([]);
    d.onEvent?.(event({ deviceId: 'pir', receivedAt: DAY }), ctx);
    expect(d.onTick?.(DAY + 25 * MIN - 1, ctx)).toEqual([]);
    const [raise] = d.onTick?.(DAY + 25 * MIN, ctx) ?? [];
    expect(raise?.kind === 'raise' && raise.alert).toMatchObject({
      explanation: { params: { limitMin: 25, usualLongestMin: 20 } },
    });
  });

  it('never raises sooner than 15 min, however chatty the home (a bridge restart or a short drop)', () => {
    const d = homeSilent({ unlearnedMs: 3 * HOUR, rhythm: () => ({ usualLongestMs: 30_000 }) });
    d.watch('pir', 'res-1', 0);
    d.watch('door', 'res-1', DAY);
    expect(d.onTick?.(DAY + HOME_SILENT_FLOOR_MS - 1, ctx)).toEqual([]);
    expect(d.onTick?.(DAY + HOME_SILENT_FLOOR_MS, ctx)).toHaveLength(1);
  });

  it('pauses while Vaka hears nothing from anywhere (broker unreachable): that is one system problem', () => {
    let listening = false;
    const d = homeSilent({ unlearnedMs: HOUR, listening: () => listening });
    d.watch('pir', 'res-1', 0);
    d.watch('door', 'res-1', 0);
    expect(d.onTick?.(10 * HOUR, ctx)).toEqual([]);
    listening = true;
    expect(d.onTick?.(10 * HOUR, ctx)).toHaveLength(1);
  });

  it('leaves a one-device home to [SILENT-1], and forgets a home whose devices are removed', () => {
    const d = homeSilent({ unlearnedMs: HOUR });
    d.watch('pir', 'res-1', 1);
    expect(d.onTick?.(10 * HOUR, ctx)).toEqual([]);
    d.watch('door', 'res-1', 1);
    d.unwatch('door');
    d.unwatch('pir');
    expect(d.onTick?.(10 * HOUR, ctx)).toEqual([]);
  });

  it('after a restart, clears an alert raised before it when the home reports', () => {
    const d = homeSilent({ unlearnedMs: HOUR });
    d.watch('pir', 'res-1', 1);
    d.watch('door', 'res-1', 1);
    d.restore?.({ kind: 'home_silent', residentId: 'res-1', deviceId: null });
    expect(d.onTick?.(10 * HOUR, ctx)).toEqual([]);
    expect(d.onEvent?.(event({ deviceId: 'pir', receivedAt: 10 * HOUR }), ctx)?.[0]?.kind).toBe('clear');
  });

  it('stands for its devices: no [SILENT-1] per device while the home is silent, and theirs after if still quiet', () => {
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR, wearableFall: false }, ctx, testLogger);
    engine.added({ ...bathroomDevice(), deviceId: 'a' }, 0);
    engine.added({ ...bathroomDevice(), deviceId: 'b' }, 0);
    // Both report their battery by themselves, so [SILENT-1] holds each to the fixed 3 h (a device
    // that only ever sent events is given up to a week).
    for (const deviceId of ['a', 'b']) {
      engine.onEvent(event({ deviceId, type: 'battery', value: 90, eventTime: 0, receivedAt: 0 }));
    }
    const rules = (at: number) =>
      engine
        .tick(at)
        .map((a) => (a.kind === 'raise' ? a.alert.ruleId : `clear ${a.foldKey}`))
        .sort();
    expect(rules(3 * HOUR)).toEqual(['HOME-1']);
    expect(rules(4 * HOUR)).toEqual([]);
    // Device a is heard: the home is back; b, still quiet, now gets its own alert.
    const cleared = engine.onEvent(event({ deviceId: 'a', eventTime: 5 * HOUR, receivedAt: 5 * HOUR }));
    expect(cleared.map((a) => a.kind === 'clear' && a.foldKey)).toContain('home_silent');
    expect(rules(5 * HOUR + 1)).toEqual(['SILENT-1']);
  });

  it('learns the home’s rhythm from messages of all its devices (the behaviour model)', () => {
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR, wearableFall: false }, ctx, testLogger);
    // Two devices taking turns every 2 min for a day: the home is heard every 2 min, each device every 4.
    const last = DAY / (2 * MIN);
    for (let i = 1; i <= last; i++) {
      engine.onEvent(event({ deviceId: i % 2 === 0 ? 'a' : 'b', eventTime: i * 2 * MIN, receivedAt: i * 2 * MIN }));
    }
    expect(engine.silentHomes()).toBe(0);
    // Learned: 2 min → the 15-min floor applies.
    expect(engine.tick(DAY + HOME_SILENT_FLOOR_MS - 1).filter((a) => a.kind === 'raise')).toEqual([]);
    const raised = engine.tick(DAY + HOME_SILENT_FLOOR_MS).filter((a) => a.kind === 'raise');
    expect(raised.map((a) => a.kind === 'raise' && a.alert.ruleId)).toEqual(['HOME-1']);
    expect(engine.silentHomes()).toBe(1);
  });
});
