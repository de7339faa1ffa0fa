/** Node-RED running the bench flow in a process of its own, editor and admin API off. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { freePort, nowMs, rssOf, sleep } from '../lib/ports.js';
import { benchFlow } from './flow.js';
import { NODE_RED_MAIN } from './install.js';

export interface RunningNodeRed {
  child: ChildProcess;
  /** Opens the alerts WebSocket; `onFrame` gets each frame's parsed payload and arrival time. */
  stream(onFrame: (payload: { type?: string; topic?: string }, at: number) => void): Promise<{ close(): void }>;
  rss(): Promise<number | undefined>;
  /** The end of Node-RED's log, for errors. */
  output(): string;
  stop(): Promise<void>;
}

const WS_PATH = '/ws/alerts';

export async function startNodeRed(brokerUrl: string, prefix: string): Promise<RunningNodeRed> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'vaka-bench-node-red-'));
  const brokerPort = Number(new URL(brokerUrl).port);
  await writeFile(join(dir, 'flows.json'), JSON.stringify(benchFlow({ brokerPort, prefix, wsPath: WS_PATH })));
  await writeFile(
    join(dir, 'settings.js'),
    `module.exports = { uiPort: ${port}, uiHost: '127.0.0.1', httpAdminRoot: false, flowFile: 'flows.json',
      credentialSecret: false, logging: { console: { level: 'info', metrics: false, audit: false } },
      editorTheme: { tours: false } };\n`,
  );
  const child = spawn(process.execPath, [NODE_RED_MAIN, '--userDir', dir, '--settings', join(dir, 'settings.js')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output = (output + String(d)).slice(-20_000);
  });
  child.stderr?.on('data', (d) => {
    output = (output + String(d)).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = nowMs();
  while (!/Connected to broker/.test(output)) {
    if (child.exitCode !== null) throw new Error(`Node-RED exited during start:\n${output}`);
    if (nowMs() - started > 60_000) throw new Error(`Node-RED did not connect to the broker in 60 s:\n${output}`);
    await sleep(50);
  }
  // The subscription follows the connection: give it a moment to be in place.
  await sleep(500);
  return {
    child,
    async stream(onFrame) {
      const socket = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`);
      socket.on('message', (data) => {
        const at = nowMs();
        try {
          onFrame(JSON.parse(String(data)) as { type?: string; topic?: string }, at);
        } catch {
          // "inactive" strings from the trigger are not JSON: not what is timed.
        }
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      return { close: () => socket.close() };
    },
    rss: () => rssOf(child.pid ?? 0),
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
