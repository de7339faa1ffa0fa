import { describe, expect, it } from 'vitest';
import {
  parseTimedRows,
  ReplayInputError,
  readVanKasterenHouse,
  UnmappedSensorError,
  vanKasterenDataset,
} from '../../../simulator/replay/index.js';
import { HOUSE_DIR, houseTMapping } from './helpers.js';

describe('reading a van Kasteren house', () => {
  const house = readVanKasterenHouse(HOUSE_DIR, 'T');

  it('reads sensor rows (CRLF line ends, not in time order) with their line numbers', () => {
    expect(house.sensors).toHaveLength(44);
    expect(house.sensors[0]).toEqual({ startS: 1_740_961_800, durationS: 8700, id: '4', line: 1 });
    expect(house.sensors.at(-1)?.line).toBe(44);
  });

  it('reads names, trimming a trailing tab', () => {
    expect(house.sensorNames.get('5')).toEqual({ name: 'Toilet flush', line: 5 });
    expect(house.activityNames.get('1')?.name).toBe('leave-house');
    expect(house.activities).toHaveLength(6);
  });

  it('names the file and line of a malformed row', () => {
    const text = '1740960000\t10\t1\n1740960100\tten\t2\n';
    expect(() => parseTimedRows(text, 'houseX.sensors')).toThrowError(
      'houseX.sensors line 2: duration "ten" is not whole seconds',
    );
    expect(() => parseTimedRows('1740960000 10 1\n', 'houseX.sensors')).toThrowError(
      /line 1: expected 3 tab-separated/,
    );
  });

  it('names a missing file by its path', () => {
    let error: unknown;
    try {
      readVanKasterenHouse(HOUSE_DIR, 'Z');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReplayInputError);
    expect((error as ReplayInputError).code).toBe('VAKA_REPLAY_BAD_INPUT');
    expect((error as Error).message).toBe(`${HOUSE_DIR}/houseZ.sensors: file not found`);
  });
});

describe('a house as a replay dataset', () => {
  const house = readVanKasterenHouse(HOUSE_DIR, 'T');

  it('puts epoch seconds on the wall clock when the mapping says they are local time', () => {
    const dataset = vanKasterenDataset(house, houseTMapping());
    expect(dataset.source).toBe('vankasteren/houseT');
    expect(new Date(dataset.intervals[0]?.start ?? 0).toISOString()).toBe('2025-03-03T00:30:00.000Z');
    expect(dataset.away).toHaveLength(3);
  });

  it('refuses a sensor id the mapping does not map, naming it and where it occurs', () => {
    const mapping = houseTMapping();
    delete mapping.sensors['3'];
    expect(() => vanKasterenDataset(house, mapping)).toThrowError(UnmappedSensorError);
    expect(() => vanKasterenDataset(house, mapping)).toThrowError(
      /does not map sensor "3" \(.*houseT\.sensors line 2\)/,
    );
  });

  it("refuses another house's mapping", () => {
    const mapping = { ...houseTMapping(), dataset: 'vankasteren/houseA' };
    expect(() => vanKasterenDataset(house, mapping)).toThrowError(
      /the mapping is for vankasteren\/houseA, not vankasteren\/houseT/,
    );
  });
});
