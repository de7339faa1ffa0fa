/**
 * What a command talks to: lines out, the progress line, the environment, the clock, Ctrl-C and
 * the keyboard. The process gives the real ones (processIo); tests give their own, so a whole
 * command runs in-process in milliseconds.
 */

export interface CliIo {
  /** A line of the command's output (stdout). */
  out(line: string): void;
  /** A line about a problem (stderr). */
  err(line: string): void;
  /** Where the progress line goes (stderr, so stdout stays clean for a pipe), and whether it redraws in place. */
  progress: { write(text: string): void; isTTY: boolean };
  env: Record<string, string | undefined>;
  /** The wall clock, epoch ms. */
  now(): number;
  /** Calls `stop` on Ctrl-C or SIGTERM; returns a function that stops listening. */
  onStop(stop: () => void): () => void;
  /** Ends the process at once (a second Ctrl-C, when the broker is not answering). */
  quitNow(): void;
  /** A terminal to read keys from, if the command runs in one. */
  keys: NodeJS.ReadStream | undefined;
}

/** ANSI: back to the start of the line and erase it, so a line printed while the progress line is drawn replaces it. */
const CLEAR_LINE = '\r\u001b[K';

/** The process's own streams, signals and terminal. */
export function processIo(): CliIo {
  // Both on one terminal: a line out would otherwise land after the half-drawn progress line.
  const clear = process.stdout.isTTY === true && process.stderr.isTTY === true ? CLEAR_LINE : '';
  return {
    out: (line) => process.stdout.write(`${clear}${line}\n`),
    err: (line) => process.stderr.write(`${clear}${line}\n`),
    progress: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    env: process.env,
    now: Date.now,
    onStop(stop) {
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      };
    },
    quitNow: () => process.exit(130),
    keys: process.stdin.isTTY ? process.stdin : undefined,
  };
}
