import { describe, expect, it } from 'vitest';
import type { DeadLetter, DeviceBinding, PayloadFormat } from '../../../gateway/contract.js';
import { decodeNative } from '../../../gateway/formats/vaka-native.js';
import { decodeZ2m } from '../../../gateway/formats/zigbee2mqtt.js';
import { createIngest } from '../../../gateway/ingest.js';
import {
  type ChaosInput,
  ChaosKind,
  type ChaosMessage,
  ChaosOptions,
  type ChaosRates,
  chaosPublish,
  createChaos,
  formatChaosReport,
  withChaos,
} from '../../../simulator/chaos/index.js';
import { fixtureHomes, fixtureMessages } from './fixtures.js';

/** Three homes' messages, with their simulated times. */
const day = (format: PayloadFormat, homes = 3) => fixtureMessages(format, 4000 * homes, homes, homes);

const all = (rate: number): ChaosRates =>
  Object.fromEntries(ChaosKind.options.map((k) => [k, rate])) as unknown as ChaosRates;

function run(
  input: ChaosInput[],
  seed: number,
  rates: Partial<ChaosRates>,
): { out: ChaosMessage[]; chaos: ReturnType<typeof createChaos> } {
  const chaos = createChaos({ seed, rates });
  return { out: [...withChaos(input, chaos)], chaos };
}

const topics = { native: { prefix: 'vaka' }, z2m: { baseTopic: 'zigbee2mqtt' } };
const decode = (m: { topic: string; payload: string }) =>
  m.topic.startsWith('vaka/')
    ? decodeNative(m.topic, m.payload, topics.native)
    : decodeZ2m(m.topic, m.payload, topics.z2m);

