/**
 * One Vaka per journal folder. Two processes appending to and deleting each other's segments
 * would lose messages silently, so the second refuses to start, saying which folder. The lock
 * names its owner by pid and the process's start time (Linux /proc), so a lock left behind by a
 * killed Vaka is taken over even when a new process got the same pid (pid 1 in a container).
 */
import { readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class JournalLockedError extends Error {
  readonly code = 'VAKA_ERR_JOURNAL_LOCKED';
}

/** Folders locked by this process (two Vakas in one process, as in tests, share a pid). */
const held = new Set<string>();

export interface JournalLock {
  release(): void;
}

export function lockJournal(dir: string): JournalLock {
  const real = realpathSync(dir);
  const path = join(real, 'journal.lock');
  if (held.has(real))
    throw new JournalLockedError(`the journal folder ${dir} is in use by another Vaka in this process`);
  const owner = readOwner(path);
  if (owner !== undefined && owner.pid !== process.pid && alive(owner)) {
    throw new JournalLockedError(
      `the journal folder ${dir} is in use by process ${owner.pid}: give each Vaka its own JOURNAL_DIR`,
    );
  }
  writeFileSync(path, `${process.pid} ${startStamp(process.pid) ?? ''}\n`);
  held.add(real);
  return {
    release() {
      held.delete(real);
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

function readOwner(path: string): { pid: number; stamp: string | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const [pid, stamp] = text.trim().split(' ');
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, stamp: stamp === '' ? undefined : stamp } : undefined;
}

function alive(owner: { pid: number; stamp: string | undefined }): boolean {
  const now = startStamp(owner.pid);
  if (owner.stamp !== undefined && now !== undefined) return now === owner.stamp;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined off Linux or when it is gone. */
function startStamp(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}
