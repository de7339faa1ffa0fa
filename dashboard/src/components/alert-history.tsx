/** A resident's alerts, newest first, with who acknowledged, how fast, and the outcome. */
import type { Alert } from '../../../service/contract.js';
import { shortDuration } from '../durations.js';
import { CLOCK_24H } from '../relative-time.js';
import { useLocale } from '../use-strings.js';
import { AlertReason } from './alert-reason.js';
import { SeverityBadge } from './severity-badge.js';

export function AlertHistory({ alerts }: { alerts: readonly Alert[] }) {
  const { t, language } = useLocale();
  const r = t.pages.resident;
  if (alerts.length === 0) return <p class="hint">{r.noAlerts}</p>;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{r.columns.when}</th>
            <th scope="col">{r.columns.what}</th>
            <th scope="col">{r.columns.severity}</th>
            <th scope="col">{r.columns.handled}</th>
            <th scope="col">{r.columns.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id}>
              <td class="nowrap">
                <time dateTime={a.detectedAt}>{whenText(a.detectedAt, language)}</time>
              </td>
              <td>
                <AlertReason alert={a} />
                {a.roomName !== null && <span class="muted"> · {a.roomName}</span>}
              </td>
              <td>
                <SeverityBadge severity={a.severity} />
              </td>
              <td>
                {a.acknowledgedAt === null ? (
                  <span class={a.status === 'open' ? 'strong warn' : 'muted'}>{r.notAcknowledged}</span>
                ) : (
                  r.ackAfter(
                    a.acknowledgedBy ?? '—',
                    shortDuration(Date.parse(a.acknowledgedAt) - Date.parse(a.detectedAt), language),
                  )
                )}
              </td>
              <td>{a.outcome === null ? <span class="strong">{r.open}</span> : t.resolve.outcome[a.outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "23 Nov 2026, 15:40": the day and the minute are what a history is read by. */
function whenText(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...CLOCK_24H }).format(
    Date.parse(iso),
  );
}
