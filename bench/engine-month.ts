/**
 * Engine speed: a month of one resident (hand-built days, tests/service/model/synthetic-home.ts)
 * through onEvent with a tick every simulated minute, and one tick over 10,000 residents.
 * Run: npx tsx bench/engine-month.ts
 */
import { DAY0, MIN, newEngine, ORDINARY, play, writeDays } from '../tests/service/model/synthetic-home.js';

const events = writeDays(DAY0, 30, ORDINARY, 1);
for (let round = 0; round < 3; round++) {
  const engine = newEngine();
  const started = performance.now();
  play(engine, events);
  const ms = performance.now() - started;
  console.log(`month of one resident: ${events.length} events + ${30 * 1440} ticks in ${ms.toFixed(0)} ms`);
}

const engine = newEngine();
const t0 = Date.UTC(2026, 2, 2, 8);
for (let i = 0; i < 10_000; i++) {
  engine.onEvent({
    deviceId: `m${i}`,
    residentId: `r${i}`,
    roomId: 'room-kit',
    sensorKind: 'motion',
    type: 'motion',
    value: true,
    eventTime: t0,
    receivedAt: t0,
  });
}
engine.tick(t0 + MIN);
const started = performance.now();
const ticks = 100;
for (let i = 2; i < 2 + ticks; i++) engine.tick(t0 + i * MIN);
console.log(
  `tick over 10,000 residents (10,000 devices watched): ${((performance.now() - started) / ticks).toFixed(2)} ms`,
);
