import { describe, expect, it } from 'vitest';
import { render, template } from '../../../bench/lib/load.js';
import { mosquittoConf } from '../../../bench/lib/mosquitto.js';
import { messagesOf, PACED_S } from '../../../bench/lib/under-load.js';

describe('message templates', () => {
  const payload = '{"type":"motion","motion":true,"ts":1741000000000,"battery":80}';
  const t = template('vaka/sensor/home1-kitchen-motion', payload, 'vaka');

  it('keeps the topic after the prefix, so a run can put it under its own', () => {
    expect(t.topicTail).toBe('/sensor/home1-kitchen-motion');
  });

  it('moves only the event time, leaving the rest of the payload byte for byte', () => {
    expect(render(t, 0)).toBe(payload);
    expect(JSON.parse(render(t, 60_000))).toEqual({ type: 'motion', motion: true, ts: 1741000060000, battery: 80 });
  });

  it('refuses a payload without an event time', () => {
    expect(() => template('vaka/sensor/x', '{"type":"heartbeat"}', 'vaka')).toThrow(/without "ts"/);
  });
});

describe('run sizes', () => {
  it('plays every message in a saturating run and PACED_S seconds of them in a paced one', () => {
    expect(messagesOf({ rate: 0, messages: 300_000 })).toBe(300_000);
    expect(messagesOf({ rate: 2000, messages: 300_000 })).toBe(2000 * PACED_S);
    expect(messagesOf({ rate: 2000, messages: 1000 })).toBe(1000);
  });
});

describe('the benchmark broker', () => {
  it('never drops QoS 1 messages to a subscriber that falls behind (no queue or in-flight count limit)', () => {
    const conf = mosquittoConf(18830);
    expect(conf).toContain('listener 18830 127.0.0.1');
    expect(conf).toMatch(/^max_queued_messages 0$/m);
    expect(conf).toMatch(/^max_inflight_messages 0$/m);
  });
});
