import { describe, expect, it } from 'vitest';
import { fmt, formatTable, markdownTable } from '../../../bench/lib/table.js';

describe('fmt', () => {
  it('separates thousands and keeps the decimals asked for', () => {
    expect(fmt(20_000)).toBe('20,000');
    expect(fmt(42.345, 1)).toBe('42.3');
  });

  it('shows a missing figure as a dash, never NaN', () => {
    expect(fmt(Number.NaN)).toBe('–');
    expect(fmt(undefined)).toBe('–');
  });
});

describe('formatTable', () => {
  const table = formatTable(
    ['consumer', 'messages/s', 'latency'],
    [
      ['Mosquitto', 31_000, '2 ms'],
      ['Vaka', 9_500, '40.5 ms'],
      ['Node-RED', undefined, 'n/a'],
    ],
  );
  const lines = table.split('\n');

  it('has a header, a rule and one line per row, all columns aligned', () => {
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('consumer   messages/s  latency');
    expect(lines[1]).toBe('---------  ----------  -------');
  });

  it('right-aligns figures (with their units) and left-aligns text', () => {
    expect(lines[2]).toBe('Mosquitto      31,000     2 ms');
    expect(lines[3]).toBe('Vaka            9,500  40.5 ms');
    expect(lines[4]).toBe('Node-RED            –  n/a');
  });
});

describe('markdownTable', () => {
  it('renders the same rows as a GitHub table', () => {
    expect(markdownTable(['a', 'b'], [['x', 1234]])).toBe('| a | b |\n| --- | --- |\n| x | 1,234 |');
  });
});
