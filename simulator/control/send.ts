/**
 * One control message from outside the simulation (the dashboard's demo mode, a tester's script):
 * connect, publish, disconnect. From a shell, mosquitto_pub does the same:
 *
 *   mosquitto_pub -h 127.0.0.1 -q 1 -t vaka-sim/sim/control -m '{"incident":"help","home":"demo2"}'
 */
import mqtt from 'mqtt';
import type { ControlMessage } from './control-message.js';
import { publishControl } from './control-topic.js';

export interface SendControlOptions {
  /** Default `vaka-sim`. */
  prefix?: string;
  username?: string;
  password?: string;
  /** How long to wait for the broker, in milliseconds. */
  connectTimeoutMs?: number;
}

export async function sendControl(
  url: string,
  message: ControlMessage,
  options: SendControlOptions = {},
): Promise<void> {
  const client = await mqtt.connectAsync(
    url,
    {
      clean: true,
      reconnectPeriod: 0,
      connectTimeout: options.connectTimeoutMs ?? 5000,
      ...(options.username === undefined ? {} : { username: options.username }),
      ...(options.password === undefined ? {} : { password: options.password }),
    },
    false,
  );
  try {
    await publishControl(client, message, options.prefix);
  } finally {
    await client.endAsync();
  }
}
