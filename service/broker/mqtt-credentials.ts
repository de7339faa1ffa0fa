/**
 * Broker logins for the embedded broker. Issued by Vaka and shown once:
 * - a native device's: user name = its device id (as in deploy/mosquitto/acl), issued when it
 *   is onboarded or again on request (which replaces the old password);
 * - the Zigbee2MQTT bridge's: user name `zigbee2mqtt`, issued on request by an operator;
 * - Vaka's own gateway and the demo's simulated sensors: made at each start, held only in
 *   memory, never written anywhere.
 * Passwords are 192-bit random strings, so a plain SHA-256 at rest is enough (as for session
 * tokens): nothing to guess from a copy of the database, and no slow hash for a flood of
 * connection attempts to burn the CPU with. (Staff passwords, chosen by people, use scrypt.)
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEVICE_ID_PATTERN } from '../../gateway/formats/vaka-native.js';
import type { Device } from '../contract.js';
import type { MqttAccountsStore } from '../store/mqtt-accounts-store.js';
import type { MqttIdentity, MqttTopics } from './mqtt-access.js';

/** Vaka's own login on the embedded broker (the shipped Mosquitto ACL's `user vaka`). */
export const SERVICE_USERNAME = 'vaka';
/** The Zigbee2MQTT bridge's login (the shipped Mosquitto ACL's `user zigbee2mqtt`). */
export const BRIDGE_USERNAME = 'zigbee2mqtt';
/** The demo's simulated sensors, publishing as a Zigbee2MQTT bridge would. */
export const DEMO_USERNAME = 'vaka-demo';
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([SERVICE_USERNAME, BRIDGE_USERNAME, DEMO_USERNAME]);

export interface MqttLogin {
  username: string;
  password: string;
  /** Where this login may publish. */
  topic: string;
}

export class CredentialsRefusedError extends Error {
  readonly code = 'VAKA_ERR_MQTT_CREDENTIALS';
}

const hashOf = (password: string) => `sha256$${createHash('sha256').update(password).digest('hex')}`;
const newSecret = () => randomBytes(24).toString('base64url'); // 192 bits, 32 characters, no ':'

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class MqttCredentials {
  private readonly internal = new Map<string, { hash: string; identity: MqttIdentity }>();
  private readonly revokedListeners: ((username: string) => void)[] = [];

  constructor(
    private readonly store: MqttAccountsStore,
    private readonly options: { allowAnonymous: boolean; topics: MqttTopics },
  ) {}

  get topics(): MqttTopics {
    return this.options.topics;
  }

  /** Told when a login's password is replaced or the login removed: its open connections must end. */
  onRevoked(listener: (username: string) => void): void {
    this.revokedListeners.push(listener);
  }

  /** A login that no longer holds (its device was removed): connections made with it are cut. */
  revoked(username: string): void {
    for (const listener of this.revokedListeners) listener(username);
  }

  /** A login that lives only in this process; a new password on every call. */
  internalLogin(username: string, identity: MqttIdentity): Omit<MqttLogin, 'topic'> {
    const password = newSecret();
    this.internal.set(username, { hash: hashOf(password), identity });
    return { username, password };
  }

  /** Who a CONNECT's user name and password are; undefined refuses the connection. */
  async authenticate(username: string | undefined, password: Buffer | undefined): Promise<MqttIdentity | undefined> {
    if (username === undefined || username === '') {
      return this.options.allowAnonymous ? { role: 'anonymous' } : undefined;
    }
    if (password === undefined) return undefined;
    const hash = hashOf(password.toString('utf8'));
    const internal = this.internal.get(username);
    if (internal !== undefined) return sameHash(internal.hash, hash) ? internal.identity : undefined;
    if (RESERVED_USERNAMES.has(username) && username !== BRIDGE_USERNAME) return undefined;
    const account = await this.store.find(username);
    if (account === undefined || !sameHash(account.secretHash, hash)) return undefined;
    return account.role === 'bridge' ? { role: 'bridge' } : { role: 'device', deviceId: account.username };
  }

  /** A new login for a native device (its old password stops working). */
  async issueForDevice(device: Pick<Device, 'id' | 'format' | 'address'>): Promise<MqttLogin> {
    if (device.format !== 'vaka') {
      throw new CredentialsRefusedError(
        'only native Vaka devices log in to the broker themselves; Zigbee devices go through the bridge account',
      );
    }
    if (!DEVICE_ID_PATTERN.test(device.address) || RESERVED_USERNAMES.has(device.address)) {
      throw new CredentialsRefusedError(
        `"${device.address}" cannot be a broker user name; register it under another id`,
      );
    }
    const password = newSecret();
    await this.store.upsert({
      username: device.address,
      role: 'device',
      deviceId: device.id,
      secretHash: hashOf(password),
    });
    this.revoked(device.address);
    return { username: device.address, password, topic: `${this.topics.nativePrefix}/sensor/${device.address}` };
  }

  /** A new login for the Zigbee2MQTT bridge (its old password stops working). */
  async issueForBridge(): Promise<MqttLogin> {
    const password = newSecret();
    await this.store.upsert({
      username: BRIDGE_USERNAME,
      role: 'bridge',
      deviceId: null,
      secretHash: hashOf(password),
    });
    this.revoked(BRIDGE_USERNAME);
    return { username: BRIDGE_USERNAME, password, topic: `${this.topics.z2mBaseTopic}/#` };
  }
}
