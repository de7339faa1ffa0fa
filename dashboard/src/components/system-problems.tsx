/**
 * Problems with Vaka itself (database, broker): shown above the alerts as technical alerts,
 * because an alarm chain that is broken is itself something staff must know about now.
 */
import type { SystemProblem } from '../../../service/contract.js';
import { useStrings } from '../use-strings.js';
import { TimeAgo } from './time-ago.js';

export function SystemProblems({ problems, now }: { problems: SystemProblem[]; now: number }) {
  const t = useStrings();
  if (problems.length === 0) return null;
  return (
    <section class="system-problems" aria-label={t.system.heading} role="alert">
      {problems.map((p) => (
        <article key={p.kind} class="alert-card severity-technical system-problem">
          <p class="alert-title">
            <span aria-hidden="true">⚠ </span>
            {t.system.kind[p.kind]}
          </p>
          <p class="alert-reason">{t.system.detail[p.kind]}</p>
          <p class="alert-status">
            <TimeAgo iso={p.since} now={now} clock format={t.system.since} />
          </p>
        </article>
      ))}
    </section>
  );
}