describe.each(['vaka', 'z2m'] as const)('chaos over %s messages', (format) => {
  const input = day(format);

  it('gives the same output for the same seed, and different output for another seed', () => {
    const rates = all(0.05);
    const a = run(input, 11, rates).out;
    expect(run(input, 11, rates).out).toEqual(a);
    expect(run(input, 12, rates).out).not.toEqual(a);
  });

  it('passes every message through untouched and in order when all rates are 0', () => {
    const { out, chaos } = run(input, 1, {});
    expect(out.map(({ topic, payload }) => ({ topic, payload }))).toEqual(
      input.map(({ topic, payload }) => ({ topic, payload })),
    );
    expect(out.every((m) => m.kind === 'genuine')).toBe(true);
    expect(chaos.report()).toMatchObject({ in: input.length, sent: input.length, genuine: input.length, held: 0 });
  });

  it('counts exactly the messages of each kind it sent, with their variants', () => {
    const { out, chaos } = run(input, 3, all(0.05));
    const report = chaos.report();
    for (const kind of ChaosKind.options) {
      const sent = out.filter((m) => m.kind === kind);
      expect(report.kinds[kind].sent, kind).toBe(sent.length);
      expect(report.kinds[kind].sent, kind).toBeGreaterThan(0);
      const variants = Object.values(report.kinds[kind].variants).reduce((a, b) => a + b, 0);
      if (variants > 0) expect(variants, kind).toBe(sent.length);
    }
    expect(report.sent).toBe(out.length);
    expect(report.genuine).toBe(input.length);
  });

  it('sends every genuine message exactly once, however it is delayed or skewed', () => {
    const { out } = run(input, 5, all(0.1));
    const genuine = out.filter((m) => m.kind === 'genuine' || m.kind === 'out_of_order' || m.kind === 'clock_skew');
    expect(genuine).toHaveLength(input.length);
    const key = (m: { topic: string; at?: number }) => `${m.topic}@${m.at}`;
    expect(genuine.map(key).sort()).toEqual(input.map(key).sort());
  });

  it('honours each rate within statistical bounds over many messages', () => {
    const many = [...input, ...day(format, 6)];
    const rate = 0.03;
    const { chaos } = run(many, 8, all(rate));
    const report = chaos.report();
    const alarms = many.filter((m) => /"(help|fall)"|emergency|fall_down_status/.test(m.payload)).length;
    // Binomial: mean n·p, standard deviation √(n·p·(1−p)); allow five of them.
    const within = (count: number, n: number, p: number) => {
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(count - n * p)).toBeLessThan(5 * sd);
    };
    for (const kind of ['malformed_json', 'schema_violation', 'oversized', 'unknown_device'] as const) {
      within(report.kinds[kind].sent, many.length, rate);
    }
    within(report.kinds.duplicate.sent, many.length - alarms, rate);
    within(report.kinds.out_of_order.sent, many.length - alarms, rate);
    // Skew is not applied to a delayed message.
    within(report.kinds.clock_skew.sent, many.length - alarms, rate * (1 - rate));
  });

  it('sends malformed JSON that the gateway decoder rejects as malformed_json, in every variant', () => {
    const { out, chaos } = run(input, 21, { malformed_json: 0.2 });
    const bad = out.filter((m) => m.kind === 'malformed_json');
    expect(Object.keys(chaos.report().kinds.malformed_json.variants).sort()).toEqual([
      'not_json',
      'single_quotes',
      'trailing_garbage',
      'truncated',
    ]);
    for (const m of bad) expect(decode(m), m.payload).toMatchObject({ kind: 'rejected', reason: 'malformed_json' });
  });

  it('sends valid JSON that the gateway decoder rejects as a schema violation, in every variant', () => {
    const { out, chaos } = run(input, 22, { schema_violation: 0.2 });
    const bad = out.filter((m) => m.kind === 'schema_violation');
    const variants =
      format === 'vaka'
        ? ['missing_field', 'not_an_object', 'unknown_type', 'wrong_type']
        : ['bad_availability', 'not_an_object', 'wrong_type'];
    expect(Object.keys(chaos.report().kinds.schema_violation.variants).sort()).toEqual(variants);
    for (const m of bad) {
      expect(() => JSON.parse(m.payload)).not.toThrow();
      expect(decode(m), m.payload).toMatchObject({ kind: 'rejected', reason: 'schema_violation' });
    }
  });

  it('pads oversized messages past the default 65,536-byte limit by the margin', () => {
    const { out } = run(input.slice(0, 200), 23, { oversized: 0.1 });
    const big = out.filter((m) => m.kind === 'oversized');
    expect(big.length).toBeGreaterThan(0);
    for (const m of big) expect(Buffer.byteLength(m.payload)).toBe(65_536 + 1024);
  });

  it('sends messages from unknown devices on topics no home has, each payload unique', () => {
    const { out } = run(input, 24, { unknown_device: 0.05 });
    const ghosts = out.filter((m) => m.kind === 'unknown_device');
    const known = new Set(input.map((m) => m.topic));
    expect(ghosts.length).toBeGreaterThan(0);
    for (const m of ghosts) {
      expect(known.has(m.topic)).toBe(false);
      expect(decode(m)).toMatchObject({ kind: 'decoded' });
    }
    expect(new Set(ghosts.map((m) => m.topic)).size).toBeLessThanOrEqual(5);
    expect(new Set(ghosts.map((m) => `${m.topic} ${m.payload}`)).size).toBe(ghosts.length);
  });

  it('sends an out-of-order message after at least one later genuine message', () => {
    const { out } = run(input, 25, { out_of_order: 0.05 });
    const delayed = out.filter((m) => m.kind === 'out_of_order');
    expect(delayed.length).toBeGreaterThan(0);
    for (const m of delayed) {
      const before = out.slice(0, out.indexOf(m));
      expect(before.some((b) => b.kind === 'genuine' && (b.at ?? 0) > (m.at ?? 0))).toBe(true);
    }
  });

  it('skews clocks by an hour ahead or behind, on the time the payload claims', () => {
    const { out } = run(input, 26, { clock_skew: 0.05 });
    const skewed = out.filter((m) => m.kind === 'clock_skew');
    expect(new Set(skewed.map((m) => m.variant))).toEqual(new Set(['ahead', 'behind']));
    for (const m of skewed) {
      const body = JSON.parse(m.payload);
      const claimed = format === 'vaka' ? body.ts : Date.parse(body.last_seen);
      expect(claimed - (m.at ?? 0)).toBe(m.variant === 'ahead' ? 3_600_000 : -3_600_000);
      expect(decode(m)).toMatchObject({ kind: 'decoded', message: { eventTime: claimed } });
    }
  });

  it('never delays, skews or duplicates a help or fall message', () => {
    const alarm =
      format === 'vaka' ? '{"type":"fall","ts":1741000000000}' : '{"fall_down_status":"fall","presence":true}';
    const topic =
      format === 'vaka' ? 'vaka/sensor/demo1-bathroom-fall_detector' : 'zigbee2mqtt/demo1/bathroom/fall_detector';
    const alarms = Array.from({ length: 200 }, (_, i) => ({ topic, payload: alarm, at: 1_741_000_000_000 + i }));
    const { out } = run(alarms, 27, { out_of_order: 0.5, clock_skew: 0.5, duplicate: 0.5 });
    expect(out).toHaveLength(200);
    expect(out.every((m) => m.kind === 'genuine')).toBe(true);
  });

  it("predicts the gateway's counters and dead-letter reasons for everything it sent", () => {
    const homes = fixtureHomes(format, 3);
    const addresses = new Set(homes.flatMap((h) => h.devices.map((d) => d.address)));
    const binding: DeviceBinding = { deviceId: 'd', residentId: 'r', roomId: null, kind: 'motion' };
    const dead: DeadLetter[] = [];
    const ingest = createIngest(
      { ...topics, maxPayloadBytes: 65_536, dedupeWindowMs: 10_000, maxClockSkewMs: 300_000 },
      { lookup: (_format, address) => (addresses.has(address) ? binding : undefined) },
      { events: () => {}, deadLetter: (d) => dead.push(d), unclaimed: () => {} },
    );
    const { out, chaos } = run(input, 31, all(0.04));
    let receivedAt = 0;
    for (const m of out) {
      receivedAt = Math.max(receivedAt, m.at ?? 0);
      const outcome = ingest.handle(m.topic, new TextEncoder().encode(m.payload), receivedAt);
      expect(outcome === 'duplicate' ? 'duplicates' : outcome === 'dead_letter' ? 'deadLetters' : outcome, m.kind).toBe(
        m.expect.outcome,
      );
    }
    const { deadLettersByReason, ...expected } = chaos.report().expectedGateway;
    expect(ingest.counters).toEqual({ ...expected, ignored: 0 });
    const reasons = { too_large: 0, malformed_json: 0, schema_violation: 0, unknown_topic: 0 };
    for (const d of dead) reasons[d.reason]++;
    expect(reasons).toEqual(deadLettersByReason);
    // Native payloads carry ts, so every copy is dropped; an untimed z2m copy is kept (only skewed ones carry last_seen).
    const duplicates = chaos.report().kinds.duplicate.sent;
    if (format === 'vaka') expect(expected.duplicates).toBe(duplicates);
    else expect(expected.duplicates).toBeLessThan(duplicates);
  });
});

