/** [DAY-1] [TREND-1] What the model noticed over days and weeks: for the next visit, never an alarm. */
import type { Insight } from '../../../service/contract.js';
import { useStrings } from '../use-strings.js';

export function ResidentInsights({ insights }: { insights: Insight[] }) {
  const t = useStrings();
  const i = t.pages.resident.insights;
  const newestFirst = [...insights].reverse();
  return (
    <section class="card resident-insights" aria-labelledby="insights-heading">
      <h3 id="insights-heading">{i.heading}</h3>
      <p class="hint">{i.hint}</p>
      {newestFirst.length === 0 ? (
        <p>{i.none}</p>
      ) : (
        <ul>
          {newestFirst.map((insight) => (
            <li key={`${insight.ruleId}-${insight.date}`}>
              <strong>{t.alerts.rule[insight.ruleId] ?? insight.ruleId}</strong> · {insight.date}
              <p lang="en">{insight.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
