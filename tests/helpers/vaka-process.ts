/** The real Vaka process (service/main.ts under tsx), as a user starts it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface VakaProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `service/main.ts` is what `npm start` runs; `simulator/demo.ts` is `npm run demo`. */
export type Entry = 'service/main.ts' | 'simulator/demo.ts';

export function runVaka(
  env: Record<string, string>,
  entry: Entry = 'service/main.ts',
): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function startVakaProcess(
  env: Record<string, string>,
  entry: Entry = 'service/main.ts',
  timeoutMs = 30_000,
  /** At least info: the start line the port is read from is an info line. */
  logLevel: 'info' | 'debug' | 'trace' = 'info',
): Promise<VakaProcess> {
  const run = runVaka({ ...env, LOG_LEVEL: logLevel }, entry);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Vaka did not start:\n${run.output()}`)), timeoutMs);
    const check = () => {
      const match = /"http":"http:\/\/localhost:(\d+)\//.exec(run.output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    run.child.stdout?.on('data', check);
    run.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Vaka exited during start:\n${run.output()}`));
    });
  });
  return {
    child: run.child,
    port,
    output: run.output,
    async stop(signal = 'SIGTERM') {
      if (run.child.exitCode !== null) return run.child.exitCode;
      run.child.kill(signal);
      return run.exited;
    },
  };
}
