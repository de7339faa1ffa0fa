/**
 * Fan-out of stream frames to connected dashboards. A client is anything with `send`; the
 * WebSocket route adapts a socket to it. One broken client never stops the others.
 */
import type { Alert, StreamFrame } from '../contract.js';

export interface StreamClient {
  /** Sends one frame; resolves true when it was written to the connection (false: not sent, or not this client's to see). */
  send(frame: StreamFrame): Promise<boolean>;
  /** Of these alerts, the ones this client may see (a carer: their team's); absent: all. */
  visible?(alerts: readonly Alert[]): Promise<Alert[]>;
}

export class StreamHub {
  private readonly clients = new Set<StreamClient>();

  add(client: StreamClient): () => void {
    this.clients.add(client);
    return () => {
      this.clients.delete(client);
    };
  }

  get size(): number {
    return this.clients.size;
  }

  /** Sends to every client; resolves with how many it reached. */
  async broadcast(frame: StreamFrame): Promise<number> {
    const results = await Promise.all([...this.clients].map((c) => c.send(frame).catch(() => false)));
    return results.filter(Boolean).length;
  }
}
