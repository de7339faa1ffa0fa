/**
 * Every call the benchmark makes to Vaka's REST API and stream, in one place, so credentials
 * (a bearer token, once the API requires one) are added here and nowhere else.
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { type Health, StreamFrame } from '../../service/contract.js';
import { nowMs } from './ports.js';

export interface VakaClient {
  readonly baseUrl: string;
  /** The health document, or undefined while Vaka is not answering 200. */
  health(): Promise<Health | undefined>;
  /** Opens /api/v1/stream and calls `onFrame` with each frame and its arrival time. */
  stream(onFrame: (frame: StreamFrame, at: number) => void): Promise<{ close(): void }>;
}

/** The admin the bench's Vaka is started with (VAKA_ADMIN_USER / VAKA_ADMIN_PASSWORD). */
export const BENCH_ADMIN = { username: 'bench-admin', password: `bench-${randomBytes(12).toString('hex')}` };

export function vakaClient(baseUrl: string, clock: () => number = nowMs): VakaClient {
  let token: string | undefined;
  /** Request headers for the API and the stream: the one place authentication is added. */
  const headers = async (): Promise<Record<string, string>> => {
    if (token === undefined) {
      const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(BENCH_ADMIN),
      });
      if (!response.ok) throw new Error(`bench sign-in failed: ${response.status} ${await response.text()}`);
      token = ((await response.json()) as { token: string }).token;
    }
    return { authorization: `Bearer ${token}` };
  };
  return {
    baseUrl,
    async health() {
      try {
        const response = await fetch(`${baseUrl}/api/v1/health`);
        if (response.status !== 200) return undefined;
        return (await response.json()) as Health;
      } catch {
        return undefined;
      }
    },
    async stream(onFrame) {
      const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/stream`, { headers: await headers() });
      socket.on('message', (data) => {
        const at = clock();
        const frame = StreamFrame.safeParse(JSON.parse(String(data)));
        if (frame.success) onFrame(frame.data, at);
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      return { close: () => socket.close() };
    },
  };
}
