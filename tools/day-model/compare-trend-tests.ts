/**
 * `npx tsx tools/day-model/compare-trend-tests.ts [--scenario FILE]`: how TREND-1's form was
 * chosen. Collects every resident's finished days of a cohort (default the decline cohort),
 * then replays a trend test over every day from the 28th: windows (recent vs before), which
 * measures are combined (Stouffer's z of one-sided Mann–Whitney tests) and the threshold. A
 * decline is found on the first day the test fires after its onset; a day on which it fires
 * with no decline under way is a false day. Results go into docs/day-model.md.
 */
import { parseArgs } from 'node:util';
import { readScenario } from '../../evaluator/sources.js';
import { type DayRecord, totalOf } from '../../service/model/day/day-profile.js';
import { median } from '../../service/model/day/day-vector.js';
import { rankZ } from '../../service/model/day/trend.js';
import { GROUP_INDEX } from '../../service/model/rooms.js';
import { createCohort } from '../../simulator/index.js';
import { collectDays } from './collect-days.js';

const { values } = parseArgs({
  options: { scenario: { type: 'string', default: 'simulator/scenarios/decline-20x90.yaml' } },
});

type Measure = [name: string, value: (d: DayRecord) => number | undefined, direction: 1 | -1];
const HOURS = 24;
const sumGroup = (d: DayRecord, g: number) => d.counts.slice(g * HOURS, (g + 1) * HOURS).reduce((a, b) => a + b, 0);
/** In order: the first n are combined. */
const MEASURES: Measure[] = [
  ['activity', totalOf, -1],
  ['night toilet visits', (d) => d.nightBath, 1],
  ['getting up', (d) => d.wakeMin ?? undefined, 1],
  ['time out', (d) => d.outMin, -1],
  ['sitting (living room time)', (d) => d.stayMin[GROUP_INDEX.living], 1],
  ['hall activity', (d) => sumGroup(d, GROUP_INDEX.hall), -1],
  ['bathroom visit length', (d) => (d.bathStays > 0 ? d.bathMin / d.bathStays : undefined), 1],
];
const FORMS: [recent: number, before: number, threshold: number, measures: number][] = [
  [7, 21, 3.1, 3],
  [14, 21, 3.1, 3],
  [21, 21, 3.1, 3],
  [14, 28, 2.5, 3],
  [14, 28, 2.8, 3],
  [14, 28, 3.1, 3],
  [14, 28, 3.1, 2],
  [14, 28, 3.1, 4],
  [14, 28, 3.1, 5],
  [14, 28, 3.5, 7],
];

const valuesOf = (days: readonly DayRecord[], f: Measure[1]) =>
  days.flatMap((d) => {
    const v = f(d);
    return v === undefined ? [] : [v];
  });

function main() {
  const scenario = readScenario(values.scenario);
  const truth = createCohort(scenario).truth();
  const onset = new Map<string, number>();
  for (const r of truth) {
    if (r.type === 'incident' && r.kind === 'decline')
      onset.set(r.homeId, Math.floor((Date.parse(r.start) + 12 * 3_600_000) / 86_400_000));
  }
  const byResident = new Map<string, DayRecord[]>();
  for (const d of collectDays(scenario))
    byResident.set(d.residentId, [...(byResident.get(d.residentId) ?? []), d.record]);

  const lines = [
    `${values.scenario}: ${byResident.size} residents, ${onset.size} declining. Measures in order: ${MEASURES.map((m) => m[0]).join(', ')}.`,
    '',
    '| recent vs before (days) | first n measures combined | threshold z | declines found | median days to find | false days |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [recentN, beforeN, threshold, n] of FORMS) {
    let found = 0;
    let falseDays = 0;
    let quietDays = 0;
    const delays: number[] = [];
    for (const [id, days] of byResident) {
      const start = onset.get(id);
      let first: number | undefined;
      for (let i = recentN + 14; i <= days.length; i++) {
        const history = days.slice(Math.max(0, i - 42), i);
        const recent = history.slice(-recentN);
        const before = history.slice(-(recentN + beforeN), -recentN);
        if (before.length < 14) continue;
        let z = 0;
        for (const [, f, direction] of MEASURES.slice(0, n))
          z += direction * rankZ(valuesOf(recent, f), valuesOf(before, f));
        z /= Math.sqrt(n);
        const day = history.at(-1)?.day ?? 0;
        const under = start !== undefined && day >= start;
        if (!under) quietDays++;
        if (z < threshold) continue;
        if (!under) falseDays++;
        else if (first === undefined && start !== undefined) first = day - start;
      }
      if (first !== undefined) {
        found++;
        delays.push(first);
      }
    }
    lines.push(
      `| ${recentN} vs ${beforeN} | ${n} (${MEASURES.slice(0, n)
        .map((m) => m[0])
        .join(
          ', ',
        )}) | ${threshold} | ${found}/${onset.size} | ${delays.length === 0 ? '–' : median(delays)} | ${falseDays}/${quietDays} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
