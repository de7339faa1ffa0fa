/**
 * Four homes with a week of ordinary life, for the browser tests that open every page and
 * take screenshots: a resident with a full routine and alert history, one who is out, one with
 * an open help call, one with a failing sensor. Deterministic (a seeded generator), times in
 * Europe/Stockholm relative to `now`.
 */
import type { SensorEvent } from '../../gateway/contract.js';
import type { AlertExplanation, Device, Outcome, Resident, Severity } from '../../service/contract.js';
import { LocalClock } from '../../service/model/local-time.js';
import type { Vaka } from '../../service/vaka.js';

const MIN = 60_000;
const ROOMS = [
  { name: 'Sovrum', kind: 'bedroom' },
  { name: 'Badrum', kind: 'bathroom' },
  { name: 'Kök', kind: 'kitchen' },
  { name: 'Vardagsrum', kind: 'living_room' },
  { name: 'Hall', kind: 'hall' },
] as const;
type RoomName = (typeof ROOMS)[number]['name'];

/** One day's plan: [minute of day it starts, room] — each stay lasts until the next starts. */
const DAY: readonly [number, RoomName | 'out'][] = [
  [150, 'Badrum'], // a night-time visit at 02:30
  [156, 'Sovrum'],
  [415, 'Badrum'], // up around 06:55
  [435, 'Kök'],
  [500, 'Vardagsrum'],
  [690, 'Kök'],
  [740, 'Vardagsrum'],
  [830, 'Hall'],
  [835, 'out'], // a walk 13:55–15:05
  [905, 'Hall'],
  [910, 'Vardagsrum'],
  [1010, 'Kök'],
  [1070, 'Vardagsrum'],
  [1260, 'Badrum'],
  [1280, 'Sovrum'], // bed around 21:20
];

