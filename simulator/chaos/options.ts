/**
 * What chaos can mix into a simulated stream, and how often. Rates are per eligible genuine
 * message, each kind drawn independently, so 0.01 means about one in a hundred.
 */
import { z } from 'zod';
import { DEFAULT_TOPICS, Topics } from '../contract.js';

export const ChaosKind = z.enum([
  /** A copy with text that is not JSON, on the genuine device's topic. */
  'malformed_json',
  /** A copy that is valid JSON the gateway's schema refuses: wrong types, unknown native `type`, missing fields. */
  'schema_violation',
  /** A byte-identical copy, sent right after the genuine message. */
  'duplicate',
  /** The genuine message, held back and sent after later ones. */
  'out_of_order',
  /** The genuine message, claiming a time far ahead of or behind its own (native `ts`, Zigbee2MQTT `last_seen`). */
  'clock_skew',
  /** A copy padded over the byte limit. */
  'oversized',
  /** A copy on the topic of a device no home has. */
  'unknown_device',
]);
export type ChaosKind = z.infer<typeof ChaosKind>;

const rate = z.number().min(0).max(1).default(0);

/** Probability per genuine message, 0–1, for each kind; a kind left out is off, an unknown one refused. */
export const ChaosRates = z.strictObject({
  malformed_json: rate,
  schema_violation: rate,
  duplicate: rate,
  out_of_order: rate,
  clock_skew: rate,
  oversized: rate,
  unknown_device: rate,
});
export type ChaosRates = z.infer<typeof ChaosRates>;

/** The gateway's default MAX_PAYLOAD_BYTES (service/config.ts), in bytes. */
export const GATEWAY_MAX_PAYLOAD_BYTES = 65_536;
/** The gateway's default MAX_CLOCK_SKEW_S (service/config.ts), in milliseconds. */
export const GATEWAY_MAX_CLOCK_SKEW_MS = 300_000;

export const ChaosOptions = z.object({
  seed: z.number().int(),
  rates: ChaosRates.default(ChaosRates.parse({})),
  /** The gateway's payload limit, in bytes: oversized messages are `maxPayloadBytes + oversizeMarginBytes` long. */
  maxPayloadBytes: z.number().int().positive().default(GATEWAY_MAX_PAYLOAD_BYTES),
  /** How far over the limit an oversized message goes, in bytes. */
  oversizeMarginBytes: z.number().int().positive().default(1024),
  /**
   * How far a skewed clock is off, in milliseconds (default 1 h). Keep it well over the gateway's
   * MAX_CLOCK_SKEW_S (300 s) so a clock ahead is certain to be replaced by receive time.
   */
  skewMs: z.number().int().positive().default(3_600_000),
  /** A held-back message is sent after 1 to this many later genuine messages. */
  maxHoldBack: z.number().int().min(1).max(10_000).default(10),
  /** How many distinct unknown devices to speak for, so the unclaimed list stays short. */
  unknownDevices: z.number().int().min(1).max(1000).default(5),
  /**
   * Never delay, skew or duplicate a help or fall message: an alert's timing stays scoreable
   * against ground truth, and a repeated untimed Zigbee2MQTT help press would be a second alert.
   */
  spareAlarms: z.boolean().default(true),
  topics: Topics.default(DEFAULT_TOPICS),
});
/** Options as given (defaults not yet applied). */
export type ChaosOptionsInput = z.input<typeof ChaosOptions>;
export type ChaosOptions = z.infer<typeof ChaosOptions>;
