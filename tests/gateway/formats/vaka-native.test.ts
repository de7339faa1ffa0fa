import { describe, expect, it } from 'vitest';
import { decodeNative } from '../../../gateway/formats/vaka-native.js';

const topics = { prefix: 'vaka' };
const decode = (payload: unknown, topic = 'vaka/sensor/dev-1') =>
  decodeNative(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), topics);

describe('Vaka native format', () => {
  it('reads the device id from vaka/sensor/<deviceId> and the reading from the type tag', () => {
    expect(decode({ type: 'motion', motion: true, ts: 1_700_000_000_000, battery: 80, linkquality: 90 })).toEqual({
      kind: 'decoded',
      message: {
        format: 'vaka',
        address: 'dev-1',
        eventTime: 1_700_000_000_000,
        signals: { motion: true, battery: 80, linkquality: 90 },
      },
    });
  });

  it('accepts ISO 8601 event times with an offset', () => {
    const r = decode({ type: 'contact', open: true, ts: '2026-11-25T07:00:00+01:00' });
    expect(r.kind === 'decoded' && r.message.eventTime).toBe(Date.parse('2026-11-25T06:00:00Z'));
  });

  it.each([
    [{ type: 'presence', present: false }, { presence: false }],
    [{ type: 'occupancy', occupied: true }, { occupancy: true }],
    [{ type: 'power', watts: 1850 }, { powerW: 1850 }],
    [{ type: 'help' }, { help: true }],
    [{ type: 'fall', confidence: 0.9 }, { fall: true }],
    [{ type: 'battery', battery: 12 }, { battery: 12 }],
    [{ type: 'heartbeat' }, { heartbeat: true }],
    [
      {
        type: 'accel',
        rate_hz: 50,
        samples: [
          [0, 0, 1],
          [0.1, 2.5, 0.3],
        ],
      },
      {
        accel: {
          rateHz: 50,
          samples: [
            [0, 0, 1],
            [0.1, 2.5, 0.3],
          ],
        },
      },
    ],
  ])('maps %j to canonical signals', (payload, signals) => {
    const r = decode(payload);
    expect(r.kind === 'decoded' && r.message.signals).toEqual(signals);
  });

  it('rejects an event time in seconds with a message saying so', () => {
    const r = decode({ type: 'motion', motion: true, ts: 1_700_000_000 });
    expect(r).toMatchObject({ kind: 'rejected', reason: 'schema_violation' });
    expect(r.kind === 'rejected' && r.detail).toContain('looks like seconds');
  });

  it('rejects malformed JSON as malformed_json', () => {
    expect(decode('{"type":"motion",')).toMatchObject({ kind: 'rejected', reason: 'malformed_json' });
  });

  it('rejects an unknown type, a missing field and a wrong type as schema_violation with the field named', () => {
    expect(decode({ type: 'teleport' })).toMatchObject({ kind: 'rejected', reason: 'schema_violation' });
    const missing = decode({ type: 'motion' });
    expect(missing).toMatchObject({ kind: 'rejected', reason: 'schema_violation' });
    expect(missing.kind === 'rejected' && missing.detail).toContain('motion');
    expect(decode({ type: 'battery', battery: 150 })).toMatchObject({ reason: 'schema_violation' });
    expect(decode({ type: 'motion', motion: 'yes' })).toMatchObject({ reason: 'schema_violation' });
  });

  it('rejects topics that are not vaka/sensor/<valid id>', () => {
    expect(decode({ type: 'heartbeat' }, 'vaka/sensor')).toMatchObject({ reason: 'unknown_topic' });
    expect(decode({ type: 'heartbeat' }, 'vaka/sensor/a/b')).toMatchObject({ reason: 'unknown_topic' });
    expect(decode({ type: 'heartbeat' }, 'vaka/sensor/bad id!')).toMatchObject({ reason: 'unknown_topic' });
  });
});
