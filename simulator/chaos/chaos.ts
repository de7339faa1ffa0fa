/**
 * A seeded transformer over a stream of simulated MQTT messages that mixes in the bad input a
 * real deployment sees, and counts what it sent of each kind with what the gateway should do
 * with it. Chaos only adds messages or changes when (and what time) a genuine one arrives: every
 * genuine reading is still sent exactly once, so ground-truth scoring stays valid.
 *
 * Each kind draws from its own seeded stream, once per eligible message, so the same seed and
 * input give the same output, and turning one kind up does not move where the others strike.
 */
import type { DeadLetterReason } from '../../gateway/contract.js';
import type { SimMessage } from '../contract.js';
import { createRng, deriveSeed, type Rng } from '../random.js';
import { CHAOS_EXPECTATIONS, type Expectation, expectationOf, type GatewayOutcome, GENUINE } from './expectations.js';
import {
  claimedTime,
  fromUnknownDevice,
  isAlarm,
  isTimed,
  MALFORMED_VARIANTS,
  malformed,
  NATIVE_VIOLATIONS,
  oversized,
  type Parsed,
  parseMessage,
  schemaViolation,
  skewed,
  Z2M_VIOLATIONS,
} from './mutations.js';
import { ChaosKind, ChaosOptions, type ChaosOptionsInput } from './options.js';

/** A message going into chaos; `at` (simulated epoch ms) is needed to skew untimed Zigbee2MQTT payloads. */
export interface ChaosInput extends SimMessage {
  at?: number;
}

/** A message coming out: `kind` is `genuine` for a reading passed on untouched. */
export interface ChaosMessage extends SimMessage {
  kind: ChaosKind | 'genuine';
  /** E.g. `truncated`, `unknown_type`, `ahead`; absent for genuine messages and plain kinds. */
  variant?: string;
  /** What the gateway should do with it (genuine: accepted, if the device is registered). */
  expect: Expectation;
  at?: number;
}

export interface ChaosKindReport {
  sent: number;
  /** Sent per variant, e.g. `{ truncated: 3, not_json: 1 }`. */
  variants: Record<string, number>;
  /** What the gateway is expected to do with this kind. */
  expect: string;
}

/** How much Vaka's gateway counters (/api/v1/health `gateway`) should rise for what was sent. */
export interface ExpectedGateway {
  received: number;
  /** Genuine messages (untouched, delayed or skewed), plus untimed duplicates; assumes every genuine device is registered. */
  accepted: number;
  duplicates: number;
  deadLetters: number;
  unclaimed: number;
  deadLettersByReason: Record<DeadLetterReason, number>;
}

export interface ChaosReport {
  seed: number;
  /** Messages pushed in. */
  in: number;
  /** Messages sent out, genuine and chaos. */
  sent: number;
  /** Genuine messages sent, each once: untouched, delayed or skewed. */
  genuine: number;
  /** Genuine messages held back and not sent yet: flush() sends them. */
  held: number;
  kinds: Record<ChaosKind, ChaosKindReport>;
  expectedGateway: ExpectedGateway;
}

export interface Chaos {
  /** What to send in place of `message`, in order: nothing when it is held back, often more than one. */
  push(message: ChaosInput): ChaosMessage[];
  /** Sends what is still held back: call at the end of the stream. */
  flush(): ChaosMessage[];
  report(): ChaosReport;
}

interface Held {
  messages: ChaosMessage[];
  /** Genuine messages still to go out before this one. */
  after: number;
}

