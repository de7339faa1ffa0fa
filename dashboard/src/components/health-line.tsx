/** One line on whether the pipeline behind the alerts is working. */
import type { HealthView } from '../use-health.js';
import { useStrings } from '../use-strings.js';
import { TimeAgo } from './time-ago.js';

export function HealthLine({ view, now }: { view: HealthView; now: number }) {
  const t = useStrings();
  const { health, failed, checkedAt } = view;
  const status = health === null || failed ? 'unknown' : health.status;
  const label = status === 'ok' ? t.health.ok : status === 'degraded' ? t.health.degraded : t.health.unknown;
  const details =
    health === null || failed
      ? []
      : [
          t.health.database(health.database.ok),
          t.health.broker(health.broker.connected),
          ...(health.eventsPending > 0 ? [t.health.pending(health.eventsPending)] : []),
          ...(health.gateway.deadLetters > 0 ? [t.health.rejected(health.gateway.deadLetters)] : []),
        ];
  return (
    <p class={`health health-${status}`}>
      <span class="health-mark" aria-hidden="true">
        {status === 'ok' ? '●' : status === 'degraded' ? '▲' : '?'}
      </span>
      <strong>{label}</strong>
      {details.length > 0 && <span class="health-details"> · {details.join(' · ')}</span>}
      {checkedAt !== null && (
        <span class="health-checked">
          {' · '}
          <TimeAgo iso={new Date(checkedAt).toISOString()} now={now} format={t.health.checked} />
        </span>
      )}
    </p>
  );
}
