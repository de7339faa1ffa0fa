import { describe, expect, it } from 'vitest';
import { guessKind } from '../../dashboard/src/device-kind.js';

describe('guessing an unclaimed device’s kind from its signals', () => {
  it('takes the most telling signal', () => {
    expect(guessKind(['occupancy', 'battery', 'linkquality'])).toBe('motion');
    expect(guessKind(['contactOpen', 'battery'])).toBe('door');
    expect(guessKind(['presence', 'fall'])).toBe('fall_detector');
    expect(guessKind(['action', 'battery'])).toBe('help_button');
    expect(guessKind(['powerW'])).toBe('power_plug');
    expect(guessKind(['battery'])).toBe('other');
  });
});
