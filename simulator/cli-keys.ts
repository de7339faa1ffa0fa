/**
 * Keys while a simulation runs in a terminal: `f` then a digit = fall in that home, `h` then a
 * digit = help press, `q` or Ctrl-C = quit. Homes are numbered from 1, as in --list.
 */
import type { IncidentKind } from './contract.js';

export interface KeyActions {
  trigger(kind: IncidentKind, homeNumber: number): void;
  quit(): void;
  /** A hint for the operator, one line. */
  say(line: string): void;
}

const CTRL_C = '\u0003';

/** Returns a handler for raw stdin text. */
export function createKeyHandler(homeCount: number, actions: KeyActions): (text: string) => void {
  let pending: IncidentKind | undefined;
  return (text) => {
    for (const key of text) {
      if (key === CTRL_C || key === 'q') {
        actions.quit();
        return;
      }
      if (key === 'f' || key === 'h') {
        pending = key === 'f' ? 'fall' : 'help';
        actions.say(`${pending}: which home? press 1–${Math.min(homeCount, 9)}`);
      } else if (pending !== undefined && /^[1-9]$/.test(key)) {
        const home = Number(key);
        if (home <= homeCount) actions.trigger(pending, home);
        else actions.say(`there is no home ${home}; homes are 1–${homeCount}`);
        pending = undefined;
      } else {
        pending = undefined;
      }
    }
  };
}

/** Feeds a terminal's keys, raw, to `handle`; returns a function that gives the terminal back. */
export function attachKeys(stdin: NodeJS.ReadStream, handle: (text: string) => void): () => void {
  const onData = (chunk: Buffer | string) => handle(chunk.toString());
  stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.resume();
  return () => {
    stdin.off('data', onData);
    stdin.setRawMode(false);
    stdin.pause();
  };
}
