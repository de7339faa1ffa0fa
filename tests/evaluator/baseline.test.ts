/** The fixed-rule baseline's rules [BASE-*] on small synthetic event streams. */
import { describe, expect, it } from 'vitest';
import { BaselineEngine } from '../../evaluator/baseline/engine.js';
import { BASELINE_SETTINGS } from '../../evaluator/baseline/settings.js';
import type { ResidentSetup } from '../../evaluator/engine-surface.js';
import type { ReadingType, SensorEvent, SensorKind } from '../../gateway/contract.js';
import type { AlertAction } from '../../service/detectors/detector.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Local Stockholm time (UTC+1 in early March). */
const at = (local: string) => Date.parse(`2025-03-${local}+01:00`);

const HOME: ResidentSetup = {
  residentId: 'r1',
  name: 'Astrid',
  timeZone: 'Europe/Stockholm',
  rooms: [
    { roomId: 'bed', name: 'Bedroom', kind: 'bedroom' },
    { roomId: 'bath', name: 'Bathroom', kind: 'bathroom' },
    { roomId: 'hall', name: 'Hall', kind: 'hall' },
    { roomId: 'kit', name: 'Kitchen', kind: 'kitchen' },
  ],
  devices: [
    { deviceId: 'bed-motion', roomId: 'bed', kind: 'motion', role: undefined },
    { deviceId: 'bed-mat', roomId: 'bed', kind: 'bed', role: undefined },
    { deviceId: 'bath-motion', roomId: 'bath', kind: 'motion', role: undefined },
    { deviceId: 'hall-motion', roomId: 'hall', kind: 'motion', role: undefined },
    { deviceId: 'front-door', roomId: 'hall', kind: 'door', role: 'front_door' },
    { deviceId: 'kettle', roomId: 'kit', kind: 'power_plug', role: undefined },
    { deviceId: 'detector', roomId: 'bath', kind: 'fall_detector', role: undefined },
  ],
};

const TYPE: Record<string, ReadingType> = {
  'bed-motion': 'motion',
  'bed-mat': 'occupancy',
  'bath-motion': 'motion',
  'hall-motion': 'motion',
  'front-door': 'contact',
  kettle: 'power',
  detector: 'fall',
};

function event(
  deviceId: string,
  time: number,
  value: SensorEvent['value'] = true,
  extra: Partial<SensorEvent> = {},
): SensorEvent {
  const device = HOME.devices.find((d) => d.deviceId === deviceId);
  return {
    deviceId,
    residentId: 'r1',
    roomId: device?.roomId ?? null,
    sensorKind: (device?.kind ?? 'other') as SensorKind,
    type: TYPE[deviceId] ?? 'heartbeat',
    value,
    eventTime: time,
    receivedAt: time,
    ...extra,
  };
}

/** Feeds events in time order and ticks every minute from `from` to `to`; returns every raise. */
function run(events: SensorEvent[], from: number, to: number, settings = BASELINE_SETTINGS): Raised[] {
  const engine = new BaselineEngine([HOME], settings);
  for (const d of HOME.devices) {
    engine.added({ ...d, residentId: 'r1', format: 'vaka', address: d.deviceId, label: null, roomName: null }, from);
  }
  const out: AlertAction[] = [];
  const queue = [...events].sort((a, b) => a.eventTime - b.eventTime);
  for (let t = from; t <= to; t += MIN) {
    while (queue.length > 0 && (queue[0]?.eventTime ?? Number.POSITIVE_INFINITY) <= t) {
      out.push(...engine.onEvent(queue.shift() as SensorEvent));
    }
    out.push(...engine.tick(t));
  }
  return out.flatMap((a) =>
    a.kind === 'raise' ? [{ ruleId: a.alert.ruleId, at: a.alert.at, severity: a.alert.severity }] : [],
  );
}

/** Keeps every rule but the one under test quiet: a heartbeat from each device every hour, a battery at 100 %. */
function heartbeats(from: number, to: number): SensorEvent[] {
  const out: SensorEvent[] = [];
  for (let t = from; t <= to; t += HOUR) {
    for (const d of HOME.devices) out.push({ ...event(d.deviceId, t), type: 'heartbeat', value: null, battery: 100 });
  }
  return out;
}

type Raised = { ruleId: string; at: number; severity: string };
const only = (ruleId: string, raised: Raised[]) => raised.filter((r) => r.ruleId === ruleId);