export interface DemoHomes {
  astrid: Resident;
  gunnar: Resident;
  majBritt: Resident;
  sven: Resident;
  /** Where a new, unregistered Zigbee2MQTT sensor publishes. */
  unclaimedTopic: string;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface HomeDevices {
  motion: Map<RoomName, Device>;
  bed: Device;
  door: Device;
  button: Device;
}

async function home(vaka: Vaka, name: string): Promise<{ resident: Resident; devices: HomeDevices }> {
  const resident = await vaka.residents.create({ name, rooms: ROOMS.map((r) => ({ ...r })) });
  const room = (n: RoomName) => resident.rooms.find((r) => r.name === n)?.id ?? null;
  const slug = `${name.toLowerCase().replace(/[^a-z]/g, '')}-${resident.id.slice(0, 4)}`;
  const register = (address: string, roomName: RoomName, kind: Device['kind'], label: string | null = null) =>
    vaka.registry.register({
      format: 'z2m',
      address: `${slug}/${address}`,
      residentId: resident.id,
      roomId: room(roomName),
      kind,
      label,
    });
  const motion = new Map<RoomName, Device>();
  for (const r of ROOMS) motion.set(r.name, await register(`pir-${r.kind}`, r.name, 'motion'));
  return {
    resident,
    devices: {
      motion,
      bed: await register('bed', 'Sovrum', 'bed', 'Sängsensor'),
      door: await register('door', 'Hall', 'door', 'Ytterdörr'),
      button: await register('sos', 'Hall', 'help_button', 'Larmknapp'),
    },
  };
}

/** A week of the day plan up to `until`, a motion event every few minutes in the room in use. */
function week(
  resident: Resident,
  d: HomeDevices,
  now: number,
  until: number,
  seed: number,
  clock: LocalClock,
): SensorEvent[] {
  const random = rng(seed);
  const events: SensorEvent[] = [];
  const push = (
    device: Device,
    type: SensorEvent['type'],
    value: SensorEvent['value'],
    at: number,
    battery?: number,
  ) => {
    if (at > until) return;
    events.push({
      deviceId: device.id,
      residentId: resident.id,
      roomId: device.roomId,
      sensorKind: device.kind,
      type,
      value,
      eventTime: at,
      receivedAt: at,
      ...(battery === undefined ? {} : { battery, linkquality: 60 + Math.round(random() * 150) }),
    });
  };
  const today = clock.at(now).day;
  // Zigbee sensors report now and then even when nothing happens (battery, link quality).
  const all = [...d.motion.values(), d.bed, d.door, d.button];
  for (let t = clock.toEpoch(today - 6, 0); t <= until; t += 50 * MIN) {
    for (const device of all)
      push(device, 'heartbeat', null, t + Math.round(random() * 10 * MIN), 90 - Math.round(random() * 10));
  }
  for (let day = today - 6; day <= today; day++) {
    const jitter = Math.round((random() - 0.5) * 30); // minutes: no two days alike
    for (let i = 0; i < DAY.length; i++) {
      const [start, room] = DAY[i] ?? [0, 'out'];
      const end = DAY[i + 1]?.[0] ?? 1440 + 150;
      const from = clock.toEpoch(day, start + jitter);
      const to = clock.toEpoch(day, end + jitter);
      if (room === 'out') {
        push(d.door, 'contact', true, from);
        push(d.door, 'contact', false, from + 20_000);
        push(d.door, 'contact', true, to - 30_000);
        push(d.door, 'contact', false, to - 10_000);
        continue;
      }
      if (room === 'Sovrum' && start > 1000) push(d.bed, 'presence', true, from + 10 * MIN, 95);
      if (room === 'Badrum' && start > 400 && start < 500) push(d.bed, 'presence', false, from - MIN, 95);
      const sensor = d.motion.get(room);
      if (sensor === undefined) continue;
      // Asleep: the bedroom sensor sees a turn now and then; awake: every 2–6 minutes.
      const asleep = room === 'Sovrum';
      for (let t = from; t < to; t += (asleep ? 40 + random() * 60 : 2 + random() * 4) * MIN) {
        push(sensor, 'motion', true, t, 90 - (today - day));
      }
    }
  }
  return events.sort((a, b) => a.eventTime - b.eventTime);
}

async function alertAt(
  vaka: Vaka,
  resident: Resident,
  a: {
    kind: string;
    rule: string;
    severity: Severity;
    reason: string;
    explanation: AlertExplanation;
    room: string;
    at: number;
  },
  handled?: { by: string; ackAfterMs: number; outcome: Exclude<Outcome, 'cleared'>; note?: string },
): Promise<void> {
  const roomId = resident.rooms.find((r) => r.name === a.room)?.id ?? null;
  await vaka.alertService.apply([
    {
      kind: 'raise',
      alert: {
        residentId: resident.id,
        roomId,
        deviceId: null,
        kind: a.kind,
        ruleId: a.rule,
        severity: a.severity,
        reason: a.reason,
        explanation: a.explanation,
        foldKey: a.kind,
        at: a.at,
      },
    },
  ]);
  if (handled === undefined) return;
  const [row] = await vaka.db.query<{ id: string }>(
    `SELECT id FROM alerts WHERE resident_id = $1 AND kind = $2 AND status = 'open'`,
    [resident.id, a.kind],
  );
  if (row === undefined) throw new Error('seeded alert not found');
  await vaka.alertService.acknowledge(row.id, handled.by);
  await vaka.alertService.resolve(row.id, handled.by, handled.outcome, handled.note ?? null);
  // Acknowledged and resolved at their time in the story, not at the test's now.
  await vaka.db.query(
    `UPDATE alerts SET delivered_at = detected_at + interval '1 second',
       acknowledged_at = detected_at + make_interval(secs => $2::float8 / 1000),
       resolved_at = detected_at + make_interval(secs => $2::float8 / 1000 + 600) WHERE id = $1`,
    [row.id, handled.ackAfterMs],
  );
}

export async function seedDemoHomes(vaka: Vaka, now: number, z2mBase: string): Promise<DemoHomes> {
  const clock = new LocalClock('Europe/Stockholm');
  const a = await home(vaka, 'Astrid Lindqvist');
  const g = await home(vaka, 'Gunnar Ek');
  const m = await home(vaka, 'Maj-Britt Holm');
  const s = await home(vaka, 'Sven Berg');
  const events = [
    ...week(a.resident, a.devices, now, now, 1, clock),
    // Gunnar went out 25 minutes ago and has not come back.
    ...week(g.resident, g.devices, now, now - 30 * MIN, 2, clock),
    ...week(m.resident, m.devices, now, now - 3 * MIN, 3, clock),
    // Sven's kitchen sensor stopped five hours ago; the others go on.
    ...week(s.resident, s.devices, now, now, 4, clock).filter(
      (e) => e.deviceId !== s.devices.motion.get('Kök')?.id || e.eventTime < now - 5 * 3_600_000,
    ),
  ].sort((x, y) => x.eventTime - y.eventTime);
  const door = g.devices.door;
  const out = now - 25 * MIN;
  for (const [value, at] of [
    [true, out],
    [false, out + 15_000],
  ] as const) {
    events.push({
      deviceId: door.id,
      residentId: g.resident.id,
      roomId: door.roomId,
      sensorKind: 'door',
      type: 'contact',
      value,
      eventTime: at,
      receivedAt: at,
    });
  }
  // Sven's help button reports a low battery; his hall sensor is far from the coordinator.
  const button = s.devices.button;
  events.push({
    deviceId: button.id,
    residentId: s.resident.id,
    roomId: button.roomId,
    sensorKind: 'help_button',
    type: 'battery',
    value: 12,
    eventTime: now - 40 * MIN,
    receivedAt: now - 40 * MIN,
    battery: 12,
    linkquality: 25,
  });
  // Its routine reports after that would carry a battery level too: leave them out.
  const seeded = events.filter((e) => e.deviceId !== button.id || e.eventTime < now - 60 * MIN || e.battery === 12);
  seeded.sort((x, y) => x.eventTime - y.eventTime);
  for (let i = 0; i < seeded.length; i += 2000) vaka.pipeline.events(seeded.slice(i, i + 2000));
  await vaka.pipeline.flush();

  const day = 86_400_000;
  /** The help button in the hall pressed (HELP-1), as the detector raises it. */
  const help = {
    kind: 'help',
    rule: 'HELP-1',
    severity: 'critical',
    reason: 'Help requested: the hall help button (Larmknapp) was pressed',
    explanation: {
      key: 'help.pressed',
      params: { device: { kind: 'help_button', room: 'Hall', label: 'Larmknapp' } },
    },
    room: 'Hall',
  } as const satisfies Omit<Parameters<typeof alertAt>[2], 'at'>;
  /** 48 min in the bathroom against the person's usual 5–15 min, from 21 days (the example). */
  const longBath: AlertExplanation = {
    key: 'bathroom.long',
    params: {
      place: { room: 'Badrum', group: 'bathroom' },
      minutes: 48,
      usualMin: 5,
      usualMax: 15,
      partOfDay: 'afternoon',
      days: 21,
      timesUsual: 3.2,
      overMin: 33,
    },
  };
  const bath = {
    kind: 'long_bathroom_stay',
    rule: 'BATH-1',
    severity: 'high',
    reason:
      'In the badrum for 48 min; usually 5–15 min in the afternoon, from 21 days. This is 3.2× the usual longest.',
    explanation: longBath,
    room: 'Badrum',
  } as const satisfies Omit<Parameters<typeof alertAt>[2], 'at'>;
  await alertAt(
    vaka,
    a.resident,
    { ...help, at: now - 3 * day },
    { by: 'Eva Nilsson', ackAfterMs: 95_000, outcome: 'false_alarm', note: 'Pressed by mistake while dusting.' },
  );
  await alertAt(
    vaka,
    a.resident,
    {
      kind: 'fall',
      rule: 'FALL-1',
      severity: 'critical',
      reason: 'Fall reported by the badrum fall detector',
      explanation: { key: 'fall.device', params: { device: { kind: 'fall_detector', room: 'Badrum', label: null } } },
      room: 'Badrum',
      at: now - 5 * day,
    },
    { by: 'Karim Haddad', ackAfterMs: 140_000, outcome: 'confirmed', note: 'On the floor, unhurt. Helped up.' },
  );
  await alertAt(
    vaka,
    a.resident,
    { ...bath, kind: 'bath', at: now - 2 * day },
    { by: 'Eva Nilsson', ackAfterMs: 210_000, outcome: 'expected', note: 'Bath day with home help.' },
  );
  await alertAt(vaka, m.resident, { ...help, at: now - 2 * MIN });
  // Astrid has been in the bathroom far longer than she usually is: open, not acknowledged yet.
  await alertAt(vaka, a.resident, { ...bath, at: now - 6 * MIN });

  // A sensor being paired: the broker hears it, nobody has registered it yet.
  return {
    astrid: a.resident,
    gunnar: g.resident,
    majBritt: m.resident,
    sven: s.resident,
    unclaimedTopic: `${z2mBase}/0x00158d0009a1b2c3`,
  };
}
