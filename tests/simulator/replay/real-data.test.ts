/**
 * The replay over the real van Kasteren data (tests/helpers/shared-data.ts: VAKA_SHARED_DATA,
 * or ../shared/data beside the checkout). A missing folder fails here, naming the path: these
 * tests never skip.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createReplay, loadVanKasteren, VAN_KASTEREN_HOUSES } from '../../../simulator/replay/index.js';
import { VAN_KASTEREN_DIR as DATA_DIR, missingData } from '../../helpers/shared-data.js';
import { local } from './helpers.js';

function houseA() {
  if (!existsSync(DATA_DIR)) {
    throw new Error(missingData('the van Kasteren data', DATA_DIR));
  }
  return loadVanKasteren('A', { dataDir: DATA_DIR });
}

describe('house A of van Kasteren et al. (UbiComp 2008), replayed', () => {
  it('finds the shared data next to the repository', () => {
    expect(existsSync(DATA_DIR), missingData('the van Kasteren data', DATA_DIR)).toBe(true);
  });

  it('maps every sensor of the data and keeps its 1,229 rows', () => {
    const { dataset } = houseA();
    expect(dataset.source).toBe('vankasteren/houseA');
    expect(dataset.intervals).toHaveLength(1229);
    expect(dataset.away.length).toBeGreaterThan(30);
  });

  it('replays the rows as readings in time order, on the original local dates by default', () => {
    const { dataset, mapping } = houseA();
    const replay = createReplay({ dataset, mapping, seed: 1 });
    const readings = [...replay.readings()];
    expect(readings.every((r, i) => i === 0 || (readings[i - 1]?.at ?? 0) <= r.at)).toBe(true);
    expect(local(replay.start, 'Europe/Amsterdam')).toBe('2008-02-25 00:20:14');
    expect(replay.homes[0]?.devices).toHaveLength(14);
    // House A has only contacts: each stretch is an open and a close; 8 overlapping rows join others.
    expect(readings).toHaveLength(2 * 1221);
    expect(readings.filter((r) => r.reading.kind === 'door' && r.reading.open)).toHaveLength(1221);
  });

  it('injects a fall and a night exit into real days', () => {
    const { dataset, mapping } = houseA();
    for (const kind of ['fall_no_recovery', 'night_exit_no_return'] as const) {
      const replay = createReplay({
        dataset,
        mapping,
        seed: 42,
        startDate: '2025-03-03',
        timeZone: 'Europe/Stockholm',
        incident: { kind },
      });
      const start = Date.parse(replay.incident?.start ?? '');
      const after = [...replay.readings()].filter((r) => r.at >= start);
      const door = 'vkA-hall-front-door';
      expect(after.map((r) => r.device.address)).toEqual(kind === 'fall_no_recovery' ? [] : [door, door]);
      const free = replay.truth().at(-1);
      const days = free?.type === 'incident_free_days' ? free.days : [];
      expect(days[0]).toBe('2025-03-03');
      expect(days.at(-1)).toBe(dayBefore(local(start).slice(0, 10)));
    }
  });
});

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

describe.each(VAN_KASTEREN_HOUSES)('the bundled mapping of house %s against its data', (house) => {
  it('maps every sensor id that occurs', () => {
    expect(() => loadVanKasteren(house, { dataDir: DATA_DIR })).not.toThrow();
  });
});
