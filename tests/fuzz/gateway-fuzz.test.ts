/**
 * The gateway under hostile input: generated messages (random bytes, deeply nested and huge
 * JSON, wrong types, extreme numbers, odd unicode, prototype keys) on real and random topics.
 * Requirements: ingest never throws; every message ends as exactly one outcome; every
 * rejected message is a dead letter with a known reason and a detail; every accepted message
 * yields canonical events the contract accepts; memory stays bounded.
 *
 * FUZZ_MESSAGES sets the count (default 1,000,000 with CI=true, 100,000 otherwise); the
 * count run is written to FUZZ_REPORT (JSON) when set, for docs/reliability.md.
 */
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadLetterReason, type DeviceBinding, SensorEvent } from '../../gateway/contract.js';
import { createIngest, type IngestOutcome } from '../../gateway/ingest.js';
import { testEnv } from '../helpers/env.js';

/** A real collection before measuring the heap, so the figure is what is kept, not garbage. */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const TOTAL = Number(process.env.FUZZ_MESSAGES ?? (testEnv.ci ? 1_000_000 : 100_000));
const MAX_PAYLOAD = 65_536;

const BINDINGS: Record<string, DeviceBinding> = {
  'vaka:dev-1': { deviceId: 'dev-1', residentId: 'res-1', roomId: 'room-1', kind: 'wearable' },
  'z2m:home/sos': { deviceId: 'dev-2', residentId: 'res-1', roomId: null, kind: 'help_button' },
  'z2m:home/pir': { deviceId: 'dev-3', residentId: 'res-1', roomId: 'room-2', kind: 'motion' },
};

const outcomes: Record<IngestOutcome, number> = { accepted: 0, duplicate: 0, dead_letter: 0, unclaimed: 0, ignored: 0 };
const reasons = new Set<string>(DeadLetterReason.options);

function newIngest() {
  const seen = { dead: 0, events: 0, unclaimed: 0 };
  const ingest = createIngest(
    {
      native: { prefix: 'vaka' },
      z2m: { baseTopic: 'zigbee2mqtt' },
      maxPayloadBytes: MAX_PAYLOAD,
      dedupeWindowMs: 10_000,
      maxClockSkewMs: 300_000,
    },
    { lookup: (format, address) => BINDINGS[`${format}:${address}`] },
    {
      events: (events) => {
        for (const e of events) {
          const parsed = SensorEvent.safeParse(e);
          if (!parsed.success) throw new Error(`non-canonical event: ${JSON.stringify(e).slice(0, 300)}`);
        }
        seen.events += events.length;
      },
      deadLetter: (d) => {
        if (!reasons.has(d.reason) || d.detail.length === 0)
          throw new Error(`dead letter without a reason: ${d.reason}`);
        if (d.payload.length > 2048) throw new Error('dead letter payload not bounded');
        seen.dead++;
      },
      unclaimed: (u) => {
        if (u.payload.length > 2048) throw new Error('unclaimed payload not bounded');
        seen.unclaimed++;
      },
    },
  );
  return { ingest, seen };
}

// --- generators -------------------------------------------------------------------------

const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '');
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
  fc.constantFrom('\u0000', '\uFFFD', '\uD800', '‮rtl', '🧓🏼', 'é'.normalize('NFD'), 'A'.repeat(3000)),
);
const extremeNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    1e308,
    8.64e15 + 1,
    -8.64e15 - 1,
  ),
  fc.integer(),
);
/** Values that are the wrong type somewhere: every JSON kind, some extreme. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }),
  extremeNumber,
  oddText,
  fc.boolean(),
  fc.constant(null),
);
const FIELDS = [
  'type',
  'ts',
  'motion',
  'open',
  'present',
  'occupied',
  'watts',
  'confidence',
  'rate_hz',
  'samples',
  'battery',
  'battery_low',
  'linkquality',
  'occupancy',
  'contact',
  'action',
  'fall_down_status',
  'presence',
  'power',
  'sos',
  'last_seen',
];
const NATIVE_TYPES = [
  'motion',
  'contact',
  'presence',
  'occupancy',
  'power',
  'help',
  'fall',
  'accel',
  'battery',
  'heartbeat',
];
/** Objects shaped like real payloads with some fields of the wrong type or value, and hostile keys. */
const nearlyValid = fc
  .record({
    type: fc.oneof(fc.constantFrom(...NATIVE_TYPES), anyValue),
    fields: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), nastyKey), anyValue, { maxKeys: 6 }),
    samples: fc.option(fc.array(fc.array(extremeNumber, { minLength: 0, maxLength: 4 }), { maxLength: 60 })),
  })
  .map(({ type, fields, samples }) => {
    const obj: Record<string, unknown> = { type, ...fields };
    if (samples !== null) obj.samples = samples;
    return JSON.stringify(obj)
      .replace('"type"', Math.random() < 0.2 ? '"__proto__":{"type":"help"},"type"' : '"type"')
      .replace('{', '{"constructor":{"prototype":{"polluted":true}},');
  });
