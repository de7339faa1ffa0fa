/**
 * What an alert says, in the page's language: its explanation put into words, or, for an
 * alert raised before explanations existed, the service's English reason (marked `lang="en"`
 * so a screen reader pronounces it as English).
 */
import type { Alert } from '../../service/contract.js';
import type { Strings } from './i18n.js';
import { explanationText } from './i18n-explanations.js';

export interface AlertText {
  text: string;
  /** Set when the text is not in the page's language. */
  lang: 'en' | undefined;
}

export function alertText(alert: Pick<Alert, 'explanation' | 'reason'>, t: Strings): AlertText {
  if (alert.explanation === null) return { text: alert.reason, lang: 'en' };
  return { text: explanationText(alert.explanation, t.explanations), lang: undefined };
}
