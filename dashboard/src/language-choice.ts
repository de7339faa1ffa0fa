/**
 * The language someone chose on this device, remembered across reloads; otherwise the
 * browser's own preference decides (i18n.ts pickLanguage).
 */
import { type Language, pickLanguage, strings } from './i18n.js';

const KEY = 'vaka.language';

export function initialLanguage(
  preferred: readonly string[],
  storage: Storage | undefined = globalThis.localStorage,
): Language {
  try {
    const saved = storage?.getItem(KEY);
    if (saved !== null && saved !== undefined && Object.hasOwn(strings, saved)) return saved as Language;
  } catch {
    // Storage can be blocked (private mode); the browser's preference still works.
  }
  return pickLanguage(preferred);
}

export function saveLanguage(language: Language, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
}
