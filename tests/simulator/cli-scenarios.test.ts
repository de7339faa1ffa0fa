import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_FOUND_AFTER_HOURS, DEFAULT_INCIDENT_RATES } from '../../simulator/cli-scenario.js';
import { createCohort, parseScenario, type Scenario } from '../../simulator/index.js';

const DIR = join(import.meta.dirname, '..', '..', 'simulator', 'scenarios');

function load(name: string): Scenario {
  const text = readFileSync(join(DIR, name), 'utf8');
  return parseScenario(name.endsWith('.json') ? JSON.parse(text) : parseYaml(text));
}

function kindsOf(scenario: Scenario): Set<string> {
  return new Set(
    createCohort(scenario)
      .truth()
      .flatMap((r) => (r.type === 'incident' ? [r.kind] : [])),
  );
}

describe('example scenarios (simulator/scenarios)', () => {
  it('cohort-20x60.yaml: 20 residents of mixed profiles for 60 days, at the default incident rates', () => {
    const scenario = load('cohort-20x60.yaml');
    expect(scenario).toMatchObject({ days: 60, residents: { count: 20 } });
    expect(Object.keys(Array.isArray(scenario.residents) ? {} : scenario.residents.profiles)).toHaveLength(5);
    expect(scenario.incidents.rates).toEqual(DEFAULT_INCIDENT_RATES);
    expect(scenario.incidents.foundAfterHours).toBe(DEFAULT_FOUND_AFTER_HOURS);
  });

  it('decline-20x90.yaml: the cohort for 90 days at the default rates, but most residents decline (TREND-1)', () => {
    const scenario = load('decline-20x90.yaml');
    expect(scenario).toMatchObject({ days: 90, residents: { count: 20 } });
    const { decline, ...others } = scenario.incidents.rates;
    const { decline: _usual, ...defaults } = DEFAULT_INCIDENT_RATES;
    expect(others).toEqual(defaults);
    // The chance a decline starts is rate × weeks: about 3 in 4 residents.
    expect((decline ?? 0) * (90 / 7)).toBeGreaterThan(0.7);
  });

  it('small-week.json: 3 residents for 7 days with an explicit list that plans, covering many kinds', () => {
    const scenario = load('small-week.json');
    expect(scenario).toMatchObject({ days: 7 });
    expect(scenario.residents).toHaveLength(3);
    const listed = new Set(scenario.incidents.list.map((i) => i.kind));
    expect(listed.size).toBeGreaterThanOrEqual(8);
    expect(scenario.incidents.rates).toEqual({});
    // Every listed incident is in the truth (PlanError otherwise), and nothing else but what follows from them.
    const planned = kindsOf(scenario);
    for (const kind of listed) expect(planned).toContain(kind);
  });

  it('expected-absences.yaml: away days, a hospital stay and visitors, none of which may page', () => {
    const scenario = load('expected-absences.yaml');
    const truth = createCohort(scenario).truth();
    const incidents = truth.flatMap((r) => (r.type === 'incident' ? [r] : []));
    expect(new Set(incidents.map((i) => i.kind))).toEqual(new Set(['away_day', 'hospital_stay', 'visitor_present']));
    expect(incidents.every((i) => i.expect === 'none' && i.deadline === null)).toBe(true);
  });
});
