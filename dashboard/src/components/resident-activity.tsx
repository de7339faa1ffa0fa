/** Today's activity, large, and the six days before it, compact, on the same scale. */
import { useMemo } from 'preact/hooks';
import type { ActivityGrid, Room } from '../../../service/contract.js';
import { dayCharts, peak } from '../activity-chart-data.js';
import { dayLabel } from '../durations.js';
import { useLocale } from '../use-strings.js';
import { ActivityChart, ChartLegend } from './activity-chart.js';

/** The clock hour at `now` in the homes' time zone (the chart's hours), not the viewer's. */
function hourIn(timeZone: string, now: number): number {
  return Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now));
}

export function ResidentActivity({ grid, rooms, now }: { grid: ActivityGrid; rooms: readonly Room[]; now: number }) {
  const { t, language } = useLocale();
  const r = t.pages.resident;
  const charts = useMemo(() => dayCharts(grid, rooms), [grid, rooms]);
  const max = peak(charts);
  const today = charts.at(-1);
  const before = charts.slice(0, -1).reverse();
  return (
    <section class="card" aria-labelledby="activity-heading">
      <div class="card-head">
        <h3 id="activity-heading">{r.activityHeading}</h3>
        <ChartLegend />
      </div>
      {today !== undefined && (
        <div class="day-block is-today">
          <h4>
            {r.today} <span class="day-total">· {r.dayTotal(today.total)}</span>
          </h4>
          {today.rows.length === 0 || today.total === 0 ? <p class="hint">{r.noActivityToday}</p> : null}
          {today.rows.length > 0 && (
            <ActivityChart
              chart={today}
              max={max}
              caption={r.chartCaption(r.today)}
              nowHour={hourIn(grid.timeZone, now)}
            />
          )}
        </div>
      )}
      <h4 class="week-heading">{r.daysHeading}</h4>
      <div class="week">
        {before.map((chart) => (
          <div class="day-block" key={chart.day}>
            <p class="day-name">
              <strong>{dayLabel(chart.day, language)}</strong>
              <span class="day-total">{r.dayTotal(chart.total)}</span>
            </p>
            {chart.rows.length > 0 && (
              <ActivityChart chart={chart} max={max} caption={r.chartCaption(dayLabel(chart.day, language))} compact />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
