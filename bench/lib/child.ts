/** A TypeScript module of bench/ forked as a child process (under tsx), spoken to over IPC. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface IpcMessage {
  type: string;
  [key: string]: unknown;
}

export interface Child {
  readonly process: ChildProcess;
  send(message: IpcMessage): void;
  /** The next message of this type (earlier ones are kept until asked for). */
  next<T extends IpcMessage = IpcMessage>(type: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** `relative` is a path under bench/, e.g. `lib/sink-process.ts`. */
export function forkModule(relative: string, execArgv: string[] = []): Child {
  const file = fileURLToPath(new URL(`../${relative}`, import.meta.url));
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: IpcMessage[] = [];
  const waiters: { type: string; resolve: (m: IpcMessage) => void }[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (raw) => {
    const message = raw as IpcMessage;
    if (message.type === 'error') {
      for (const w of waiters.splice(0)) w.resolve(message);
      return;
    }
    const i = waiters.findIndex((w) => w.type === message.type);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(message);
    else inbox.push(message);
  });
  return {
    process: child,
    send: (message) => child.send(message),
    next<T extends IpcMessage>(type: string, timeoutMs = 600_000) {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${relative}: no "${type}" in ${timeoutMs} ms`)), timeoutMs);
        const onExit = () => reject(new Error(`${relative} exited while waiting for "${type}"`));
        child.once('exit', onExit);
        waiters.push({
          type,
          resolve: (m) => {
            clearTimeout(timer);
            child.off('exit', onExit);
            if (m.type === 'error') reject(new Error(`${relative}: ${String(m.message)}`));
            else resolve(m as T);
          },
        });
      });
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
