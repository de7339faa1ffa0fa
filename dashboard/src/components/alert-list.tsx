/** The open and acknowledged alerts, most severe first, then newest. */
import { useMemo, useRef } from 'preact/hooks';
import type { AlertActions } from '../alert-actions.js';
import { type AlertState, orderedAlerts } from '../alert-state.js';
import { useStrings } from '../use-strings.js';
import { AlertCard } from './alert-card.js';

export interface AlertListProps {
  state: AlertState;
  now: number;
  actions: AlertActions;
}

export function AlertList({ state, now, actions }: AlertListProps) {
  const t = useStrings();
  const heading = useRef<HTMLHeadingElement>(null);
  const alerts = useMemo(() => orderedAlerts(state), [state]);

  // A resolved alert's card (and the focused button in it) leaves the list; put keyboard
  // focus somewhere sensible instead of back at the top of the page.
  const withFocusKept = useMemo<AlertActions>(
    () => ({
      acknowledge: actions.acknowledge,
      addNote: actions.addNote,
      resolve: async (alert, resolution) => {
        const failure = await actions.resolve(alert, resolution);
        if (failure === null) heading.current?.focus();
        return failure;
      },
    }),
    [actions],
  );

  return (
    <section class="panel alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" ref={heading} tabIndex={-1}>
        {t.alerts.heading}
        {state.synced && <span class="count">{alerts.length}</span>}
      </h2>
      {!state.synced ? (
        <p class="placeholder">{t.alerts.loading}</p>
      ) : alerts.length === 0 ? (
        <p class="placeholder">{t.alerts.none}</p>
      ) : (
        <ul class="alert-list">
          {alerts.map((alert) => (
            <li key={alert.id}>
              <AlertCard
                alert={alert}
                now={now}
                actions={withFocusKept}
                provisional={state.provisional.has(alert.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
