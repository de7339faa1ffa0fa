/**
 * The simulator's public schemas and types: the home model, the readings it generates, and
 * the MQTT messages it renders. Other parts import these through simulator/index.ts.
 */
import { z } from 'zod';
import { AccelWindow, PayloadFormat, SensorKind } from '../gateway/contract.js';

export { PayloadFormat };

/** The service's room kinds (service/contract.ts RoomKind). */
export const RoomKind = z.enum([
  'bedroom',
  'bathroom',
  'kitchen',
  'living_room',
  'hall',
  'entrance',
  'outdoor',
  'other',
]);
export type RoomKind = z.infer<typeof RoomKind>;

export const Room = z.object({ name: z.string().min(1), kind: RoomKind });
export type Room = z.infer<typeof Room>;

/** The sensor kinds the simulator models: a subset of what the gateway knows. */
export const SimSensorKind = SensorKind.extract([
  'motion',
  'door',
  'bed',
  'chair',
  'power_plug',
  'help_button',
  'fall_detector',
  'wearable',
]);
export type SimSensorKind = z.infer<typeof SimSensorKind>;

/**
 * What a device is for, where a home has more than one device of a kind: three door contacts
 * (front door, bathroom door, fridge) and two plugs (kettle, TV).
 */
export const DeviceRole = z.enum(['front_door', 'bathroom_door', 'fridge', 'kettle', 'tv']);
export type DeviceRole = z.infer<typeof DeviceRole>;

export const Device = z.object({
  /** A Vaka device id (`demo1-kitchen-motion`) or a Zigbee2MQTT friendly name (`demo1/kitchen/motion`). */
  address: z.string().min(1),
  kind: SimSensorKind,
  /**
   * The name of the room the device is in. A wearable goes where its wearer goes; its room is
   * the one where it is charged at night (the bedroom), and the demo registers it without one.
   */
  room: z.string().min(1),
  role: DeviceRole.optional(),
});
export type Device = z.infer<typeof Device>;

/** The resident profiles of simulator/profiles.ts, by name. */
export const ProfileName = z.enum(['early_riser', 'night_owl', 'frail_seated', 'dementia_restless', 'active_outgoing']);
export type ProfileName = z.infer<typeof ProfileName>;

export const Home = z.object({
  /** Stable id, also the first part of every device address (`demo1`). Seeds derive from it. */
  id: z.string().min(1),
  resident: z.string().min(1),
  /** IANA time zone of the home: "morning" and "night" are local. */
  timeZone: z.string().min(1),
  rooms: z.array(Room).min(1),
  devices: z.array(Device),
  /** How the resident lives (simulator/profiles.ts). Absent: chosen from the home id. */
  profile: ProfileName.optional(),
});
export type Home = z.infer<typeof Home>;

const radio = {
  /** Battery charge in percent, on messages from battery-powered devices. */
  battery: z.number().int().min(0).max(100).optional(),
  /** Zigbee link quality 0–255. */
  linkquality: z.number().int().min(0).max(255).optional(),
};

/** One thing a device reports. Rendering into a payload format is payloads.ts's job. */
export const Reading = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('motion'), detected: z.boolean(), ...radio }),
  z.object({ kind: z.literal('door'), open: z.boolean(), ...radio }),
  z.object({ kind: z.literal('bed'), occupied: z.boolean(), ...radio }),
  /** A chair pressure pad: someone is sitting on it. */
  z.object({ kind: z.literal('chair'), occupied: z.boolean(), ...radio }),
  /** A smart plug's instantaneous power in watts; 0 means switched off. */
  z.object({ kind: z.literal('power'), watts: z.number().min(0), ...radio }),
  z.object({ kind: z.literal('help'), ...radio }),
  z.object({ kind: z.literal('fall'), ...radio }),
  /**
   * A wearable's accelerometer window: `samples` [x, y, z] in g at `rateHz`. Native format
   * only: Zigbee2MQTT has no device that sends such windows (see payloads.ts).
   */
  z.object({
    kind: z.literal('accel'),
    rateHz: AccelWindow.shape.rateHz,
    samples: AccelWindow.shape.samples,
    ...radio,
  }),
  z.object({ kind: z.literal('battery'), ...radio, battery: z.number().int().min(0).max(100) }),
  z.object({ kind: z.literal('heartbeat'), ...radio }),
]);
export type Reading = z.infer<typeof Reading>;
export type ReadingKind = Reading['kind'];

/** A reading at a simulated time (epoch milliseconds) from one device of one home. */
export const ScheduledReading = z.object({
  at: z.number().int(),
  homeId: z.string(),
  device: Device,
  reading: Reading,
});
export type ScheduledReading = z.infer<typeof ScheduledReading>;

/** An MQTT message ready to publish (QoS 1). */
export const SimMessage = z.object({ topic: z.string().min(1), payload: z.string() });
export type SimMessage = z.infer<typeof SimMessage>;

/** Topic roots, as the gateway is configured: `<prefix>/sensor/<id>` and `<baseTopic>/<name>`. */
export const Topics = z.object({
  prefix: z.string().min(1).default('vaka'),
  baseTopic: z.string().min(1).default('zigbee2mqtt'),
});
export type Topics = z.infer<typeof Topics>;
export const DEFAULT_TOPICS: Topics = { prefix: 'vaka', baseTopic: 'zigbee2mqtt' };

/** Incidents that can be injected on demand. */
export const IncidentKind = z.enum(['fall', 'help']);
export type IncidentKind = z.infer<typeof IncidentKind>;

export interface SimulationCounters {
  /** Messages the broker acknowledged (the publish promise resolved). */
  published: number;
  /** Messages whose publish rejected. */
  failed: number;
  /** Readings not published because the resident had fallen. */
  suppressed: number;
  /** Incidents injected with trigger(). */
  incidents: number;
}
