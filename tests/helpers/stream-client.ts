/** A WebSocket client for tests that collects frames and waits for the ones it needs. */
import WebSocket from 'ws';
import { STREAM_PROTOCOL, STREAM_TOKEN_PREFIX, StreamFrame } from '../../service/contract.js';

export interface TestStream {
  frames: StreamFrame[];
  waitFor(match: (frame: StreamFrame) => boolean, ms?: number): Promise<StreamFrame>;
  close(): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens the stream as a browser does: the token as a subprotocol beside `vaka.v1` (none: anonymous). */
export async function openStream(url: string, token?: string): Promise<TestStream> {
  const socket =
    token === undefined ? new WebSocket(url) : new WebSocket(url, [STREAM_PROTOCOL, `${STREAM_TOKEN_PREFIX}${token}`]);
  const frames: StreamFrame[] = [];
  const waiters: { match: (f: StreamFrame) => boolean; resolve: (f: StreamFrame) => void }[] = [];
  socket.on('message', (data) => {
    // Frames are validated against the contract, so a malformed frame fails the test.
    const frame = StreamFrame.parse(JSON.parse(String(data)));
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.match(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('close', () => resolve());
  });
  return {
    frames,
    closed,
    waitFor(match, ms = 5000) {
      const found = frames.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching frame in ${ms} ms; got ${JSON.stringify(frames)}`)),
          ms,
        );
        waiters.push({
          match,
          resolve: (f) => {
            clearTimeout(timer);
            resolve(f);
          },
        });
      });
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close();
      await closed;
    },
  };
}
