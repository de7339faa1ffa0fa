import { describe, expect, it } from 'vitest';
import { SimSensorKind } from '../../../simulator/contract.js';
import { parseJsonLines, TruthRecord, toJsonLines } from '../../../simulator/ground-truth.js';
import { createReplay, type Replay } from '../../../simulator/replay/index.js';
import { houseT, local } from './helpers.js';

const { dataset, mapping } = houseT();
const replay = createReplay({ dataset, mapping, seed: 1 });
const readings = [...replay.readings()];

/** `HH:MM:SS open` lines of one device on one local date, as a person would read them. */
function timeline(source: Replay, device: string, date: string, timeZone = 'Europe/Stockholm'): string[] {
  return [...source.readings()]
    .filter((r) => r.device.address.endsWith(device) && local(r.at, timeZone).startsWith(date))
    .map((r) => {
      const { kind, ...fields } = r.reading;
      const [state] = Object.entries(fields).map(([k, v]) => `${k}=${v}`);
      return `${local(r.at, timeZone).slice(11)} ${kind} ${state}`;
    });
}

describe('replaying on/off stretches as readings', () => {
  it('opens a contact at the start of a stretch and closes it at the end', () => {
    expect(timeline(replay, 'kitchen-fridge', '2025-03-04')).toEqual([
      '07:30:00 door open=true',
      '07:30:20 door open=false',
      '18:00:00 door open=true',
      '18:00:30 door open=false',
    ]);
  });

  it('joins overlapping rows of one sensor into one opening', () => {
    expect(timeline(replay, 'kitchen-fridge', '2025-03-03').slice(2, 4)).toEqual([
      '12:05:00 door open=true',
      '12:05:30 door open=false',
    ]);
  });

  it('gives a 0 s row one second, so its off comes after its on', () => {
    expect(timeline(replay, 'toilet-flush', '2025-03-03').slice(-2)).toEqual([
      '22:03:00 door open=true',
      '22:03:01 door open=false',
    ]);
  });

  it("clears motion 90 s after a stretch, as Zigbee2MQTT's occupancy timeout does, unless it is seen again first", () => {
    expect(timeline(replay, 'bathroom-motion', '2025-03-03').slice(1, 7)).toEqual([
      '03:03:30 motion detected=false',
      '07:05:00 motion detected=true',
      '07:16:30 motion detected=false',
      '14:00:00 motion detected=true',
      '14:02:00 motion detected=true',
      '14:04:00 motion detected=false',
    ]);
  });

  it('reports bed mats as bed occupancy', () => {
    expect(timeline(replay, 'bedroom-bed', '2025-03-03').slice(0, 2)).toEqual([
      '00:30:00 bed occupied=true',
      '02:55:00 bed occupied=false',
    ]);
  });

  it('is in time order and the same on every build', () => {
    expect(readings.every((r, i) => i === 0 || (readings[i - 1]?.at ?? 0) <= r.at)).toBe(true);
    const again = createReplay({ dataset, mapping, seed: 1 });
    expect(JSON.stringify([...again.readings()])).toBe(JSON.stringify(readings));
    expect(replay.start).toBe(readings[0]?.at);
    expect(replay.end).toBe((readings.at(-1)?.at ?? 0) + 1);
  });
});

describe('the replayed home', () => {
  const [home] = replay.homes;

  it('has the mapped rooms and a device per sensor, addressed in the chosen format', () => {
    expect(home?.rooms.map((r) => r.name)).toEqual(['Hall', 'Kitchen', 'Bathroom', 'Bedroom']);
    expect(home?.devices.map((d) => d.address)).toContain('vkT-kitchen-fridge');
    const z2m = createReplay({ dataset, mapping, seed: 1, format: 'z2m' });
    expect(z2m.homes[0]?.devices.map((d) => d.address)).toContain('vkT/kitchen-fridge');
  });

  it('registers a kind the simulator contract lacks as a stand-in with the same on/off, and says so', () => {
    const flush = home?.devices.find((d) => d.address === 'vkT-bathroom-toilet-flush');
    expect(SimSensorKind.options).toContain(flush?.kind);
    if (flush?.kind !== ('other' as string)) {
      expect(replay.notes).toContain(
        'sensors 5 registered other as door: the simulator contract has no such device kind yet',
      );
    }
  });
});

describe('moving a replay to another date', () => {
  it('starts on the chosen date and keeps every local time of day', () => {
    const moved = createReplay({ dataset, mapping, seed: 1, startDate: '2025-06-02' });
    expect(local(moved.start)).toBe('2025-06-02 00:30:00');
    expect(timeline(moved, 'kitchen-fridge', '2025-06-03')).toEqual(timeline(replay, 'kitchen-fridge', '2025-03-04'));
  });

  it('keeps local times across a daylight-saving change (Stockholm, 30 March 2025)', () => {
    const moved = createReplay({ dataset, mapping, seed: 1, startDate: '2025-03-29' });
    expect(timeline(moved, 'kitchen-fridge', '2025-03-30')).toEqual(timeline(replay, 'kitchen-fridge', '2025-03-04'));
    expect(timeline(moved, 'bedroom-bed', '2025-03-31')).toEqual(timeline(replay, 'bedroom-bed', '2025-03-05'));
  });

  it('refuses a start date or time zone it cannot read', () => {
    expect(() => createReplay({ dataset, mapping, seed: 1, startDate: '3 June' })).toThrowError(
      'options: start date "3 June" is not YYYY-MM-DD',
    );
    expect(() => createReplay({ dataset, mapping, seed: 1, timeZone: 'Mars/Olympus' })).toThrowError(/not known/);
  });

  it('keeps local times in another time zone', () => {
    const moved = createReplay({ dataset, mapping, seed: 1, timeZone: 'America/New_York' });
    expect(moved.homes[0]?.timeZone).toBe('America/New_York');
    expect(timeline(moved, 'kitchen-fridge', '2025-03-04', 'America/New_York')).toEqual(
      timeline(replay, 'kitchen-fridge', '2025-03-04'),
    );
  });
});

describe('the ground truth of a replay without incidents', () => {
  const truth = replay.truth();

  it('is a run record and every replayed day as incident-free', () => {
    expect(truth).toHaveLength(2);
    expect(truth[0]).toEqual({
      type: 'run',
      source: 'vankasteren/houseT',
      seed: 1,
      start: '2025-03-02T23:30:00.000Z',
      end: '2025-03-05T21:06:30.001Z',
      format: 'vaka',
      homes: [{ homeId: 'vkT', resident: 'Test resident', profile: 'replay', timeZone: 'Europe/Stockholm' }],
    });
    expect(truth[1]).toEqual({
      type: 'incident_free_days',
      homeId: 'vkT',
      resident: 'Test resident',
      days: ['2025-03-03', '2025-03-04', '2025-03-05'],
    });
  });

  it('follows the ground-truth schema and survives a JSON lines round trip', () => {
    for (const record of truth) expect(TruthRecord.safeParse(record).success).toBe(true);
    expect(parseJsonLines(toJsonLines(truth))).toEqual(truth);
  });
});
