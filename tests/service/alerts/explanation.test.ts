/**
 * Every alert a detector raises carries a structured explanation that matches the contract and
 * says what its English reason says: the dashboard's English rendering of the explanation is
 * the reason itself, so a Swedish card shows the same figures as the English one.
 */
import { describe, expect, it } from 'vitest';
import { explanationsEn, explanationsSv, explanationText } from '../../../dashboard/src/i18n-explanations.js';
import type { SensorEvent } from '../../../gateway/contract.js';
import { AlertExplanation, type ExplanationKey } from '../../../service/contract.js';
import { batteryLow } from '../../../service/detectors/battery-low.js';
import type { AlertAction, DetectorContext } from '../../../service/detectors/detector.js';
import { fallFromDevice } from '../../../service/detectors/fall-device.js';
import { helpButton } from '../../../service/detectors/help-button.js';
import { sensorSilent } from '../../../service/detectors/sensor-silent.js';
import { fallExplanation, fallReason } from '../../../service/detectors/wearable-fall.js';
import type { FallVerdict } from '../../../service/model/fall/classifier.js';
import {
  clock,
  DAY0,
  type Incident,
  newEngine,
  ORDINARY,
  PAGING,
  play,
  writeDay,
  writeDays,
} from '../model/synthetic-home.js';

const HOUR = 3_600_000;
/** The dashboard's English, without the full stop the service's device-rule reasons leave out. */
const english = (e: AlertExplanation) => explanationText(e, explanationsEn).replace(/\.$/, '');
const bare = (reason: string) => reason.replace(/\.$/, '');

function expectExplained(alert: { reason: string; explanation?: AlertExplanation | undefined }, key: ExplanationKey) {
  const explanation = alert.explanation;
  expect(explanation?.key).toBe(key);
  expect(AlertExplanation.safeParse(explanation).success).toBe(true);
  if (explanation !== undefined) expect(english(explanation)).toBe(bare(alert.reason));
}

describe('learned rules explain themselves as data', () => {
  const cases: [string, Incident, ExplanationKey][] = [
    ['FALL-3', { kind: 'fall', room: 'bathroom', atMin: 10 * 60 }, 'fall.silence'],
    ['FALL-3', { kind: 'fall', room: 'hall', atMin: 11 * 60 }, 'fall.hall'],
    ['BATH-1', { kind: 'long_bath', atMin: 9 * 60, minutes: 90 }, 'bathroom.long'],
    ['EXIT-1', { kind: 'night_exit', atMin: 2 * 60 + 30 }, 'exit.night'],
    ['MORN-1', { kind: 'missed_morning' }, 'morning.missed'],
    ['INACT-1', { kind: 'inactive', atMin: 14 * 60 }, 'inactivity'],
    ['WANDER-1', { kind: 'wander', atMin: 2 * 60, minutes: 60 }, 'wander.night'],
  ];
  it.each(cases)('%s (%o) as %s, with the same figures as its reason', (ruleId, incident, key) => {
    const day = DAY0 + 21;
    const events = [...writeDays(DAY0, 21, ORDINARY, 7), ...writeDay(day, ORDINARY, 7 * 31 + 5, incident)];
    const last = events.reduce((a, e) => Math.max(a, e.eventTime), 0);
    const raised = play(newEngine(), events, last + 8 * HOUR).filter((r) => PAGING.has(r.ruleId));
    const alert = raised.find((r) => r.ruleId === ruleId && r.explanation?.key === key);
    expect(alert, `${ruleId} raised as ${key}: ${raised.map((r) => r.ruleId).join(', ')}`).toBeDefined();
    if (alert) expectExplained(alert, key);
  });

  it('says a registered visitor after the explanation, as the reason does', () => {
    const day = DAY0 + 21;
    const incident: Incident = { kind: 'long_bath', atMin: 9 * 60, minutes: 90 };
    const engine = newEngine();
    play(engine, writeDays(DAY0, 21, ORDINARY, 7));
    engine.setContext('res-1', { kind: 'visitor', until: clock.toEpoch(day, 23 * 60 + 30), note: 'dottern' });
    const events = writeDay(day, ORDINARY, 7 * 31 + 5, incident);
    const last = events.reduce((a, e) => Math.max(a, e.eventTime), 0);
    const alert = play(engine, events, last + 8 * HOUR).find((r) => r.ruleId === 'BATH-1');
    expect(alert?.explanation?.context).toEqual({ kind: 'visitor', until: 23 * 60 + 30, note: 'dottern' });
    expect(alert?.reason).toMatch(/ Registered as with a visitor until 23:30 \(dottern\)\.$/);
    if (alert?.explanation) {
      expect(explanationText(alert.explanation, explanationsSv)).toMatch(/ Har besök till kl\. 23:30 \(dottern\)\.$/);
    }
  });

  it('the BATH-1 figures are the stay, the usual range and the days behind it', () => {
    const day = DAY0 + 21;
    const incident: Incident = { kind: 'long_bath', atMin: 9 * 60, minutes: 90 };
    const events = [...writeDays(DAY0, 21, ORDINARY, 7), ...writeDay(day, ORDINARY, 7 * 31 + 5, incident)];
    const alert = play(newEngine(), events).find((r) => r.ruleId === 'BATH-1');
    const e = alert?.explanation;
    if (e?.key !== 'bathroom.long') throw new Error(`no BATH-1 explanation: ${JSON.stringify(alert)}`);
    expect(e.params.place).toEqual({ room: 'Bathroom', group: 'bathroom' });
    expect(e.params.days).toBe(22);
    expect(e.params.usualMin).toBeGreaterThanOrEqual(1);
    expect(e.params.usualMax).toBeGreaterThan(e.params.usualMin);
    expect(e.params.minutes).toBeGreaterThan(e.params.usualMax);
    expect(e.params.timesUsual).toBeCloseTo(e.params.minutes / e.params.usualMax, 0);
    expect(alert?.reason).toContain(
      `for ${e.params.minutes} min; usually ${e.params.usualMin}–${e.params.usualMax} min`,
    );
  });
});

