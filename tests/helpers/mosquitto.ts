/**
 * A Mosquitto of the test's own, from its own config file on a free port, that the test can
 * stop and start again (the machine's shared broker must not be restarted). Configured as
 * Vaka ships it: persistence on, and no limit on queued QoS 1 messages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const MOSQUITTO = '/usr/sbin/mosquitto';

export interface OwnMosquitto {
  url: string;
  start(): Promise<void>;
  /** SIGTERM: Mosquitto saves its persistence file and exits. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function reachable(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Logins and topic rules, as deploy/mosquitto ships them (absent: anonymous, every topic open). */
export interface MosquittoAuth {
  passwordFile: string;
  aclFile: string;
}

export async function ownMosquitto(auth?: MosquittoAuth): Promise<OwnMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'vaka-mosquitto-'));
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      ...(auth === undefined
        ? ['allow_anonymous true']
        : ['allow_anonymous false', `password_file ${auth.passwordFile}`, `acl_file ${auth.aclFile}`]),
      // Started as root, Mosquitto drops to the user "mosquitto", which cannot write this folder:
      // persistence would then silently fail. Run as whoever runs the test.
      `user ${userInfo().username}`,
      'persistence true',
      `persistence_location ${dir}/`,
      'max_queued_messages 0',
      'max_inflight_messages 0',
      `log_dest file ${dir}/mosquitto.log`,
      'log_type error',
      'log_type warning',
      'log_type notice',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const broker: OwnMosquitto = {
    url: `mqtt://127.0.0.1:${port}`,
    async start() {
      child = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' });
      const end = Date.now() + 10_000;
      while (!(await reachable(port))) {
        if (Date.now() > end) throw new Error('mosquitto did not start');
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      const c = child;
      child = undefined;
      if (c === undefined || c.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    },
    async close() {
      await broker.stop();
      if (!process.env.KEEP_MOSQUITTO_LOG) rmSync(dir, { recursive: true, force: true });
    },
  };
  await broker.start();
  return broker;
}
