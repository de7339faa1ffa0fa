/** One alert: who, where, what, since when, its status, and the two things staff do with it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Alert } from '../../../service/contract.js';
import type { AlertActions } from '../alert-actions.js';
import { durationText } from '../relative-time.js';
import { useStrings } from '../use-strings.js';
import { AlertNotes } from './alert-notes.js';
import { AlertReason } from './alert-reason.js';
import { ResolveForm } from './resolve-form.js';
import { SeverityBadge } from './severity-badge.js';
import { TimeAgo } from './time-ago.js';

export interface AlertCardProps {
  alert: Alert;
  now: number;
  actions: AlertActions;
  /** Shown before the server could store it (its database is unreachable). */
  provisional?: boolean;
}

export function AlertCard({ alert, now, actions, provisional = false }: AlertCardProps) {
  const t = useStrings();
  const [acknowledging, setAcknowledging] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolveButton = useRef<HTMLButtonElement>(null);
  const focusResolve = useRef(false);
  const acknowledged = alert.status === 'acknowledged';
  const headingId = `alert-${alert.id}`;

  // After acknowledging (the button goes away) or cancelling a resolve (the form goes
  // away), keep keyboard focus on this card instead of dropping it to the page.
  useEffect(() => {
    if (focusResolve.current && resolveButton.current !== null) {
      focusResolve.current = false;
      resolveButton.current.focus();
    }
  });

  const acknowledge = async () => {
    setAcknowledging(true);
    setError(null);
    const failure = await actions.acknowledge(alert);
    setAcknowledging(false);
    setError(failure);
    if (failure === null) focusResolve.current = true;
  };

  const cancelResolve = () => {
    focusResolve.current = true;
    setResolving(false);
  };

  return (
    <article class={`alert-card severity-${alert.severity} status-${alert.status}`} aria-labelledby={headingId}>
      <div class="alert-head">
        <SeverityBadge severity={alert.severity} />
        <h3 id={headingId} class="alert-who">
          <span>{alert.residentName}</span>
          <span class="alert-room">{alert.roomName ?? t.alerts.roomUnknown}</span>
        </h3>
      </div>
      {t.alerts.rule[alert.ruleId] !== undefined && <p class="alert-title">{t.alerts.rule[alert.ruleId]}</p>}
      <AlertReason alert={alert} class="alert-reason" />
      {provisional && (
        <p class="alert-provisional" role="status">
          {t.alerts.provisional}
        </p>
      )}
      <dl class="alert-facts">
        <div>
          <dt>{t.alerts.detected}</dt>
          <dd>
            <TimeAgo iso={alert.detectedAt} now={now} clock />
          </dd>
        </div>
        {alert.occurrences > 1 && (
          <div>
            <dt>{t.alerts.repeated}</dt>
            <dd>
              <TimeAgo
                iso={alert.lastSeenAt}
                now={now}
                format={(ago) => t.alerts.occurrences(alert.occurrences, ago)}
              />
            </dd>
          </div>
        )}
      </dl>
      {alert.escalationLevel > 0 && alert.escalatedAt !== null && (
        <p class="alert-escalation">
          <span aria-hidden="true">▲ </span>
          <TimeAgo iso={alert.escalatedAt} now={now} format={(ago) => t.alerts.escalated(alert.escalationLevel, ago)} />
          {alert.audience === 'everyone' && ` · ${t.alerts.toEveryone}`}
        </p>
      )}
      <p class={`alert-status ${acknowledged ? 'is-acknowledged' : 'is-open'}`}>
        <span class="status-mark" aria-hidden="true">
          {acknowledged ? '✓' : '●'}
        </span>
        {acknowledged && alert.acknowledgedAt !== null ? (
          <TimeAgo
            iso={alert.acknowledgedAt}
            now={now}
            format={(ago) =>
              `${t.alerts.acknowledgedBy(alert.acknowledgedBy ?? '?', ago)} (${t.alerts.ackAfter(
                durationText(
                  Date.parse(alert.acknowledgedAt ?? alert.detectedAt) - Date.parse(alert.detectedAt),
                  t.time,
                ),
              )})`
            }
          />
        ) : acknowledged ? (
          t.alerts.acknowledged
        ) : (
          t.alerts.notAcknowledged
        )}
      </p>
      <AlertNotes alert={alert} now={now} onAdd={(text) => actions.addNote(alert, text)} />
      {error !== null && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {resolving ? (
        <ResolveForm onSubmit={(resolution) => actions.resolve(alert, resolution)} onCancel={cancelResolve} />
      ) : (
        <div class="actions">
          {!acknowledged && (
            <button
              type="button"
              class="button primary"
              // aria-disabled, not disabled: a disabled button drops keyboard focus.
              onClick={acknowledging ? undefined : acknowledge}
              aria-disabled={acknowledging}
              aria-busy={acknowledging}
            >
              {acknowledging ? t.alerts.acknowledging : t.alerts.acknowledge}
            </button>
          )}
          <button type="button" class="button" ref={resolveButton} onClick={() => setResolving(true)}>
            {t.alerts.resolve}
          </button>
        </div>
      )}
    </article>
  );
}
