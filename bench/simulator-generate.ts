/**
 * How fast the simulator generates a cohort, rendered to MQTT messages but not published:
 * 20 residents × 60 days in each payload format, and 2,000 residents × 1 day read lazily, with
 * the heap sampled along the way (run with `node --expose-gc` for heap after collection).
 *
 *   npx tsx bench/simulator-generate.ts
 *   NODE_OPTIONS=--expose-gc npx tsx bench/simulator-generate.ts
 */
import type { PayloadFormat } from '../gateway/contract.js';
import { createCohort, type ScenarioInput } from '../simulator/index.js';

/** A busy but plausible incident mix, per resident-week. */
const RATES: NonNullable<ScenarioInput['incidents']>['rates'] = {
  fall_no_recovery: 0.02,
  fall_recovered: 0.1,
  help_button: 0.2,
  prolonged_inactivity: 0.05,
  long_bathroom_stay: 0.05,
  night_wandering: 0.1,
  night_exit_no_return: 0.01,
  missed_morning_routine: 0.05,
  missed_meal: 0.05,
  decline: 0.02,
  sensor_silent: 0.05,
  battery_low: 0.02,
  away_day: 0.2,
  hospital_stay: 0.02,
  visitor_present: 0.2,
};

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

interface Result {
  label: string;
  residentDays: number;
  messages: number;
  bytes: number;
  planMs: number;
  generateMs: number;
  peakHeapMb: number;
}

function run(label: string, residents: number, days: number, format: PayloadFormat): Result {
  const started = performance.now();
  const cohort = createCohort({
    seed: 2025,
    start: '2025-03-03',
    days,
    format,
    residents: { count: residents },
    incidents: { rates: RATES, foundAfterHours: 8 },
  });
  const planned = performance.now();
  let messages = 0;
  let bytes = 0;
  let peakHeapMb = heapMb();
  const sampleEvery = 250_000;
  for (const message of cohort.messages()) {
    messages++;
    bytes += message.topic.length + message.payload.length;
    if (messages % sampleEvery === 0) peakHeapMb = Math.max(peakHeapMb, heapMb());
  }
  const done = performance.now();
  return {
    label,
    residentDays: residents * days,
    messages,
    bytes,
    planMs: planned - started,
    generateMs: done - planned,
    peakHeapMb,
  };
}

function report(r: Result): void {
  const seconds = (r.planMs + r.generateMs) / 1000;
  const lines = [
    `${r.label}`,
    `  ${r.messages.toLocaleString('en')} messages, ${(r.bytes / 1e6).toFixed(0)} MB of topic+payload`,
    `  plan ${r.planMs.toFixed(0)} ms, generate+render ${(r.generateMs / 1000).toFixed(2)} s, total ${seconds.toFixed(2)} s`,
    `  ${Math.round(r.messages / seconds).toLocaleString('en')} messages/s, ${(r.residentDays / seconds).toFixed(0)} resident-days/s`,
    `  heap ${gc === undefined ? 'sampled (no --expose-gc, includes garbage)' : 'after GC'}: peak ${r.peakHeapMb.toFixed(0)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

report(run('20 residents × 60 days, Zigbee2MQTT', 20, 60, 'z2m'));
report(run('20 residents × 60 days, Vaka native (with accelerometer windows)', 20, 60, 'vaka'));
report(run('2,000 residents × 1 day, Zigbee2MQTT, read lazily', 2000, 1, 'z2m'));
