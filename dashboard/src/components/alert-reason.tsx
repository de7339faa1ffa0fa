/** An alert's explanation in the page's language (alert-text.ts), or its English reason for an old alert. */
import type { Alert } from '../../../service/contract.js';
import { alertText } from '../alert-text.js';
import { useStrings } from '../use-strings.js';

export function AlertReason({ alert, class: className }: { alert: Alert; class?: string }) {
  const { text, lang } = alertText(alert, useStrings());
  return className === undefined ? (
    <span lang={lang}>{text}</span>
  ) : (
    <p class={className} lang={lang}>
      {text}
    </p>
  );
}
