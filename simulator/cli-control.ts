/**
 * A running simulation's control topic (`<prefix>/sim/control`): subscribed for the run, with
 * the one-liners a tester uses from another shell printed at the start.
 */
import type { CliIo } from './cli-io.js';
import type { Broker } from './cli-options.js';
import type { Home } from './contract.js';
import {
  type ControlClient,
  controlTopic,
  DEFAULT_CONTROL_PREFIX,
  type IncidentHandler,
  subscribeControl,
} from './control/index.js';

/** How long to wait for the broker to confirm leaving the control topic at the end, in milliseconds. */
const UNSUBSCRIBE_WAIT_MS = 1000;

/** Subscribes to the control topic and prints how to use it; resolves with a bounded unsubscribe. */
export async function listenForControl(
  client: ControlClient,
  homes: readonly Home[],
  broker: Pick<Broker, 'url' | 'username' | 'controlPrefix'>,
  inject: IncidentHandler,
  io: Pick<CliIo, 'out'>,
): Promise<() => Promise<void>> {
  const topic = controlTopic(broker.controlPrefix);
  let unsubscribe: () => Promise<void>;
  try {
    unsubscribe = await subscribeControl(client, {
      homes,
      onIncident: inject,
      prefix: broker.controlPrefix,
      log: io.out,
    });
  } catch (error) {
    // Publishing can go on without it (a broker ACL may allow publishing only).
    io.out(`control: cannot subscribe to ${topic} (${(error as Error).message}); incidents only from the keyboard`);
    return async () => {};
  }
  const prefix = broker.controlPrefix === DEFAULT_CONTROL_PREFIX ? '' : ` --control-prefix ${broker.controlPrefix}`;
  io.out(`control: listening on ${topic}; from another shell:`);
  io.out(`  npm run simulate -- fall --home 1${prefix}`);
  io.out(`  ${mosquittoPub(broker, topic)}`);
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, UNSUBSCRIBE_WAIT_MS);
    });
    await Promise.race([unsubscribe().catch(() => {}), waited]);
    clearTimeout(timer);
  };
}

/** The same request with mosquitto_pub: QoS 1, never retained (a retained fall would strike again). */
export function mosquittoPub(broker: Pick<Broker, 'url' | 'username'>, topic: string): string {
  const url = new URL(broker.url);
  const secure = url.protocol === 'mqtts:' || url.protocol === 'ssl:';
  const port = url.port === '' ? (secure ? '8883' : '1883') : url.port;
  const user = broker.username === undefined ? '' : ` -u ${broker.username} -P "$MQTT_PASSWORD"`;
  return `mosquitto_pub -h ${url.hostname} -p ${port}${user} -q 1 -t ${topic} -m '{"incident":"fall","home":"1"}'`;
}