describe('[BASE-FALL] [BASE-HELP] device alarms', () => {
  it('pages at once on a reported fall', () => {
    const raised = run([event('detector', at('04T10:00:30'))], at('04T10:00:00'), at('04T10:02:00'));
    expect(only('BASE-FALL', raised)).toEqual([{ ruleId: 'BASE-FALL', at: at('04T10:00:30'), severity: 'critical' }]);
  });
});

describe('[BASE-INACT] no activity for 12 h', () => {
  it('raises once 12 h after the last activity outside the bedroom; bedroom motion and the bed do not reset it', () => {
    const from = at('04T08:00:00');
    const events = [
      event('kettle', at('04T08:30:00'), 2000),
      event('bed-motion', at('04T12:00:00')),
      event('bed-mat', at('04T13:00:00')),
      ...heartbeats(from, at('05T10:00:00')),
    ];
    const raised = only('BASE-INACT', run(events, from, at('05T10:00:00')));
    expect(raised).toEqual([{ ruleId: 'BASE-INACT', at: at('04T20:30:00'), severity: 'high' }]);
  });

  it('counts a plug only when it is switched on, not while it keeps reporting power', () => {
    const from = at('04T08:00:00');
    const events = [event('kettle', at('04T08:00:30'), 2000), ...heartbeats(from, at('04T21:00:00'))];
    for (let t = at('04T09:00:00'); t < at('04T21:00:00'); t += HOUR) events.push(event('kettle', t, 2000));
    expect(only('BASE-INACT', run(events, from, at('04T21:00:00')))).toHaveLength(1);
  });
});

describe('[BASE-BATH] in the bathroom longer than 60 min', () => {
  it('raises 60 min after entering when nothing happens in another room, and not when the resident comes out', () => {
    const from = at('04T09:00:00');
    const stay = [
      event('hall-motion', at('04T09:55:00')),
      event('bath-motion', at('04T10:00:00')),
      event('bath-motion', at('04T10:30:00')),
    ];
    expect(only('BASE-BATH', run(stay, from, at('04T11:30:00')))).toEqual([
      { ruleId: 'BASE-BATH', at: at('04T11:00:00'), severity: 'high' },
    ]);
    const visit = [...stay, event('hall-motion', at('04T10:40:00'))];
    expect(only('BASE-BATH', run(visit, from, at('04T11:30:00')))).toEqual([]);
  });
});

describe('[BASE-EXIT] front door at night, no activity indoors after it', () => {
  it('pages 10 min after the door opened at 02:00 when nothing happens indoors', () => {
    const raised = run(
      [event('front-door', at('05T02:00:00')), event('front-door', at('05T02:00:20'), false)],
      at('05T01:50:00'),
      at('05T02:30:00'),
    );
    expect(only('BASE-EXIT', raised)).toEqual([{ ruleId: 'BASE-EXIT', at: at('05T02:10:00'), severity: 'critical' }]);
  });

  it('is satisfied by activity indoors after the first minute, and ignores the door by day', () => {
    const back = [event('front-door', at('05T02:00:00')), event('hall-motion', at('05T02:05:00'))];
    expect(only('BASE-EXIT', run(back, at('05T01:50:00'), at('05T02:30:00')))).toEqual([]);
    const passing = [event('front-door', at('05T02:00:00')), event('hall-motion', at('05T02:00:30'))];
    expect(only('BASE-EXIT', run(passing, at('05T01:50:00'), at('05T02:30:00')))).toHaveLength(1);
    const day = [event('front-door', at('05T14:00:00'))];
    expect(only('BASE-EXIT', run(day, at('05T13:50:00'), at('05T14:30:00')))).toEqual([]);
  });
});

describe('[BASE-MORN] no activity between 07:00 and 10:00', () => {
  it('raises at 10:00 when the resident has not been up since 07:00', () => {
    const events = [event('kettle', at('04T22:00:00'), 2000), event('bed-motion', at('05T08:00:00'))];
    expect(only('BASE-MORN', run(events, at('04T20:00:00'), at('05T10:30:00')))).toEqual([
      { ruleId: 'BASE-MORN', at: at('05T10:00:00'), severity: 'medium' },
    ]);
  });

  it('stays quiet when the resident was up at 08:00, and does not judge a morning before the replay began', () => {
    const up = [event('hall-motion', at('05T08:00:00'))];
    expect(only('BASE-MORN', run(up, at('04T20:00:00'), at('05T10:30:00')))).toEqual([]);
    expect(only('BASE-MORN', run([], at('05T08:00:00'), at('05T10:30:00')))).toEqual([]);
  });
});

