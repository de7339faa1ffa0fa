/**
 * One day of activity as a room × hour grid drawn in plain SVG: a darker cell is more
 * activity. Every cell has a text equivalent (its <title>), and the shade steps are also
 * told apart by a dot size, so the chart does not rest on telling shades apart.
 */
import { type DayChart, level } from '../activity-chart-data.js';
import { clockOfMinute } from '../durations.js';
import { useStrings } from '../use-strings.js';

export interface ActivityChartProps {
  chart: DayChart;
  max: number;
  caption: string;
  /** Compact rows for the week view. */
  compact?: boolean;
  /** The current hour, marked on today's chart. */
  nowHour?: number | undefined;
}

const LABEL_W = 150;
const CELL_W = 32;
const HEAD_H = 22;
const DOT: Record<number, number> = { 0: 0, 1: 0, 2: 0, 3: 0.18, 4: 0.28 };

export function ActivityChart({ chart, max, caption, compact = false, nowHour }: ActivityChartProps) {
  const t = useStrings().pages;
  const cellH = compact ? 16 : 34;
  const head = compact ? 0 : HEAD_H;
  const width = LABEL_W + 24 * CELL_W;
  const height = head + chart.rows.length * cellH;
  return (
    <svg
      class={`activity-chart ${compact ? 'is-compact' : ''}`}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={caption}
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{caption}</title>
      {!compact &&
        Array.from({ length: 8 }, (_, i) => i * 3).map((hour) => (
          <text key={hour} x={LABEL_W + hour * CELL_W + 2} y={15} class="chart-hour">
            {clockOfMinute(hour * 60)}
          </text>
        ))}
      {chart.rows.map((row, r) => {
        const y = head + r * cellH;
        const label = row.label ?? t.common.noRoom;
        return (
          <g key={row.roomId ?? 'none'}>
            <text x={LABEL_W - 8} y={y + cellH / 2 + (compact ? 4 : 5)} class="chart-room" text-anchor="end">
              {label}
            </text>
            {row.hours.map((count, hour) => {
              const l = level(count, max);
              const x = LABEL_W + hour * CELL_W;
              return (
                <g key={hour}>
                  <rect
                    x={x + 1}
                    y={y + 1}
                    width={CELL_W - 2}
                    height={cellH - 2}
                    rx={3}
                    class={`chart-cell level-${l}`}
                  >
                    <title>{t.resident.cellLabel(label, clockOfMinute(hour * 60), count)}</title>
                  </rect>
                  {(DOT[l] ?? 0) > 0 && !compact && (
                    <circle cx={x + CELL_W / 2} cy={y + cellH / 2} r={(DOT[l] ?? 0) * CELL_W * 0.5} class="chart-dot" />
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
      {nowHour !== undefined && (
        <line
          x1={LABEL_W + nowHour * CELL_W + CELL_W}
          x2={LABEL_W + nowHour * CELL_W + CELL_W}
          y1={head}
          y2={height}
          class="chart-now"
        />
      )}
    </svg>
  );
}

/** The shade scale, from few to many. */
export function ChartLegend() {
  const t = useStrings().pages.resident;
  return (
    <p class="chart-legend" aria-hidden="true">
      <span>{t.legendFew}</span>
      {[1, 2, 3, 4].map((l) => (
        <span key={l} class={`legend-swatch level-${l}`} />
      ))}
      <span>{t.legendMany}</span>
    </p>
  );
}
