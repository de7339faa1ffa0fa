/**
 * The gateway's public contract: what it hands the service, and what it needs from it.
 * Everything that crosses the gateway's edge is a zod schema with its type inferred.
 */
import { z } from 'zod';

/** Payload formats the gateway recognises. */
export const PayloadFormat = z.enum(['vaka', 'z2m']);
export type PayloadFormat = z.infer<typeof PayloadFormat>;

/** What a physical sensor is, set by an operator when the device is registered or claimed. */
export const SensorKind = z.enum([
  'motion',
  'door',
  'presence',
  'bed',
  'chair',
  'power_plug',
  'help_button',
  'fall_detector',
  'wearable',
  'water_leak',
  'vibration',
  'other',
]);
export type SensorKind = z.infer<typeof SensorKind>;

/**
 * Canonical reading types. `value` means, per type:
 * motion/presence/occupancy/water_leak/vibration/tamper: true while detected;
 * contact: true while OPEN (Zigbee2MQTT's `contact: true` means closed, so it is inverted);
 * help/fall: true for a press / a detected fall; availability: true when online;
 * power: watts; battery: percent; accel: peak magnitude in g; heartbeat: null.
 */
export const ReadingType = z.enum([
  'motion',
  'contact',
  'presence',
  'occupancy',
  'power',
  'help',
  'fall',
  'accel',
  'water_leak',
  'vibration',
  'tamper',
  'battery',
  'heartbeat',
  'availability',
]);
export type ReadingType = z.infer<typeof ReadingType>;

/** A wearable's accelerometer window: samples in g at a stated rate. */
export const AccelWindow = z.object({
  rateHz: z.number().positive().max(1000),
  samples: z
    .array(z.tuple([z.number(), z.number(), z.number()]))
    .min(1)
    .max(5000),
});
export type AccelWindow = z.infer<typeof AccelWindow>;

/**
 * What a format decoder extracts from one message, before the device registry says what
 * the device is. A field is present only when the message carried it.
 */
export interface Signals {
  motion?: boolean;
  contactOpen?: boolean;
  presence?: boolean;
  occupancy?: boolean;
  powerW?: number;
  action?: string;
  /** A help request happened now (a press, or an SOS state that just switched on). */
  help?: boolean;
  /** A fall happened now (native), or — from Zigbee2MQTT — the device's fall state, latched to its rising edge by the gateway. */
  fall?: boolean;
  /** Zigbee2MQTT SOS state (Feibit SEB01ZB `sos`), latched to its rising edge by the gateway. */
  sos?: boolean;
  waterLeak?: boolean;
  vibration?: boolean;
  tamper?: boolean;
  battery?: number;
  batteryLow?: boolean;
  linkquality?: number;
  accel?: AccelWindow;
  heartbeat?: boolean;
  online?: boolean;
}

/** One decoded MQTT message. `eventTime` is absent when the format carries no timestamp. */
export interface DecodedMessage {
  format: PayloadFormat;
  /** The device's address within its format: a Vaka device id or a Zigbee2MQTT friendly name. */
  address: string;
  eventTime?: number;
  signals: Signals;
}

/** Where a device sits: set by the device registry (service) and looked up by the gateway. */
export interface DeviceBinding {
  deviceId: string;
  residentId: string;
  roomId: string | null;
  kind: SensorKind;
}

/** The canonical event the gateway hands the service. Times are milliseconds since the epoch. */
export const SensorEvent = z.object({
  deviceId: z.string(),
  residentId: z.string(),
  roomId: z.string().nullable(),
  sensorKind: SensorKind,
  type: ReadingType,
  value: z.union([z.boolean(), z.number(), z.null()]),
  eventTime: z.number().int(),
  receivedAt: z.number().int(),
  battery: z.number().optional(),
  batteryLow: z.boolean().optional(),
  linkquality: z.number().optional(),
  accel: AccelWindow.optional(),
});
export type SensorEvent = z.infer<typeof SensorEvent>;

export const DeadLetterReason = z.enum(['too_large', 'malformed_json', 'schema_violation', 'unknown_topic']);
export type DeadLetterReason = z.infer<typeof DeadLetterReason>;

/** A message the gateway could not accept, kept with its reason so nothing is silently lost. */
export interface DeadLetter {
  topic: string;
  /** The payload as text (UTF-8, invalid bytes replaced), cut to a bounded length. */
  payload: string;
  payloadBytes: number;
  reason: DeadLetterReason;
  detail: string;
  receivedAt: number;
}

/** A message from a device the registry does not know, remembered so an operator can claim it. */
export interface UnclaimedSighting {
  format: PayloadFormat;
  address: string;
  topic: string;
  /** Which canonical signals the message carried: helps the operator choose the sensor kind. */
  signals: (keyof Signals)[];
  payload: string;
  receivedAt: number;
}

/** The device registry as the gateway sees it. */
export interface DeviceDirectory {
  lookup(format: PayloadFormat, address: string): DeviceBinding | undefined;
}

/** Where the gateway delivers its output. Implementations must not throw. */
export interface GatewaySink {
  events(events: SensorEvent[]): void;
  deadLetter(letter: DeadLetter): void;
  unclaimed(sighting: UnclaimedSighting): void;
  /**
   * While the sink is behind, a promise that resolves when it can take more; undefined when it
   * can take more now. The gateway holds the broker's acknowledgement meanwhile, so the broker
   * keeps the next messages queued (QoS 1) instead of them piling up in Vaka's memory.
   */
  backpressure?(): Promise<void> | undefined;
}

/**
 * Sees each message before the gateway handles it, and so before the broker gets its PUBACK
 * (mqtt.js emits 'message' before it acknowledges a QoS 1 message): the service's write-ahead
 * journal. Implementations must not throw.
 */
export interface MessageJournal {
  /** `packetId`: the MQTT packet identifier (0 for QoS 0), kept so a replay knows the broker's copies. */
  record(topic: string, payload: Uint8Array, receivedAt: number, packetId: number): void;
  /** The message recorded last has been handled: everything it gave the sink has been handed on. */
  handled(): void;
}

export interface GatewayCounters {
  received: number;
  accepted: number;
  duplicates: number;
  deadLetters: number;
  unclaimed: number;
  ignored: number;
}
