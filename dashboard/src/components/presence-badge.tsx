/** At home / out / asleep, by word and symbol (never colour alone). */
import type { Presence } from '../../../service/contract.js';
import { useStrings } from '../use-strings.js';

const SYMBOL: Record<Presence, string> = { home: '⌂', out: '↗', asleep: '☾', unknown: '?' };

export function PresenceBadge({ presence }: { presence: Presence }) {
  const t = useStrings().pages.presence;
  return (
    <span class={`presence presence-${presence}`}>
      <span class="presence-symbol" aria-hidden="true">
        {SYMBOL[presence]}
      </span>
      {t[presence]}
    </span>
  );
}
