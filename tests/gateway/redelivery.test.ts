import { describe, expect, it } from 'vitest';
import { Redeliveries } from '../../gateway/redelivery.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const PIR = 'zigbee2mqtt/home/pir';
const SAME = bytes('{"occupancy":true}');

describe('the broker’s copies (MQTT 3.1.1 §4.4, [MQTT-4.4.0-1])', () => {
  it('knows a DUP message with the identifier, topic and bytes of one it handled for a copy', () => {
    const r = new Redeliveries();
    expect(r.handled(7, PIR, SAME, false)).toBe(false);
    expect(r.handled(7, PIR, SAME, true)).toBe(true);
  });

  it('takes a DUP message it never had for new, even with the same bytes as one it had (an untimed sensor repeating itself)', () => {
    const r = new Redeliveries();
    r.handled(7, PIR, SAME, false);
    expect(r.handled(8, PIR, SAME, true)).toBe(false);
    expect(r.handled(7, 'zigbee2mqtt/home/door', SAME, true)).toBe(false);
  });

  it('follows an identifier the broker gives to a new message once the old one is acknowledged', () => {
    const r = new Redeliveries();
    r.handled(7, PIR, SAME, false);
    r.handled(7, PIR, bytes('{"occupancy":false}'), false);
    expect(r.handled(7, PIR, SAME, true)).toBe(false);
  });

  it('forgets all but the last 1,000 handled (a lost PUBACK is one of the last few; identifiers come round after 65,535)', () => {
    const r = new Redeliveries();
    for (let id = 1; id <= 1001; id++) r.handled(id, PIR, SAME, false);
    expect(r.handled(1, PIR, SAME, true)).toBe(false);
    expect(r.handled(1001, PIR, SAME, true)).toBe(true);
  });
});