const nested = (depth: number, open: string, closed: boolean) => {
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + (closed ? `1${close.repeat(depth)}` : '');
};
/** Small depths generated; the very deep ones built once and reused (building them is the cost). */
const deepJson = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
    .map(([depth, open, closed]) => nested(depth, open, closed)),
  fc.constantFrom(...[10_000, 100_000].flatMap((d) => [nested(d, '[', true), nested(d, '{"a":', true)])),
);
const encode = (s: string) => new TextEncoder().encode(s);
const HUGE = [MAX_PAYLOAD - 40, MAX_PAYLOAD + 1, MAX_PAYLOAD * 3].map((n) =>
  encode(`{"type":"motion","motion":true,"pad":"${'x'.repeat(n)}"}`),
);
const payloadText = fc.oneof(
  { weight: 6, arbitrary: nearlyValid },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: oddText },
  { weight: 1, arbitrary: deepJson },
);
const payload = fc.oneof(
  { weight: 10, arbitrary: payloadText.map(encode) },
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 512 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);
const topic = fc.oneof(
  fc.constantFrom('vaka/sensor/dev-1', 'zigbee2mqtt/home/sos', 'zigbee2mqtt/home/pir', 'zigbee2mqtt/bridge/state'),
  fc.string({ maxLength: 30 }).map((s) => `vaka/sensor/${s}`),
  fc.string({ maxLength: 30 }).map((s) => `zigbee2mqtt/${s}`),
  oddText,
);
const message = fc.record({
  topic,
  payload,
  receivedAt: fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constant(1_764_000_000_000)),
  dup: fc.boolean(),
});

// --- properties ---------------------------------------------------------------------------

describe('gateway fuzzing', () => {
  it(`survives ${TOTAL.toLocaleString('en')} generated messages: one outcome each, dead letters with reasons, canonical events`, () => {
    const { ingest, seen } = newIngest();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    fc.assert(
      fc.property(message, (m) => {
        const outcome = ingest.handle(m.topic, m.payload, m.receivedAt, { dup: m.dup });
        outcomes[outcome]++;
      }),
      { numRuns: TOTAL, seed: Number(process.env.FUZZ_SEED ?? 20261125), endOnFailure: true },
    );
    const counters = ingest.counters;
    expect(counters.received).toBe(TOTAL);
    expect(counters.accepted + counters.duplicates + counters.deadLetters + counters.unclaimed + counters.ignored).toBe(
      TOTAL,
    );
    expect(seen.dead).toBe(counters.deadLetters);
    expect(seen.unclaimed).toBe(counters.unclaimed);
    // Every kind of outcome was reached, so the generators are not all rejected at the door.
    for (const kind of Object.keys(outcomes) as IngestOutcome[]) expect(outcomes[kind]).toBeGreaterThan(0);
    // The gateway keeps bounded state (dedupe window and alarm latch are capped at 100,000
    // entries each), so a flood of distinct messages must not grow the heap beyond that.
    gc();
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    expect(grownMb).toBeLessThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (process.env.FUZZ_REPORT) {
      appendFileSync(
        process.env.FUZZ_REPORT,
        `${JSON.stringify({ suite: 'gateway', messages: TOTAL, outcomes, events: seen.events, heapGrowthMb: Math.round(grownMb) })}\n`,
      );
    }
  }, 600_000);

  it('never lets a prototype key through into an event or pollute objects', () => {
    const { ingest } = newIngest();
    const payloads = [
      '{"type":"help","__proto__":{"residentId":"evil"}}',
      '{"__proto__":{"type":"help"}}',
      '{"constructor":{"prototype":{"isAdmin":true}},"type":"motion","motion":true}',
    ];
    const outs = payloads.map((p) => ingest.handle('vaka/sensor/dev-1', new TextEncoder().encode(p), 1000));
    expect(outs).toEqual(['accepted', 'dead_letter', 'accepted']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).residentId).toBeUndefined();
  });
});
