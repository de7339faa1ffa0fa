/** An in-process io for the CLI: captures its lines, lets a test press Ctrl-C and wait for a line. */
import type { CliIo } from '../../../simulator/cli-io.js';

export interface FakeIo {
  io: CliIo;
  /** Everything written to stdout, one entry per write (a report is one multi-line entry). */
  out: string[];
  err: string[];
  text(): string;
  /** Resolves with the first output matching `pattern`, already written or still to come. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** What Ctrl-C does. */
  stop(): void;
}

export function fakeIo(env: Record<string, string | undefined> = {}): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  let onStop: (() => void) | undefined;
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const io: CliIo = {
    out(line) {
      out.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    },
    err: (line) => err.push(line),
    progress: { write: () => {}, isTTY: false },
    env,
    now: Date.now,
    onStop(stop) {
      onStop = stop;
      return () => {
        onStop = undefined;
      };
    },
    quitNow: () => {
      throw new Error('quitNow: a test never presses Ctrl-C twice');
    },
    keys: undefined,
  };
  return {
    io,
    out,
    err,
    text: () => out.join('\n'),
    waitFor(pattern, timeoutMs = 10_000) {
      const seen = out.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no output matching ${pattern} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    stop: () => onStop?.(),
  };
}

/** The message count from a report's `done: 1,234 messages …` line. */
export function messagesDone(text: string): number {
  const match = /done: ([\d,]+) messages/.exec(text);
  if (match === null) throw new Error(`no "done:" line in:\n${text}`);
  return Number((match[1] ?? '').replaceAll(',', ''));
}
