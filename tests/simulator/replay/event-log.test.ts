import { describe, expect, it } from 'vitest';
import {
  createReplay,
  parseEventLog,
  ReplayInputError,
  readEventLog,
  readMapping,
  type SensorInterval,
  UnmappedSensorError,
} from '../../../simulator/replay/index.js';
import { FIXTURES, local } from './helpers.js';

const mapping = readMapping(`${FIXTURES}mapping-flat1.json`);
const wall = (text: string) => Date.parse(`${text}Z`);
const byStart = (intervals: SensorInterval[]) => [...intervals].sort((a, b) => a.start - b.start);

/** flat1.csv and flat1.jsonl say the same thing. */
const EXPECTED: SensorInterval[] = [
  // ISO with an offset: an instant, put on the home's wall clock.
  { sensor: 'front-door', start: wall('2025-03-03T07:00:00'), durationMs: 12_000 },
  // ISO without an offset: the home's local time; on/off rows paired.
  { sensor: 'kettle', start: wall('2025-03-03T07:05:00'), durationMs: 210_000 },
  // Epoch ms with clock "utc": 06:10 UTC is 07:10 in Stockholm.
  { sensor: 'pir, living', start: wall('2025-03-03T07:10:00'), durationMs: 21 * 60_000 },
  // Still on at the end of the log: closed at the log's last time.
  { sensor: 'kettle', start: wall('2025-03-03T07:40:00'), durationMs: 0 },
];

describe('the generic event log', () => {
  it('reads CSV: a header, # comments, quoted fields, durations and state changes', () => {
    const dataset = readEventLog(`${FIXTURES}flat1.csv`, mapping);
    expect(dataset.source).toBe('example/flat1');
    expect(byStart(dataset.intervals)).toEqual(EXPECTED);
    expect(dataset.away).toEqual([]);
  });

  it('reads JSON lines the same way, ignoring blank lines and extra fields', () => {
    expect(byStart(readEventLog(`${FIXTURES}flat1.jsonl`, mapping).intervals)).toEqual(EXPECTED);
  });

  it('replays with the same mapping schema as the van Kasteren houses', () => {
    const replay = createReplay({ dataset: readEventLog(`${FIXTURES}flat1.csv`, mapping), mapping, seed: 1 });
    const lines = [...replay.readings()].map(
      (r) => `${local(r.at).slice(11)} ${r.device.address} ${JSON.stringify(r.reading)}`,
    );
    expect(lines).toEqual([
      '07:00:00 flat1-hall-front-door {"kind":"door","open":true}',
      '07:00:12 flat1-hall-front-door {"kind":"door","open":false}',
      '07:05:00 flat1-kitchen-kettle {"kind":"power","watts":2000}',
      '07:08:30 flat1-kitchen-kettle {"kind":"power","watts":0}',
      '07:10:00 flat1-living-room-motion {"kind":"motion","detected":true}',
      '07:32:00 flat1-living-room-motion {"kind":"motion","detected":false}',
      '07:40:00 flat1-kitchen-kettle {"kind":"power","watts":2000}',
      '07:40:01 flat1-kitchen-kettle {"kind":"power","watts":0}',
    ]);
  });

  it('names the line of a value that is neither on nor off', () => {
    const text = 'time,device,value\n2025-03-03T07:00:00,kettle,on\n2025-03-03T07:01:00,kettle,maybe\n';
    expect(() => parseEventLog(text, 'x.csv', mapping)).toThrowError(/^x\.csv line 3: value "maybe" is not on/);
  });

  it('names the line of a bad time, a short row and a row with a duration that is off', () => {
    expect(() => parseEventLog('time,device,value\nyesterday,kettle,on\n', 'x.csv', mapping)).toThrowError(
      /x\.csv line 2: time "yesterday" is neither ISO 8601/,
    );
    expect(() => parseEventLog('time,device,value\n2025-03-03T07:00:00,kettle\n', 'x.csv', mapping)).toThrowError(
      'x.csv line 2: 2 fields, the header has 3',
    );
    expect(() =>
      parseEventLog(
        '{"time":"2025-03-03T07:00:00","device":"kettle","value":"off","duration":5}\n',
        'x.jsonl',
        mapping,
      ),
    ).toThrowError('x.jsonl line 1: a row with a duration is an on-stretch: its value must be on');
  });

  it('refuses a device the mapping does not map, naming the line', () => {
    const text = 'time,device,value\n2025-03-03T07:00:00,kettle,on\n2025-03-03T07:01:00,oven,on\n';
    expect(() => parseEventLog(text, 'x.csv', mapping)).toThrowError(UnmappedSensorError);
    expect(() => parseEventLog(text, 'x.csv', mapping)).toThrowError(/sensor "oven" \(x\.csv line 3\)/);
  });

  it('needs the time, device and value columns, and a known format', () => {
    expect(() => parseEventLog('when,device,value\n', 'x.csv', mapping)).toThrowError(
      'x.csv line 1: the header has no "time" column',
    );
    expect(() => parseEventLog('', 'x.txt', mapping)).toThrowError(ReplayInputError);
  });
});
