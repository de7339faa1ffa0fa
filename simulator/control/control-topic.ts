/**
 * Subscribing a running simulation to its control topic, and publishing to it. The handler is
 * the runner's trigger; one bad message or one failing trigger is logged and the rest go on.
 */
import type { MqttClient } from 'mqtt';
import type { Home, IncidentKind } from '../contract.js';
import { ControlMessage, controlTopic, DEFAULT_CONTROL_PREFIX, parseControl } from './control-message.js';

/** Injects an incident into home `homeIndex` (0-based), e.g. `(k, i) => simulation.trigger(k, i)`. */
export type IncidentHandler = (kind: IncidentKind, homeIndex: number) => Promise<unknown>;

export interface ControlOptions {
  homes: readonly Home[];
  onIncident: IncidentHandler;
  /** Default `vaka-sim`: the topic is `<prefix>/sim/control`. */
  prefix?: string;
  /** One line per message handled or refused. */
  log?: (line: string) => void;
}

/** The slice of an mqtt.js client control needs. */
export type ControlClient = Pick<MqttClient, 'subscribeAsync' | 'unsubscribeAsync' | 'on' | 'off'>;

/**
 * Subscribes to the control topic (QoS 1) and resolves with a function that unsubscribes. mqtt.js
 * re-subscribes after a reconnect on its own (`resubscribe`, on by default).
 */
export async function subscribeControl(client: ControlClient, options: ControlOptions): Promise<() => Promise<void>> {
  const topic = controlTopic(options.prefix ?? DEFAULT_CONTROL_PREFIX);
  const log = options.log ?? (() => {});
  const onMessage = (received: string, payload: Buffer) => {
    if (received !== topic) return;
    const parsed = parseControl(payload, options.homes);
    if (!parsed.ok) {
      log(`control: ignored a message on ${topic}: ${parsed.reason}`);
      return;
    }
    const home = options.homes[parsed.homeIndex];
    const who = `home ${parsed.homeIndex + 1} (${home?.id}, ${home?.resident})`;
    log(`control: ${parsed.kind} in ${who}`);
    options.onIncident(parsed.kind, parsed.homeIndex).catch((error: unknown) => {
      log(`control: ${parsed.kind} in ${who} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  client.on('message', onMessage);
  try {
    await client.subscribeAsync(topic, { qos: 1 });
  } catch (error) {
    client.off('message', onMessage);
    throw error;
  }
  return async () => {
    client.off('message', onMessage);
    await client.unsubscribeAsync(topic);
  };
}

/**
 * Asks a running simulation for an incident: QoS 1, never retained. The message is checked
 * first, so a typo fails here rather than in the simulation's log.
 */
export async function publishControl(
  client: Pick<MqttClient, 'publishAsync'>,
  message: ControlMessage,
  prefix = DEFAULT_CONTROL_PREFIX,
): Promise<void> {
  const checked = ControlMessage.parse(message);
  await client.publishAsync(controlTopic(prefix), JSON.stringify(checked), { qos: 1, retain: false });
}
