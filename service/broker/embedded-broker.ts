/**
 * The embedded MQTT broker (aedes) for `npm start` on a machine with nothing else: plain
 * MQTT over TCP on MQTT_PORT. Real deployments point MQTT_URL at Mosquitto instead.
 */
import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { listenOrExplain } from '../listen.js';

export interface EmbeddedBroker {
  /** The port it listens on (the real one when 0 was asked for). */
  readonly port: number;
  close(): Promise<void>;
}

export async function startEmbeddedBroker(options: { port: number; host: string }): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);
  try {
    await listenOrExplain(server, options.port, options.host, 'MQTT_PORT');
  } catch (error) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    port,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
