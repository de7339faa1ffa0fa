/**
 * A cohort: the scenario's residents, each in a home built from a layout and equipment, living
 * their profile's days with the planned incidents, for a finite run. A ReadingSource: readings
 * come lazily in time order, the ground truth is complete at once. Same scenario (same seed),
 * same readings and truth, byte for byte.
 */
import type { PayloadFormat } from '../gateway/contract.js';
import type { Home, ProfileName, SimMessage, Topics } from './contract.js';
import { DEFAULT_TOPICS } from './contract.js';
import { createHomeContext, type HomeContext } from './home-context.js';
import { buildHome, residentName } from './homes.js';
import { type ExplicitDraft, planHome } from './incident-planner.js';
import { Equipment, type LayoutName } from './layouts.js';
import { addDays, hm, localToEpoch } from './local-time.js';
import { renderReading } from './payloads.js';
import type { HomePlan } from './plan.js';
import { createRng, deriveSeed, type Rng } from './random.js';
import {
  DEFAULT_EQUIPMENT_CHANCE,
  parseScenario,
  type ResidentMix,
  type Scenario,
  type ScenarioInput,
} from './scenario.js';
import { mergeByTime } from './schedule.js';
import type { ReadingSource } from './source.js';
import { homeStream } from './timeline.js';
import { truthRecords } from './truth.js';

export interface Cohort extends ReadingSource {
  readonly scenario: Scenario;
  readonly format: PayloadFormat;
  readonly end: number;
  /** Each home's plan (incidents with their behaviour details), by home id. */
  readonly plans: ReadonlyMap<string, HomePlan>;
  /** Every reading rendered as the MQTT message it becomes, in time order. */
  messages(topics?: Topics): Iterable<SimMessage>;
}

interface Resident {
  name: string;
  profile: ProfileName;
  layout: LayoutName;
  equipment: Equipment;
  timeZone: string;
}

/** Builds the cohort; throws ScenarioError for a bad scenario and PlanError for an explicit incident that cannot happen. */
export function createCohort(input: ScenarioInput | Scenario): Cohort {
  const scenario = parseScenario(input);
  const { seed, format } = scenario;
  const residents = Array.isArray(scenario.residents)
    ? scenario.residents.map((r, i) => ({
        name: r.name ?? residentName(i),
        profile: r.profile,
        layout: r.layout,
        equipment: Equipment.parse(r.equipment),
        timeZone: r.timeZone ?? scenario.timeZone,
      }))
    : mix(scenario.residents, scenario);
  const start = localToEpoch(scenario.start, 0, scenario.timeZone);
  const end = localToEpoch(addDays(scenario.start, scenario.days), 0, scenario.timeZone);
  const homes: Home[] = [];
  const contexts: HomeContext[] = [];
  const plans = new Map<string, HomePlan>();
  residents.forEach((resident, index) => {
    const home = buildHome({
      id: `${scenario.idPrefix}${index + 1}`,
      resident: resident.name,
      timeZone: resident.timeZone,
      layout: resident.layout,
      equipment: resident.equipment,
      profile: resident.profile,
      format,
    });
    const ctx = createHomeContext(home, seed, start, end);
    const explicit: ExplicitDraft[] = scenario.incidents.list.flatMap((spec, i) =>
      spec.resident === index + 1
        ? [
            {
              kind: spec.kind,
              label: `incidents.list[${i}]`,
              spec: {
                date: addDays(scenario.start, spec.day - 1),
                time: spec.at === undefined ? undefined : timeOf(spec.at),
                durationMin: spec.durationMin,
                days: spec.days,
                room: spec.room,
                device: spec.device,
                foundAfterHours: spec.foundAfterHours,
                meal: spec.meal,
                wearing: spec.wearing,
              },
            },
          ]
        : [],
    );
    plans.set(
      home.id,
      planHome(ctx, {
        rates: scenario.incidents.rates,
        explicit,
        foundAfterHours: scenario.incidents.foundAfterHours,
        hospitalDays: scenario.incidents.hospitalDays,
      }),
    );
    homes.push(home);
    contexts.push(ctx);
  });
  const truth = truthRecords(
    {
      source: 'simulator',
      seed,
      start,
      end,
      format,
      homes: homes.map((home) => ({ home, profile: home.profile ?? '' })),
    },
    new Map([...plans].map(([id, plan]) => [id, plan.incidents])),
  );
  const noise = scenario.noise;
  const cohort: Cohort = {
    scenario,
    format,
    homes,
    start,
    end,
    plans,
    readings: () =>
      mergeByTime(
        contexts.map((ctx) => homeStream(ctx, plans.get(ctx.home.id) as HomePlan, { noise, accel: format === 'vaka' })),
      ),
    truth: () => truth.map((record) => structuredClone(record)),
    *messages(topics: Topics = DEFAULT_TOPICS) {
      for (const r of cohort.readings()) yield renderReading(format, r.device, r.reading, r.at, topics);
    },
  };
  return cohort;
}

/** The residents of a mix: profiles and layouts shared out exactly, shuffled; equipment drawn per home. */
function mix(m: ResidentMix, scenario: Scenario): Resident[] {
  const rng = createRng(deriveSeed(scenario.seed, 'cohort'));
  const profiles = shuffle(apportion(m.count, m.profiles as Record<ProfileName, number>), rng);
  const layouts = shuffle(apportion(m.count, m.layouts as Record<LayoutName, number>), rng);
  return profiles.map((profile, i) => {
    const r = createRng(deriveSeed(scenario.seed, 'equipment', String(i)));
    const equipment = Object.fromEntries(
      (Object.keys(DEFAULT_EQUIPMENT_CHANCE) as (keyof Equipment)[]).map((item) => [
        item,
        r.chance(m.equipment[item] ?? DEFAULT_EQUIPMENT_CHANCE[item]),
      ]),
    ) as Equipment;
    return { name: residentName(i), profile, layout: layouts[i] ?? 'flat', equipment, timeZone: scenario.timeZone };
  });
}

/** `count` items shared out by weight, largest remainder first (ties in key order). */
export function apportion<K extends string>(count: number, weights: Partial<Record<K, number>>): K[] {
  const entries = (Object.entries(weights) as [K, number][]).filter(([, w]) => w > 0);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (total <= 0) throw new RangeError('a mix needs at least one positive weight');
  const shares = entries.map(([key, w]) => ({ key, exact: (count * w) / total }));
  const out: K[] = [];
  for (const s of shares) for (let i = 0; i < Math.floor(s.exact); i++) out.push(s.key);
  const rest = [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (let i = 0; out.length < count; i++) out.push((rest[i % rest.length] as { key: K }).key);
  return out;
}

function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function timeOf(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return hm(h ?? 0, m ?? 0);
}
