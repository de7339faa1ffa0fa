/**
 * Tells the broker's copy of a message Vaka already handled from a new message with the same
 * bytes. After a reconnect the broker sends every QoS 1 message it holds no PUBACK for again,
 * with DUP set and its original packet identifier (MQTT 3.1.1 §4.4, [MQTT-4.4.0-1]). A few of
 * those reached Vaka before (their PUBACK was lost with the connection, or with a killed
 * process); most did not — after a kill, everything the broker had in flight comes back with
 * DUP. The broker reuses an identifier only after its message is acknowledged, and Mosquitto and
 * aedes count identifiers up through all 65,535 before they come round again, so a DUP message
 * whose identifier, topic and bytes match one of the last messages handled is that message; any
 * other is new, even with the same bytes (an untimed Zigbee2MQTT reading repeating itself).
 */
import { createHash } from 'node:crypto';

/** Handled messages remembered: a lost PUBACK is one of the last few; far fewer than 65,535. */
const REMEMBERED = 1000;

export class Redeliveries {
  private readonly recent = new Map<number, string>();

  /** Notes a message as handled; true when it is a DUP copy of one handled before. */
  handled(packetId: number, topic: string, payload: Uint8Array, dup: boolean): boolean {
    const key = createHash('sha1').update(topic).update('\0').update(payload).digest('base64');
    if (dup && this.recent.get(packetId) === key) return true;
    this.recent.delete(packetId);
    this.recent.set(packetId, key);
    if (this.recent.size > REMEMBERED) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    return false;
  }
}
