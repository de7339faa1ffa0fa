/**
 * Turns alarm *states* into alarm *events*. Zigbee2MQTT's cache_state (on by default) re-sends
 * a device's whole last-known state in every message, so a fall sensor's
 * `fall_down_status: "fall"` or an SOS button's `sos: true` repeats in each later battery or
 * presence report. Only the switch from inactive to active is news.
 */
export class AlarmLatch {
  private readonly active = new Map<string, boolean>();

  /** At most this many device+alarm states are remembered; the oldest are forgotten first. */
  constructor(private readonly capacity = 100_000) {}

  /** Records the state; true only when it switched from inactive (or unknown) to active. */
  rising(device: string, alarm: string, isActive: boolean): boolean {
    const key = `${device}\u0000${alarm}`;
    const was = this.active.get(key) ?? false;
    this.active.delete(key);
    this.active.set(key, isActive);
    if (this.active.size > this.capacity) {
      const oldest = this.active.keys().next().value;
      if (oldest !== undefined) this.active.delete(oldest);
    }
    return isActive && !was;
  }
}
