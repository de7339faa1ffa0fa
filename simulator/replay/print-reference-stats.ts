/**
 * Prints the reference numbers of the van Kasteren / MIT houses as Markdown tables, for
 * docs/replay.md and the simulator's realism summary:
 *   npx tsx simulator/replay/print-reference-stats.ts [data folder]
 * The folder defaults to ../shared/data/vankasteren next to the repository.
 */
import { type OnEvent, onEvents, type ReferenceStats, referenceStats } from './reference-stats.js';
import { defaultVanKasterenDir, loadVanKasteren, VAN_KASTEREN_HOUSES } from './vankasteren-dataset.js';

const ROOM_KINDS = ['bedroom', 'bathroom', 'kitchen', 'living_room', 'hall', 'entrance', 'other'];
const SENSOR_KINDS = ['door', 'motion', 'bed', 'chair', 'power_plug', 'other'];

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function main(): void {
  const dataDir = process.argv[2] ?? defaultVanKasterenDir();
  const houses = VAN_KASTEREN_HOUSES.map((house) => {
    const { dataset, mapping } = loadVanKasteren(house, { dataDir });
    const events: OnEvent[] = onEvents(dataset, mapping);
    const stats: ReferenceStats = referenceStats(events);
    return { house, stats };
  });
  const cell = (value: number | undefined) => (value === undefined ? '–' : String(value));
  const out = [
    `Measured from ${dataDir} by simulator/replay/print-reference-stats.ts.`,
    '',
    table(
      [
        'house',
        'whole days',
        'events/day',
        'first activity of the morning (median)',
        'night events 00–06 (all / outside the bedroom)',
        'bathroom visits/day',
      ],
      houses.map(({ house, stats }) => [
        house,
        String(stats.days),
        String(stats.eventsPerDay),
        `${stats.firstMorningActivity ?? '–'} (${stats.mornings} mornings)`,
        `${stats.nightEventsPerNight} / ${stats.nightEventsOutsideBedroom}`,
        String(stats.bathroomVisitsPerDay),
      ]),
    ),
    '',
    'Events per day by room kind:',
    '',
    table(
      ['house', ...ROOM_KINDS],
      houses.map(({ house, stats }) => [house, ...ROOM_KINDS.map((k) => cell(stats.byRoomKind[k]))]),
    ),
    '',
    'Events per day by sensor kind:',
    '',
    table(
      ['house', ...SENSOR_KINDS],
      houses.map(({ house, stats }) => [house, ...SENSOR_KINDS.map((k) => cell(stats.bySensorKind[k]))]),
    ),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
