/**
 * A progress line for long runs: simulated time done of total, messages, msgs/s and ETA. On a
 * terminal it redraws one line in place a few times a second; in a log (not a TTY) it prints a
 * plain line now and then. No dependencies; the clock is injected so tests need no waiting.
 */

export interface ProgressOptions {
  /** Start of simulated time, epoch ms. */
  start: number;
  /** End of simulated time, epoch ms; undefined for a run until Ctrl-C (no bar, no ETA). */
  end: number | undefined;
  write: (text: string) => void;
  /** Redraw in place (a terminal) or print lines (a log). */
  isTTY: boolean;
  /** The wall clock, epoch ms. */
  now: () => number;
  /** On a terminal, redraw at most this often, in milliseconds (four times a second). */
  redrawMs?: number;
  /** In a log, print a line this often, in milliseconds. */
  lineEveryMs?: number;
  /** Width of the bar, in characters. */
  barWidth?: number;
}

export interface Progress {
  /** Cheap enough to call for every message: it draws only when it is time to. */
  update(simTime: number, messages: number): void;
  /** Draws the final state and ends the line. */
  done(simTime: number, messages: number): void;
}

export interface ProgressState {
  /** Simulated milliseconds played. */
  simDoneMs: number;
  /** Simulated milliseconds in the run; undefined when it has no end. */
  simTotalMs: number | undefined;
  messages: number;
  /** Wall milliseconds since the run started. */
  elapsedMs: number;
}

const REDRAW_MS = 250;
const LINE_EVERY_MS = 10_000;
const BAR_WIDTH = 24;
/** ANSI "erase to end of line", so a shorter line leaves no tail of the last one. */
const ERASE_LINE_END = '\u001b[K';

export function createProgress(options: ProgressOptions): Progress {
  const { start, end, write, isTTY, now } = options;
  const every = isTTY ? (options.redrawMs ?? REDRAW_MS) : (options.lineEveryMs ?? LINE_EVERY_MS);
  const wallStart = now();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let finished = false;

  function line(simTime: number, messages: number): string {
    return formatProgress(
      {
        simDoneMs: Math.max(0, simTime - start),
        simTotalMs: end === undefined ? undefined : end - start,
        messages,
        elapsedMs: now() - wallStart,
      },
      options.barWidth,
    );
  }

  function draw(text: string, last: boolean): void {
    if (isTTY) write(`\r${text}${ERASE_LINE_END}${last ? '\n' : ''}`);
    else write(`${text}\n`);
  }

  return {
    update(simTime, messages) {
      if (finished) return;
      const t = now();
      if (t - lastDraw < every) return;
      // A log's first line waits a full period: a short run prints only its final line.
      if (!isTTY && lastDraw === Number.NEGATIVE_INFINITY) {
        lastDraw = t;
        return;
      }
      lastDraw = t;
      draw(line(simTime, messages), false);
    },
    done(simTime, messages) {
      if (finished) return;
      finished = true;
      draw(line(simTime, messages), true);
    },
  };
}

/** `[#########...............]  37.5%  3.0 of 8.0 days  12,345 msgs  4,115 msg/s  ETA 5 s` */
export function formatProgress(state: ProgressState, barWidth = BAR_WIDTH): string {
  const { simDoneMs, simTotalMs, messages, elapsedMs } = state;
  const rate = elapsedMs > 0 ? Math.round((messages * 1000) / elapsedMs) : 0;
  const counts = `${messages.toLocaleString('en-US')} msgs  ${rate.toLocaleString('en-US')} msg/s`;
  if (simTotalMs === undefined || simTotalMs <= 0) return `${formatSimSpan(simDoneMs)} simulated  ${counts}`;
  const fraction = Math.min(1, simDoneMs / simTotalMs);
  const filled = Math.round(fraction * barWidth);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`;
  const percent = `${(fraction * 100).toFixed(1)}%`.padStart(6);
  const eta =
    fraction >= 1 ? 'done' : fraction > 0 ? `ETA ${formatWallSpan((elapsedMs * (1 - fraction)) / fraction)}` : 'ETA –';
  return `${bar} ${percent}  ${formatSimSpan(simDoneMs, simTotalMs)}  ${counts}  ${eta}`;
}

/** Simulated time in the unit of the whole: minutes, hours or days. */
export function formatSimSpan(doneMs: number, totalMs?: number): string {
  const scale = totalMs ?? doneMs;
  const [unit, ms, decimals] =
    scale >= 2 * 86_400_000
      ? ['days', 86_400_000, 1]
      : scale >= 2 * 3_600_000
        ? ['h', 3_600_000, 1]
        : ['min', 60_000, 0];
  const fmt = (x: number) => (x / ms).toFixed(decimals);
  return totalMs === undefined ? `${fmt(doneMs)} ${unit}` : `${fmt(doneMs)} of ${fmt(totalMs)} ${unit}`;
}

/** Wall time left: `45 s`, `3 min 12 s`, `1 h 02 min`. */
export function formatWallSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