export function createChaos(input: ChaosOptionsInput): Chaos {
  const options = ChaosOptions.parse(input);
  const { rates, topics } = options;
  // Per kind, one stream decides whether it strikes and another picks how, so neither a kind's
  // variants nor another kind's rate ever moves where a kind strikes.
  const rolls = rngsFor(options.seed, 'strike');
  const rngs = rngsFor(options.seed, 'shape');
  const report = emptyReport(options.seed);
  const held: Held[] = [];
  let ghostSeq = 0;

  function strikes(kind: ChaosKind): boolean {
    // Always draw, whatever the rate, so one kind's rate never shifts another kind's choices.
    return rolls[kind].next() < rates[kind];
  }

  function chaos(kind: ChaosKind, message: SimMessage, timed: boolean, variant?: string): ChaosMessage {
    return { ...message, kind, ...(variant === undefined ? {} : { variant }), expect: expectationOf(kind, timed) };
  }

  function count(messages: ChaosMessage[]): ChaosMessage[] {
    for (const m of messages) {
      report.sent++;
      if (m.kind === 'genuine' || m.kind === 'out_of_order' || m.kind === 'clock_skew') report.genuine++;
      if (m.kind !== 'genuine') {
        const k = report.kinds[m.kind];
        k.sent++;
        if (m.variant !== undefined) k.variants[m.variant] = (k.variants[m.variant] ?? 0) + 1;
      }
      tally(report.expectedGateway, m.expect);
    }
    return messages;
  }

  /** The genuine message as it will go out (delayed, or skewed, or as it is), and its exact copy if duplicated. */
  function genuineUnit(message: ChaosInput, parsed: Parsed, spared: boolean, delayed: boolean): ChaosMessage[] {
    // A delayed message is not also skewed, so each genuine message is counted under one kind at most.
    const skew = strikes('clock_skew') && !spared && !delayed;
    const duplicate = strikes('duplicate') && !spared;
    let out: ChaosMessage = delayed
      ? { ...message, kind: 'out_of_order', expect: GENUINE }
      : { ...message, kind: 'genuine', expect: GENUINE };
    const base = claimedTime(parsed) ?? message.at;
    if (skew && base !== undefined) {
      const ahead = rngs.clock_skew.chance(0.5);
      const payload = skewed(parsed, base, ahead ? options.skewMs : -options.skewMs);
      out = { ...out, payload, kind: 'clock_skew', variant: ahead ? 'ahead' : 'behind' };
    }
    if (!duplicate) return [out];
    const timed = isTimed(parsed) || out.kind === 'clock_skew';
    return [out, chaos('duplicate', { topic: out.topic, payload: out.payload }, timed)];
  }

  function extras(message: ChaosInput, parsed: Parsed): ChaosMessage[] {
    const out: ChaosMessage[] = [];
    if (strikes('malformed_json')) {
      const rng = rngs.malformed_json;
      const variant = MALFORMED_VARIANTS[rng.int(0, MALFORMED_VARIANTS.length - 1)] ?? 'truncated';
      const payload = malformed(message.payload, variant, rng);
      out.push(chaos('malformed_json', { topic: message.topic, payload }, false, variant));
    }
    if (strikes('schema_violation')) {
      const variants = parsed.format === 'vaka' ? NATIVE_VIOLATIONS : Z2M_VIOLATIONS;
      const variant = variants[rngs.schema_violation.int(0, variants.length - 1)] ?? 'not_an_object';
      out.push(chaos('schema_violation', schemaViolation(message, parsed, variant), false, variant));
    }
    if (strikes('oversized')) {
      const payload = oversized(parsed, options.maxPayloadBytes + options.oversizeMarginBytes);
      out.push(chaos('oversized', { topic: message.topic, payload }, false));
    }
    if (strikes('unknown_device')) {
      const ghost = rngs.unknown_device.int(1, options.unknownDevices);
      out.push(chaos('unknown_device', fromUnknownDevice(parsed, topics, ghost, ++ghostSeq), false));
    }
    return out;
  }

  /** Held messages whose turn has come, now that one more genuine message went out. */
  function release(): ChaosMessage[] {
    const due: ChaosMessage[] = [];
    for (let i = 0; i < held.length; ) {
      const h = held[i] as Held;
      if (--h.after > 0) {
        i++;
        continue;
      }
      held.splice(i, 1);
      due.push(...h.messages);
    }
    return due;
  }

  return {
    push(message) {
      report.in++;
      const parsed = parseMessage(message, topics);
      if (parsed === undefined) return count([{ ...message, kind: 'genuine', expect: GENUINE }, ...release()]);
      const spared = options.spareAlarms && isAlarm(parsed);
      const delayed = strikes('out_of_order') && !spared;
      const unit = genuineUnit(message, parsed, spared, delayed);
      const bad = extras(message, parsed);
      if (!delayed) return count([...unit, ...bad, ...release()]);
      // Sent after 1 to maxHoldBack later genuine messages have gone out.
      held.push({ messages: unit, after: rngs.out_of_order.int(1, options.maxHoldBack) });
      return count(bad);
    },
    flush() {
      const out = held.flatMap((h) => h.messages);
      held.length = 0;
      return count(out);
    },
    report: () => ({ ...structuredClone(report), held: held.reduce((n, h) => n + h.messages.length, 0) }),
  };
}

function rngsFor(seed: number, purpose: string): Record<ChaosKind, Rng> {
  return Object.fromEntries(
    ChaosKind.options.map((kind) => [kind, createRng(deriveSeed(seed, 'chaos', purpose, kind))]),
  ) as Record<ChaosKind, Rng>;
}

function tally(expected: ExpectedGateway, expect: Expectation): void {
  expected.received++;
  const outcome: GatewayOutcome = expect.outcome;
  expected[outcome]++;
  if (expect.reason !== undefined) expected.deadLettersByReason[expect.reason]++;
}

function emptyReport(seed: number): ChaosReport {
  const kinds = Object.fromEntries(
    ChaosKind.options.map((kind) => [kind, { sent: 0, variants: {}, expect: CHAOS_EXPECTATIONS[kind] }]),
  ) as Record<ChaosKind, ChaosKindReport>;
  return {
    seed,
    in: 0,
    sent: 0,
    genuine: 0,
    held: 0,
    kinds,
    expectedGateway: {
      received: 0,
      accepted: 0,
      duplicates: 0,
      deadLetters: 0,
      unclaimed: 0,
      deadLettersByReason: { too_large: 0, malformed_json: 0, schema_violation: 0, unknown_topic: 0 },
    },
  };
}
