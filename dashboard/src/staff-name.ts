/**
 * The staff member's name, sent as `by` with every acknowledge and resolve until staff
 * accounts exist. Kept in localStorage so the tablet asks once, not at every alert.
 */
const KEY = 'vaka.staffName';
/** The service accepts 1–100 characters after trimming (AcknowledgeInput in the contract). */
export const MAX_NAME_LENGTH = 100;

export function normaliseName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  return name.length > 0 && name.length <= MAX_NAME_LENGTH ? name : null;
}

/** Storage can be missing or throw (private mode, disabled): the page still works without it. */
export function loadName(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): string | null {
  try {
    return normaliseName(storage?.getItem(KEY) ?? '');
  } catch {
    return null;
  }
}

export function saveName(name: string, storage: Pick<Storage, 'setItem'> | undefined = safeLocalStorage()): void {
  try {
    storage?.setItem(KEY, name);
  } catch {
    // Not kept across reloads; the page asks again next time. Nothing else depends on it.
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
