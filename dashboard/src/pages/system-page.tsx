/** Pipeline health for operators: broker, gateway, database, event rate, rejects, and how fast alerts reach people. */
import { useState } from 'preact/hooks';
import type { Health, Metrics, Percentiles } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { CardTable } from '../components/card-table.js';
import { LoadState } from '../components/load-state.js';
import { TimeAgo } from '../components/time-ago.js';
import { shortDuration } from '../durations.js';
import type { HealthView } from '../use-health.js';
import { useLoad } from '../use-load.js';
import { useLocale, useStrings } from '../use-strings.js';

export const METRICS_POLL_MS = 30_000; // ms
const WINDOWS = [24, 168, 720] as const;

export function SystemPage({ api, health, now }: { api: Api; health: HealthView; now: number }) {
  const { t, language } = useLocale();
  const s = t.pages.system;
  const [hours, setHours] = useState<number>(24);
  const metrics = useLoad(() => api.metrics(hours), `metrics:${hours}`, METRICS_POLL_MS);
  const deadLetters = useLoad(() => api.deadLetters(10), 'dead-letters', METRICS_POLL_MS);
  const h = health.health;
  return (
    <main class="page" id="main" tabIndex={-1}>
      <div class="page-head">
        <h2>{s.heading}</h2>
        {h !== null && (
          <p class={`status-pill status-${h.status}`}>
            <span aria-hidden="true">{h.status === 'ok' ? '● ' : '▲ '}</span>
            {s.overall[h.status]}
          </p>
        )}
        {h !== null && <p class="page-summary">{s.version(h.version, shortDuration(h.uptimeS * 1000, language))}</p>}
      </div>
      {h !== null && <Components health={h} />}
      <fieldset class="segmented">
        <legend>{s.window}</legend>
        {WINDOWS.map((w) => (
          <label key={w} class="choice">
            <input type="radio" name="window" value={w} checked={hours === w} onChange={() => setHours(w)} />
            {s.windows[w]}
          </label>
        ))}
      </fieldset>
      <LoadState loaded={metrics}>
        {(m) => (
          <div class="tile-grid">
            <AlertTimes metrics={m} now={now} />
            <Events metrics={m} health={h} />
            <section class="card" aria-labelledby="dead-heading">
              <h3 id="dead-heading">{s.deadLettersHeading}</h3>
              {m.deadLetters.total === 0 ? (
                <p class="hint">{s.deadLettersNone}</p>
              ) : (
                <dl class="facts">
                  {Object.entries(m.deadLetters.byReason).map(([reason, n]) => (
                    <Fact
                      key={reason}
                      label={s.reasons[reason as keyof typeof s.reasons] ?? reason}
                      value={String(n)}
                    />
                  ))}
                </dl>
              )}
            </section>
          </div>
        )}
      </LoadState>
      <LoadState loaded={deadLetters}>
        {(list) =>
          list.length === 0 ? null : (
            <CardTable id="latest-dead-heading" heading={s.latest} columns={[s.received_, s.reason, s.topic]}>
              {list.map((d) => (
                <tr key={d.id}>
                  <td class="nowrap">
                    <TimeAgo iso={d.receivedAt} now={now} clock />
                  </td>
                  <td>
                    {s.reasons[d.reason as keyof typeof s.reasons] ?? d.reason}
                    <span class="muted block">{d.detail}</span>
                  </td>
                  <td>
                    <code>{d.topic}</code>
                  </td>
                </tr>
              ))}
            </CardTable>
          )
        }
      </LoadState>
    </main>
  );
}

