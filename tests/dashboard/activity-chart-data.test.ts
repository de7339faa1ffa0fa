import { describe, expect, it } from 'vitest';
import { chartRooms, dayCharts, hourTotals, level, peak } from '../../dashboard/src/activity-chart-data.js';
import type { ActivityGrid, Room } from '../../service/contract.js';

const KITCHEN = '20000000-0000-4000-8000-000000000002';
const BEDROOM = '20000000-0000-4000-8000-000000000003';
const GONE = '20000000-0000-4000-8000-000000000009';
const rooms: Room[] = [
  { id: KITCHEN, name: 'Kök', kind: 'kitchen' },
  { id: BEDROOM, name: 'Sovrum', kind: 'bedroom' },
];

function grid(cells: ActivityGrid['cells']): ActivityGrid {
  return {
    residentId: '10000000-0000-4000-8000-000000000001',
    timeZone: 'Europe/Stockholm',
    days: ['2026-11-19', '2026-11-20'],
    cells,
  };
}

describe('the activity chart', () => {
  it('bins cells into a row per room and a column per hour, one chart per day, today last', () => {
    const charts = dayCharts(
      grid([
        { day: '2026-11-19', hour: 7, roomId: KITCHEN, count: 4 },
        { day: '2026-11-20', hour: 7, roomId: KITCHEN, count: 2 },
        { day: '2026-11-20', hour: 22, roomId: BEDROOM, count: 1 },
      ]),
      rooms,
    );
    expect(charts.map((c) => [c.day, c.total])).toEqual([
      ['2026-11-19', 4],
      ['2026-11-20', 3],
    ]);
    const today = charts[1];
    // Bedroom before kitchen: rooms in the order a day moves through a home.
    expect(today?.rows.map((r) => r.label)).toEqual(['Sovrum', 'Kök']);
    expect(today?.rows[1]?.hours[7]).toBe(2);
    expect(today?.rows[0]?.hours[22]).toBe(1);
    expect(today?.rows[0]?.hours.reduce((a, b) => a + b)).toBe(1);
    expect(peak(charts)).toBe(4);
    expect(today && hourTotals(today)[7]).toBe(2);
  });

  it('adds one "no room" row for events with no room or a room since removed, on every day alike', () => {
    const charts = dayCharts(
      grid([
        { day: '2026-11-20', hour: 3, roomId: null, count: 1 },
        { day: '2026-11-20', hour: 3, roomId: GONE, count: 2 },
      ]),
      rooms,
    );
    for (const chart of charts) expect(chart.rows.map((r) => r.roomId)).toEqual([BEDROOM, KITCHEN, null]);
    expect(charts[1]?.rows[2]?.hours[3]).toBe(3);
  });

  it('has no extra row when every event has a room of the home', () => {
    const charts = dayCharts(grid([]), rooms);
    expect(charts.every((c) => c.rows.length === 2 && c.total === 0)).toBe(true);
  });

  it('shades a cell in four steps by its share of the busiest room-hour, and none for zero', () => {
    expect([0, 1, 25, 26, 50, 51, 75, 76, 100].map((n) => level(n, 100))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(level(3, 0)).toBe(0);
  });

  it('orders rooms by kind, then by name', () => {
    const list: Room[] = [
      { id: KITCHEN, name: 'Hall B', kind: 'hall' },
      { id: BEDROOM, name: 'Hall A', kind: 'hall' },
      { id: GONE, name: 'Badrum', kind: 'bathroom' },
    ];
    expect(chartRooms(list).map((r) => r.name)).toEqual(['Badrum', 'Hall A', 'Hall B']);
  });
});
