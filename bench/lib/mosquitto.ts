/**
 * A Mosquitto of the benchmark's own, from its own config file on a free port. Not the machine's
 * broker on 1883: that one runs the default `max_queued_messages 1000`, which silently drops QoS 1
 * messages to a subscriber that falls behind (stack-facts.md), and a benchmark that loses
 * messages measures nothing. Same queue settings as deploy/mosquitto/mosquitto.conf.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { freePort, sleep } from './ports.js';

export const MOSQUITTO_BIN = process.env.BENCH_MOSQUITTO ?? '/usr/sbin/mosquitto';

export interface Broker {
  url: string;
  pid: number;
  close(): Promise<void>;
}

export function mosquittoConf(port: number): string {
  return [
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    'persistence false',
    // Never drop QoS 1: no count limit on queued or in-flight messages (deploy/mosquitto/mosquitto.conf).
    'max_queued_messages 0',
    'max_inflight_messages 0',
    'log_type error',
    '',
  ].join('\n');
}

export async function startMosquitto(): Promise<Broker> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'vaka-bench-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(conf, mosquittoConf(port));
  const child = spawn(MOSQUITTO_BIN, ['-c', conf], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `mqtt://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      const probe = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 500 }, false);
      await probe.endAsync();
      break;
    } catch (error) {
      if (tries > 50 || child.exitCode !== null) throw error;
      await sleep(100);
    }
  }
  return {
    url,
    pid: child.pid ?? 0,
    async close() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
