/** Events per hour: the resident's usual day as outlined bars, today's as filled bars in front. */
import { clockOfMinute } from '../durations.js';
import { useStrings } from '../use-strings.js';

const W = 28;
const H = 120;
const BASE = 20;

export function DayProfile({ usual, today }: { usual: readonly number[]; today: readonly number[] }) {
  const t = useStrings().pages.resident;
  const max = Math.max(1, ...usual, ...today);
  const bar = (n: number) => (n / max) * (H - 8);
  return (
    <figure class="day-profile">
      <svg viewBox={`0 0 ${24 * W} ${H + BASE}`} role="img" aria-label={t.profileCaption}>
        {usual.map((n, h) => (
          <g key={h}>
            <rect x={h * W + 3} y={H - bar(n)} width={W - 6} height={bar(n)} class="profile-usual">
              <title>{`${clockOfMinute(h * 60)} · ${t.usualDay}: ${n} · ${t.todaySoFar}: ${today[h] ?? 0}`}</title>
            </rect>
            <rect
              x={h * W + 8}
              y={H - bar(today[h] ?? 0)}
              width={W - 16}
              height={bar(today[h] ?? 0)}
              class="profile-today"
            />
            {h % 3 === 0 && (
              <text x={h * W + 2} y={H + 15} class="chart-hour">
                {clockOfMinute(h * 60)}
              </text>
            )}
          </g>
        ))}
        <line x1={0} x2={24 * W} y1={H} y2={H} class="profile-axis" />
      </svg>
      <figcaption class="profile-key">
        <span class="key-usual" aria-hidden="true" /> {t.usualDay}
        <span class="key-today" aria-hidden="true" /> {t.todaySoFar}
      </figcaption>
    </figure>
  );
}