describe('[BASE-SILENT] [BASE-BATT] technical rules', () => {
  it('flags a device silent for 25 h, once', () => {
    const from = at('04T00:00:00');
    const raised = only('BASE-SILENT', run([], from, from + 26 * HOUR));
    expect(raised).toHaveLength(HOME.devices.length);
    expect(raised[0]).toMatchObject({ at: from + 25 * HOUR, severity: 'technical' });
  });

  it('reports a battery below 20 % at the daily 10:00 check, and repeats it the next day into the same fold key', () => {
    const low = [event('hall-motion', at('04T08:00:00'), true, { battery: 18 })];
    const raised = only('BASE-BATT', run(low, at('04T07:00:00'), at('05T11:00:00')));
    expect(raised.map((r) => r.at)).toEqual([at('04T10:00:00'), at('05T10:00:00')]);
    const fine = [event('hall-motion', at('04T08:00:00'), true, { battery: BASELINE_SETTINGS.batteryBelowPct })];
    expect(only('BASE-BATT', run(fine, at('04T07:00:00'), at('05T11:00:00')))).toEqual([]);
  });
});

describe('[BASE-WANDER] movement in several rooms other than the bedroom within 30 min, 00:00–05:00', () => {
  // The test home has three rooms besides the bedroom: judged with 3 rooms instead of 4.
  const three = { ...BASELINE_SETTINGS, wanderRooms: 3 };
  const walk = (day: string, hour: string) => [
    event('hall-motion', at(`${day}T${hour}:00:00`)),
    event('bath-motion', at(`${day}T${hour}:05:00`)),
    event('kettle', at(`${day}T${hour}:10:00`), 2000),
    event('hall-motion', at(`${day}T${hour}:20:00`)),
    event('kettle', at(`${day}T${hour}:21:00`), 0),
    event('bath-motion', at(`${day}T${hour}:25:00`)),
    event('kettle', at(`${day}T${hour}:26:00`), 2000),
  ];

  it('raises at the third room within 30 min at night, once a night', () => {
    expect(only('BASE-WANDER', run(walk('05', '02'), at('05T01:50:00'), at('05T03:00:00'), three))).toEqual([
      { ruleId: 'BASE-WANDER', at: at('05T02:10:00'), severity: 'medium' },
    ]);
  });

  it('stays quiet for the same walk by day, for a toilet trip, and with the default 4 rooms', () => {
    expect(only('BASE-WANDER', run(walk('05', '14'), at('05T13:50:00'), at('05T15:00:00'), three))).toEqual([]);
    const trip = [event('hall-motion', at('05T02:00:00')), event('bath-motion', at('05T02:01:00'))];
    expect(only('BASE-WANDER', run(trip, at('05T01:50:00'), at('05T03:00:00'), three))).toEqual([]);
    expect(only('BASE-WANDER', run(walk('05', '02'), at('05T01:50:00'), at('05T03:00:00')))).toEqual([]);
  });
});

describe('[BASE-MEAL] no kitchen activity in the lunch (11:00–13:30) or dinner (16:30–19:30) window', () => {
  it('raises at 13:30 when nothing happened in the kitchen since 11:00, and not at 19:30 after dinner', () => {
    const kettle = (time: string) => [event('kettle', at(time), 2000), event('kettle', at(time) + 3 * MIN, 0)];
    const day = [...kettle('05T09:00:00'), ...kettle('05T17:30:00')];
    expect(only('BASE-MEAL', run(day, at('05T08:00:00'), at('05T20:00:00')))).toEqual([
      { ruleId: 'BASE-MEAL', at: at('05T13:30:00'), severity: 'medium' },
    ]);
  });

  it('stays quiet after a lunch at 12:00 (the kettle switched on), and does not judge a window before the replay began', () => {
    const lunch = [
      event('kettle', at('05T12:00:00'), 2000),
      event('kettle', at('05T12:03:00'), 0),
      event('kettle', at('05T17:00:00'), 2000),
    ];
    expect(only('BASE-MEAL', run(lunch, at('05T08:00:00'), at('05T20:00:00')))).toEqual([]);
    expect(only('BASE-MEAL', run([], at('05T12:00:00'), at('05T13:40:00')))).toEqual([]);
  });
});