function Components({ health }: { health: Health }) {
  const s = useStrings().pages.system;
  const g = health.gateway;
  return (
    <div class="tile-grid">
      <section
        class={`card component ${health.broker.connected ? 'is-ok' : 'is-bad'}`}
        aria-labelledby="broker-heading"
      >
        <h3 id="broker-heading">
          {s.broker} <span class="muted">({s.brokerKind(health.broker.embedded)})</span>
        </h3>
        <p class="component-state">
          <span aria-hidden="true">{health.broker.connected ? '● ' : '■ '}</span>
          {health.broker.connected ? s.connected : s.disconnected}
        </p>
      </section>
      <section class={`card component ${health.database.ok ? 'is-ok' : 'is-bad'}`} aria-labelledby="db-heading">
        <h3 id="db-heading">
          {s.database} <span class="muted">({health.database.kind})</span>
        </h3>
        <p class="component-state">
          <span aria-hidden="true">{health.database.ok ? '● ' : '■ '}</span>
          {health.database.ok ? s.databaseOk : s.databaseFailing}
        </p>
      </section>
      <section class="card" aria-labelledby="gateway-heading">
        <h3 id="gateway-heading">{s.gateway}</h3>
        <dl class="facts">
          <Fact label={s.received} value={fmt(g.received)} />
          <Fact label={s.accepted} value={fmt(g.accepted)} />
          <Fact label={s.duplicates} value={fmt(g.duplicates)} />
          <Fact label={s.rejected} value={fmt(g.deadLetters)} warn={g.deadLetters > 0} />
          <Fact label={s.unclaimed} value={fmt(g.unclaimed)} />
        </dl>
      </section>
    </div>
  );
}

function Events({ metrics, health }: { metrics: Metrics; health: Health | null }) {
  const s = useStrings().pages.system;
  const rate = (n: number | null) => (n === null ? s.measuring : fmt(n));
  return (
    <section class="card" aria-labelledby="events-heading">
      <h3 id="events-heading">{s.eventsHeading}</h3>
      <p class={`big-number ${metrics.eventsPerMinute.last5Min === null ? 'is-pending' : ''}`}>
        {rate(metrics.eventsPerMinute.last5Min)}
        <span class="big-unit"> {s.rate5}</span>
      </p>
      <dl class="facts">
        <Fact label={s.rateHour} value={rate(metrics.eventsPerMinute.lastHour)} />
        {health !== null && <Fact label={s.stored} value={fmt(health.eventsStored)} />}
        {health !== null && (
          <Fact label={s.pending} value={fmt(health.eventsPending)} warn={health.eventsPending > 0} />
        )}
        {health !== null && <Fact label={s.screens} value={fmt(health.streamClients)} />}
      </dl>
    </section>
  );
}

function AlertTimes({ metrics, now }: { metrics: Metrics; now: number }) {
  const s = useStrings().pages.system;
  const a = metrics.alerts;
  return (
    <section class="card wide" aria-labelledby="alert-times-heading">
      <h3 id="alert-times-heading">{s.alertsHeading}</h3>
      <p class={`unacked ${a.openUnacknowledged > 0 ? 'is-bad' : 'is-ok'}`}>
        <span aria-hidden="true">{a.openUnacknowledged > 0 ? '▲ ' : '● '}</span>
        {s.unacknowledged(a.openUnacknowledged)}
        {a.oldestUnacknowledgedAt !== null && (
          <>
            {' · '}
            {s.oldestUnacknowledged} <TimeAgo iso={a.oldestUnacknowledgedAt} now={now} clock />
          </>
        )}
      </p>
      <div class="latency-grid">
        <Latency title={s.delivery} p={a.delivery} raised={a.raised} />
        <Latency title={s.acknowledgement} p={a.acknowledgement} raised={a.raised} />
      </div>
    </section>
  );
}

function Latency({ title, p, raised }: { title: string; p: Percentiles; raised: number }) {
  const { t, language } = useLocale();
  const s = t.pages.system;
  return (
    <div class="latency">
      <h4>{title}</h4>
      <p class="big-number">
        {shortDuration(p.p50Ms, language)}
        <span class="big-unit"> {s.median}</span>
      </p>
      <dl class="facts">
        <Fact label={s.p90} value={shortDuration(p.p90Ms, language)} />
        <Fact label={s.slowest} value={shortDuration(p.maxMs, language)} />
        <Fact label={s.raised} value={`${p.count} / ${s.count(raised)}`} />
      </dl>
    </div>
  );
}

function Fact({ label, value, warn = false }: { label: string; value: string; warn?: boolean }) {
  return (
    <div class={warn ? 'warn' : ''}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Numbers grouped the page's way ("12 345" in Swedish, "12,345" in English). */
function fmt(n: number): string {
  return n.toLocaleString(document.documentElement.lang || undefined);
}
