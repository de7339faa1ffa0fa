/**
 * Chaos between a reading source and a broker: over an iterable of messages, or wrapped around
 * the runner's publish so a live simulation gets it without knowing.
 */
import type { Publish } from '../runner.js';
import type { Chaos, ChaosInput, ChaosMessage } from './chaos.js';

/** Every message with chaos mixed in; held-back messages come out at the end at the latest. */
export function* withChaos(messages: Iterable<ChaosInput>, chaos: Chaos): Generator<ChaosMessage> {
  for (const message of messages) yield* chaos.push(message);
  yield* chaos.flush();
}

export interface ChaosPublish {
  /** Publishes the message and whatever chaos adds; resolves when all that was sent now is acknowledged. */
  publish: Publish;
  /** Publishes what is still held back: call before closing the connection. */
  flush(): Promise<void>;
}

/**
 * Wraps a publish. `simTime` (the simulation's clock) lets chaos skew untimed Zigbee2MQTT
 * payloads; without it only native payloads, which carry `ts`, are skewed.
 */
export function chaosPublish(publish: Publish, chaos: Chaos, simTime?: () => number): ChaosPublish {
  const send = async (messages: ChaosMessage[]) => {
    for (const m of messages) await publish(m.topic, m.payload);
  };
  return {
    publish: (topic, payload) =>
      send(chaos.push(simTime === undefined ? { topic, payload } : { topic, payload, at: simTime() })),
    flush: () => send(chaos.flush()),
  };
}
