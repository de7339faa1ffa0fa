/**
 * Drops exact duplicates: the same bytes on the same topic within a window. QoS 1 is
 * at-least-once, so a broker redelivers a message whose acknowledgement it did not see
 * (MQTT 3.1.1 §4.3.2); the copy is byte-identical. Zigbee2MQTT payloads carry no timestamp,
 * so the window is kept short: a sensor genuinely repeating itself within it adds nothing.
 */
import { createHash } from 'node:crypto';

export interface DedupeOptions {
  /** How long a message is remembered, in milliseconds. */
  windowMs: number;
  /** At most this many remembered messages (memory bound under floods). */
  capacity: number;
}

export class Dedupe {
  private readonly seen = new Map<string, number>();

  constructor(private readonly options: DedupeOptions) {}

  /** True when this topic and payload were seen within the window; remembers them otherwise. */
  isDuplicate(topic: string, payload: Uint8Array, now: number): boolean {
    this.expire(now);
    const key = createHash('sha1').update(topic).update('\0').update(payload).digest('base64');
    const expiresAt = this.seen.get(key);
    if (expiresAt !== undefined && expiresAt > now) return true;
    this.seen.delete(key);
    this.seen.set(key, now + this.options.windowMs);
    if (this.seen.size > this.options.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return false;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Entries are in insertion order and share one window, so expired ones are at the front. */
  private expire(now: number): void {
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > now) break;
      this.seen.delete(key);
    }
  }
}
