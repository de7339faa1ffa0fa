/**
 * The resident page's chart: the activity grid from the service binned into rows (rooms)
 * × columns (hours) for one day, and per-hour totals across the days. Pure, so the binning
 * is a unit test; activity-chart.tsx only draws.
 */
import type { ActivityGrid, Room } from '../../service/contract.js';

export interface ChartRow {
  /** A room id, or null for events with no room. */
  roomId: string | null;
  label: string | null;
  /** 24 counts, one per local clock hour. */
  hours: number[];
}

export interface DayChart {
  day: string;
  rows: ChartRow[];
  total: number;
}

const zeros = () => new Array<number>(24).fill(0);

/** Rooms in the order a day moves through a home, so charts of different homes read alike. */
const KIND_ORDER: Readonly<Record<string, number>> = {
  bedroom: 0,
  bathroom: 1,
  kitchen: 2,
  living_room: 3,
  hall: 4,
  entrance: 5,
  outdoor: 6,
  other: 7,
};

export function chartRooms(rooms: readonly Room[]): Room[] {
  return [...rooms].sort(
    (a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.name.localeCompare(b.name),
  );
}

/**
 * One chart per day of the grid, each with a row per room of the home (bedroom first, see
 * chartRooms; then a "no room" row if any event had none), so the days line up under each other.
 */
export function dayCharts(grid: ActivityGrid, rooms: readonly Room[]): DayChart[] {
  const hasUnroomed = grid.cells.some((c) => c.roomId === null || !rooms.some((r) => r.id === c.roomId));
  const template: { roomId: string | null; label: string | null }[] = [
    ...chartRooms(rooms).map((r) => ({ roomId: r.id, label: r.name })),
    ...(hasUnroomed ? [{ roomId: null, label: null }] : []),
  ];
  const known = new Set(rooms.map((r) => r.id));
  return grid.days.map((day) => {
    const rows = template.map((t) => ({ ...t, hours: zeros() }));
    let total = 0;
    for (const cell of grid.cells) {
      if (cell.day !== day) continue;
      const key = cell.roomId !== null && known.has(cell.roomId) ? cell.roomId : null;
      const row = rows.find((r) => r.roomId === key);
      if (row === undefined) continue;
      row.hours[cell.hour] = (row.hours[cell.hour] ?? 0) + cell.count;
      total += cell.count;
    }
    return { day, rows, total };
  });
}

/** The largest count in one room-hour over all days: the chart's full colour. */
export function peak(charts: readonly DayChart[]): number {
  let max = 0;
  for (const chart of charts) for (const row of chart.rows) for (const n of row.hours) max = Math.max(max, n);
  return max;
}

/** Events per hour of one day, all rooms together. */
export function hourTotals(chart: DayChart): number[] {
  const totals = zeros();
  for (const row of chart.rows) for (let h = 0; h < 24; h++) totals[h] = (totals[h] ?? 0) + (row.hours[h] ?? 0);
  return totals;
}

/**
 * 0 for none, else 1–4 by the count's share of the peak, so a cell's shade (and its
 * pattern for those who cannot tell shades apart) says "a little" to "a lot".
 */
export function level(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  const share = count / max;
  return share > 0.75 ? 4 : share > 0.5 ? 3 : share > 0.25 ? 2 : 1;
}