describe('chaos options', () => {
  it('turns every kind off by default and applies the gateway defaults', () => {
    const options = ChaosOptions.parse({ seed: 1 });
    expect(Object.values(options.rates).every((r) => r === 0)).toBe(true);
    expect(options).toMatchObject({ maxPayloadBytes: 65_536, skewMs: 3_600_000, spareAlarms: true });
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses a rate of %s: rates are probabilities 0–1', (rate) => {
    expect(ChaosOptions.safeParse({ seed: 1, rates: { duplicate: rate } }).success).toBe(false);
  });

  it('refuses an unknown kind of chaos rather than silently ignoring a typo', () => {
    expect(ChaosOptions.safeParse({ seed: 1, rates: { gremlins: 0.1 } }).success).toBe(false);
  });
});

describe('chaos around a publish and as a table', () => {
  it('publishes each genuine message with what chaos adds, and held-back ones on flush', async () => {
    const sent: string[] = [];
    const chaos = createChaos({ seed: 2, rates: { duplicate: 1, out_of_order: 0 } });
    const wrapped = chaosPublish(async (topic, payload) => {
      sent.push(`${topic} ${payload}`);
    }, chaos);
    await wrapped.publish('vaka/sensor/a', '{"type":"heartbeat","ts":1741000000000}');
    await wrapped.flush();
    expect(sent).toEqual([
      'vaka/sensor/a {"type":"heartbeat","ts":1741000000000}',
      'vaka/sensor/a {"type":"heartbeat","ts":1741000000000}',
    ]);
    expect(chaos.report().kinds.duplicate.sent).toBe(1);
  });

  it('lists every kind with its count, variants and what the gateway should do', () => {
    const chaos = createChaos({ seed: 3, rates: all(0.1) });
    [...withChaos(day('vaka', 1).slice(0, 300), chaos)];
    const text = formatChaosReport(chaos.report());
    for (const kind of ChaosKind.options) expect(text).toMatch(new RegExp(`^${kind} +\\d+ `, 'm'));
    expect(text).toContain('dead letter, reason malformed_json');
    expect(text).toMatch(/expected gateway counters: received \d+/);
  });
});
