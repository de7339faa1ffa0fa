/**
 * The embedded MQTT broker (aedes) for `npm start` on a machine with nothing else: plain
 * MQTT over TCP on MQTT_PORT. Real deployments point MQTT_URL at Mosquitto instead.
 *
 * Every client logs in and may touch only its own topics (mqtt-access.ts, the rules of the
 * shipped deploy/mosquitto/acl): a refused login gets CONNACK 4 (bad user name or password)
 * or 5 (not authorised, no user name) [MQTT-3.2.2-3]; a refused publish closes the connection
 * (aedes's answer; Mosquitto drops it silently); a refused subscription is granted 0x80
 * [MQTT-3.9.3-2].
 */
import { createServer, type Server } from 'node:net';
import { Aedes, type AedesOptions, type AuthenticateError, type Client } from 'aedes';
import type { Logger } from 'pino';
import { listenOrExplain } from '../listen.js';
import { canPublish, canSubscribe, type MqttIdentity, type MqttTopics } from './mqtt-access.js';

export interface EmbeddedBroker {
  /** The port it listens on (the real one when 0 was asked for). */
  readonly port: number;
  /** Closes every connection logged in as `username` (its password was replaced or removed); how many. */
  disconnect(username: string): number;
  close(): Promise<void>;
}

export interface BrokerAccess {
  authenticate(username: string | undefined, password: Buffer | undefined): Promise<MqttIdentity | undefined>;
  topics: MqttTopics;
  log: Logger;
}

const CONNACK_BAD_LOGIN = 4;
const CONNACK_NOT_AUTHORISED = 5;

function refusal(message: string, returnCode: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

/** Who is connected under which user name, so a replaced or removed login can be cut off. */
class Logins {
  private readonly byUsername = new Map<string, Set<Client>>();

  add(username: string, client: Client): void {
    let clients = this.byUsername.get(username);
    if (clients === undefined) {
      clients = new Set();
      this.byUsername.set(username, clients);
    }
    clients.add(client);
  }

  remove(client: Client): void {
    for (const [username, clients] of this.byUsername) {
      if (clients.delete(client) && clients.size === 0) this.byUsername.delete(username);
    }
  }

  take(username: string): Client[] {
    const clients = [...(this.byUsername.get(username) ?? [])];
    this.byUsername.delete(username);
    return clients;
  }
}

/** aedes hooks enforcing `access`. */
function accessHooks(access: BrokerAccess, logins: Logins): Partial<AedesOptions> {
  const identities = new WeakMap<Client, MqttIdentity>();
  return {
    authenticate(client, username, password, done) {
      access.authenticate(username, password).then(
        (identity) => {
          if (identity !== undefined) {
            identities.set(client, identity);
            if (username !== undefined && username !== '') logins.add(username, client);
            done(null, true);
            return;
          }
          // User names are device ids or service accounts, not personal data; never the password.
          access.log.warn({ clientId: client.id, username: username ?? null }, 'MQTT login refused');
          const anonymous = username === undefined || username === '';
          done(
            anonymous
              ? refusal('anonymous access is off (MQTT_ALLOW_ANONYMOUS)', CONNACK_NOT_AUTHORISED)
              : refusal('bad user name or password', CONNACK_BAD_LOGIN),
            false,
          );
        },
        (error: unknown) => {
          access.log.error({ err: error }, 'MQTT login check failed');
          done(refusal('login check failed', 3), false);
        },
      );
    },
    authorizePublish(client, packet, callback) {
      // client is null for what the broker publishes itself ($SYS, wills checked on the client's behalf).
      const identity = client === null ? undefined : identities.get(client);
      if (client === null || (identity !== undefined && canPublish(identity, packet.topic, access.topics))) {
        callback(null);
        return;
      }
      access.log.warn({ clientId: client.id, topic: packet.topic }, 'MQTT publish refused');
      callback(new Error(`not allowed to publish to ${packet.topic}`));
    },
    authorizeSubscribe(client, subscription, callback) {
      const identity = identities.get(client);
      if (identity !== undefined && canSubscribe(identity, subscription.topic, access.topics)) {
        callback(null, subscription);
        return;
      }
      access.log.warn({ clientId: client.id, topic: subscription.topic }, 'MQTT subscription refused');
      callback(null, null);
    },
  };
}

/**
 * `access: 'open'` lets anyone do anything, as a broker with allow_anonymous would; only for
 * tests standing in for the machine's shared Mosquitto. Vaka always passes its rules.
 */
export async function startEmbeddedBroker(options: {
  port: number;
  host: string;
  access: BrokerAccess | 'open';
}): Promise<EmbeddedBroker> {
  const logins = new Logins();
  const broker = await Aedes.createBroker(options.access === 'open' ? {} : accessHooks(options.access, logins));
  broker.on('clientDisconnect', (client) => logins.remove(client));
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
    disconnect(username) {
      const clients = logins.take(username);
      for (const client of clients) client.close();
      return clients.length;
    },
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
