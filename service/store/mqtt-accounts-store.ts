/**
 * Broker accounts of the embedded broker (migration 0015): a device's or the Zigbee2MQTT
 * bridge's user name and the SHA-256 of its password. Issuing again replaces the password.
 */
import type { Queryable } from '../db/db.js';

export interface MqttAccount {
  username: string;
  role: 'device' | 'bridge';
  deviceId: string | null;
  secretHash: string;
}

interface Row {
  username: string;
  role: 'device' | 'bridge';
  device_id: string | null;
  secret_hash: string;
}

export class MqttAccountsStore {
  constructor(private readonly db: Queryable) {}

  async find(username: string): Promise<MqttAccount | undefined> {
    const [row] = await this.db.query<Row>(
      'SELECT username, role, device_id, secret_hash FROM mqtt_accounts WHERE username = $1',
      [username],
    );
    return row && { username: row.username, role: row.role, deviceId: row.device_id, secretHash: row.secret_hash };
  }

  /** Creates the account or gives it a new password (the old one stops working at once). */
  async upsert(account: MqttAccount): Promise<void> {
    await this.db.query(
      `INSERT INTO mqtt_accounts (username, role, device_id, secret_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO UPDATE
         SET role = EXCLUDED.role, device_id = EXCLUDED.device_id, secret_hash = EXCLUDED.secret_hash, created_at = now()`,
      [account.username, account.role, account.deviceId, account.secretHash],
    );
  }
}
