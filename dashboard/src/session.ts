/**
 * The signed-in session on this device. Kept in localStorage so a tablet that reloads or
 * restarts its browser at 3 a.m. stays signed in for the rest of the shift; the server ends
 * the session at its expiry (VAKA_SESSION_HOURS) or at sign-out, and the page's strict
 * Content-Security-Policy (self only, no inline script) is what keeps the token from other
 * scripts. Signing out removes it.
 */
import { Session } from '../../service/contract.js';

const KEY = 'vaka.session';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The saved session, unless there is none, it is malformed, or it has expired at `now`. */
export function loadSession(storage: Store | undefined = safeLocalStorage(), now = Date.now()): Session | null {
  try {
    const raw = storage?.getItem(KEY);
    if (raw === null || raw === undefined) return null;
    const parsed = Session.safeParse(JSON.parse(raw));
    if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now) {
      storage?.removeItem(KEY);
      return null;
    }
    return parsed.data;
  } catch {
    return null;
  }
}

export function saveSession(session: Session, storage: Store | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify(session));
  } catch {
    // Not kept across reloads; the person signs in again after one. Nothing else depends on it.
  }
}

export function clearSession(storage: Store | undefined = safeLocalStorage()): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing saved, nothing to remove.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