describe('device and technical rules explain themselves as data', () => {
  const device = {
    deviceId: 'd-1',
    residentId: 'r-1',
    roomId: 'room-1',
    kind: 'help_button' as const,
    format: 'vaka' as const,
    address: 'a-1',
    label: 'Red button',
    roomName: 'Hall',
  };
  const ctx: DetectorContext = { device: (id) => (id === device.deviceId ? device : undefined) };
  const event = (over: Partial<SensorEvent>): SensorEvent =>
    ({
      deviceId: 'd-1',
      residentId: 'r-1',
      roomId: 'room-1',
      sensorKind: 'help_button',
      type: 'help',
      value: true,
      eventTime: 1_000,
      receivedAt: 1_000,
      ...over,
    }) as SensorEvent;
  const raised = (actions: AlertAction[]) => {
    const a = actions[0];
    if (a?.kind !== 'raise') throw new Error('no alert raised');
    return a.alert;
  };

  it('[HELP-1] names the device by kind, room and label', () => {
    const alert = raised(helpButton().onEvent?.(event({}), ctx) ?? []);
    expectExplained(alert, 'help.pressed');
    expect(alert.explanation?.params).toEqual({ device: { kind: 'help_button', room: 'Hall', label: 'Red button' } });
  });

  it('[FALL-1] from a device, also one the registry does not know', () => {
    expectExplained(raised(fallFromDevice().onEvent?.(event({ type: 'fall' }), ctx) ?? []), 'fall.device');
    const unknown = raised(fallFromDevice().onEvent?.(event({ type: 'fall', deviceId: 'd-x' }), ctx) ?? []);
    expectExplained(unknown, 'fall.device');
    expect(unknown.explanation?.params).toEqual({ device: null });
  });

  it('[BATT-1] with the percentage and the limit, or the flag alone', () => {
    const pct = raised(batteryLow({ lowPct: 15 }).onEvent?.(event({ type: 'battery', battery: 12 }), ctx) ?? []);
    expectExplained(pct, 'battery.low');
    expect(pct.explanation?.params).toMatchObject({ percent: 12, limit: 15 });
    const flag = raised(batteryLow({ lowPct: 15 }).onEvent?.(event({ type: 'battery', batteryLow: true }), ctx) ?? []);
    expectExplained(flag, 'battery.low');
  });

  it('[SILENT-1] with the silence, the limit and the device’s own rhythm; [SILENT-2] offline', () => {
    const silent = sensorSilent({
      silentMs: 3 * HOUR,
      rhythm: () => ({ usualLongestMs: 5 * HOUR, observed: 40, periodic: true }),
    });
    silent.watch('d-1', 'r-1', 'room-1', 0);
    const alert = raised(silent.onTick?.(9 * HOUR, ctx) ?? []);
    expectExplained(alert, 'sensor.silent');
    expect(alert.explanation?.params).toMatchObject({ minutes: 540, limitMin: 375, usualLongestMin: 300 });
    const offline = sensorSilent({ silentMs: 3 * HOUR });
    expectExplained(
      raised(offline.onEvent?.(event({ type: 'availability', value: false }), ctx) ?? []),
      'sensor.offline',
    );
  });

  it('[FALL-2] with the impact, the stillness and the likelihood', () => {
    const verdict = {
      fall: true,
      probability: 0.97,
      offsetS: 0,
      features: { peakG: 3.4, stillS: 2.5, peakAtS: 1 },
    } as unknown as FallVerdict;
    const explanation = fallExplanation(verdict);
    expect(AlertExplanation.safeParse(explanation).success).toBe(true);
    expect(explanation).toEqual({ key: 'fall.wearable', params: { peakG: 3.4, stillS: 2.5, percent: 97 } });
    expect(english(explanation)).toBe(fallReason(verdict));
    expect(fallExplanation(verdict, 'rule').params).toMatchObject({ percent: null });
  });
});
