import { describe, expect, it } from 'vitest';
import { createProgress, formatProgress, formatSimSpan, formatWallSpan } from '../../../simulator/report/index.js';

const DAY = 86_400_000;
const START = Date.parse('2025-03-03T00:00:00Z');

describe('progress line formatting', () => {
  it('shows a bar, percent, simulated time done of total, messages, msgs/s and ETA', () => {
    expect(formatProgress({ simDoneMs: 3 * DAY, simTotalMs: 8 * DAY, messages: 12_345, elapsedMs: 3000 }, 16)).toBe(
      '[######..........]  37.5%  3.0 of 8.0 days  12,345 msgs  4,115 msg/s  ETA 5 s',
    );
  });

  it('shows "done" at the end and no ETA before any progress', () => {
    expect(formatProgress({ simDoneMs: DAY, simTotalMs: DAY, messages: 10, elapsedMs: 1000 }, 4)).toBe(
      '[####] 100.0%  24.0 of 24.0 h  10 msgs  10 msg/s  done',
    );
    expect(formatProgress({ simDoneMs: 0, simTotalMs: DAY, messages: 0, elapsedMs: 0 }, 4)).toBe(
      '[....]   0.0%  0.0 of 24.0 h  0 msgs  0 msg/s  ETA –',
    );
  });

  it('shows simulated time only, without bar or ETA, for a run with no end', () => {
    expect(formatProgress({ simDoneMs: 90 * 60_000, simTotalMs: undefined, messages: 500, elapsedMs: 2000 })).toBe(
      '90 min simulated  500 msgs  250 msg/s',
    );
  });

  it('states simulated spans in minutes, hours or days by the size of the whole', () => {
    expect(formatSimSpan(30 * 60_000)).toBe('30 min');
    expect(formatSimSpan(5 * 3_600_000, 12 * 3_600_000)).toBe('5.0 of 12.0 h');
    expect(formatSimSpan(DAY / 2, 30 * DAY)).toBe('0.5 of 30.0 days');
  });

  it('states wall time left in seconds, minutes or hours', () => {
    expect(formatWallSpan(45_000)).toBe('45 s');
    expect(formatWallSpan(192_000)).toBe('3 min 12 s');
    expect(formatWallSpan(3_720_000)).toBe('1 h 02 min');
  });
});

function setup(isTTY: boolean) {
  let now = 1_000_000;
  const out: string[] = [];
  const progress = createProgress({
    start: START,
    end: START + 10 * DAY,
    write: (text) => out.push(text),
    isTTY,
    now: () => now,
  });
  return { progress, out, advance: (ms: number) => (now += ms) };
}

describe('progress line drawing', () => {
  it('on a terminal redraws one line in place at most four times a second', () => {
    const { progress, out, advance } = setup(true);
    for (let i = 0; i < 100; i++) {
      progress.update(START + i * 3_600_000, i * 10);
      advance(10); // 100 updates over one second
    }
    expect(out.length).toBeLessThanOrEqual(4);
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const line of out) expect(line).toMatch(/^\r\[.*\u001b\[K$/);
    progress.done(START + 10 * DAY, 1000);
    expect(out.at(-1)).toMatch(/^\r\[#+\] 100\.0% .* done\u001b\[K\n$/);
  });

  it('in a log prints a plain line every ten seconds, and the final line at the end', () => {
    const { progress, out, advance } = setup(false);
    for (let i = 0; i <= 30; i++) {
      progress.update(START + i * 3_600_000, i * 100);
      advance(1000); // 31 updates over 31 seconds
    }
    expect(out).toHaveLength(3);
    for (const line of out) expect(line).toMatch(/^\[[#.]+\] +\d+\.\d% .*\n$/);
    expect(out.join('')).not.toContain('\r');
    progress.done(START + 10 * DAY, 3000);
    progress.done(START + 10 * DAY, 3000);
    expect(out).toHaveLength(4);
    expect(out.at(-1)).toContain('100.0%');
  });
});
