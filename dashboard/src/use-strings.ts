/** The UI strings of the page's language, for any component that shows text. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_LANGUAGE, type Language, type Strings, strings } from './i18n.js';

export interface Locale {
  language: Language;
  t: Strings;
  /** Switches the page's language (main.tsx provides it; absent in tests that render parts). */
  setLanguage?: ((language: Language) => void) | undefined;
}

export const LocaleContext = createContext<Locale>({ language: DEFAULT_LANGUAGE, t: strings[DEFAULT_LANGUAGE] });

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useStrings(): Strings {
  return useContext(LocaleContext).t;
}
