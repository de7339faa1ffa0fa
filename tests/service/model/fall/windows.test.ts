import { describe, expect, it } from 'vitest';
import { resample, type Sample, sliceWindows } from '../../../../service/model/fall/windows.js';

const samples = (n: number): Sample[] => Array.from({ length: n }, (_, i) => [i, 0, 1]);

describe('streaming windows', () => {
  it('cuts a 15 s trial into the 4 s windows a wearable sends every second', () => {
    const windows = sliceWindows(samples(750), { lengthS: 4, hopS: 1 });
    expect(windows.map((w) => w.startS)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(windows.every((w) => w.samples.length === 200)).toBe(true);
  });

  it('adds a last window ending with the recording when the hops stop short of it', () => {
    const windows = sliceWindows(samples(625), { lengthS: 4, hopS: 1 });
    expect(windows.at(-1)?.startS).toBe(8.5);
    expect(windows.at(-1)?.samples.at(-1)?.[0]).toBe(624);
  });

  it('sends a recording shorter than a window whole', () => {
    expect(sliceWindows(samples(128), { lengthS: 4, hopS: 1 })).toEqual([{ startS: 0, samples: samples(128) }]);
  });

  it('resamples to 50 Hz: averages faster input, interpolates slower input', () => {
    expect(resample(samples(400), 200)).toHaveLength(100);
    expect(resample(samples(400), 200)[0]).toEqual([1.5, 0, 1]);
    const up = resample(samples(25), 25);
    expect(up).toHaveLength(50);
    expect(up[1]).toEqual([0.5, 0, 1]);
  });
});
