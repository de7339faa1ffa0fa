/**
 * One memory measurement in a fresh process (run with --expose-gc): Vaka's engine holding N
 * residents, each with a learned behaviour model and its devices watched. The model is learned
 * once, from van Kasteren house A (weeks of a real home), and imported for every resident as its
 * own parsed copy. Heap (V8 heap + external) and RSS are read after a full GC, before and after the
 * engine is built, so the homes and device directory (the registry's share) are not counted.
 * → { type: 'measure', residents, dataDir }  ← { type: 'memory', … }
 */
import { pino } from 'pino';
import { buildDirectory } from '../../evaluator/directory.js';
import type { ReplayEngine } from '../../evaluator/engine-surface.js';
import { vakaEngine } from '../../evaluator/vaka-engine.js';
import type { Engine } from '../../service/engine.js';
import { replayHouse } from '../phases/replay.js';
import { cohortOf } from './load.js';

const gc = (globalThis as { gc?: () => void }).gc;

function settle(): { heap: number; rss: number } {
  for (let i = 0; i < 3; i++) gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external, rss: m.rss };
}

process.on('message', async (message: { type: string; residents: number; dataDir?: string }) => {
  if (message.type !== 'measure') return;
  let learnedFrom: ReplayEngine | undefined;
  replayHouse('A', message.dataDir, (engine) => {
    learnedFrom = engine;
  });
  const learned = (learnedFrom as Engine | undefined)?.exportModels(true)[0];
  if (learned === undefined) throw new Error('house A left no learned model');
  const json = JSON.stringify(learned.state);
  learnedFrom = undefined;

  const homes = cohortOf({ residents: message.residents, seed: 2026 }).homes;
  const directory = buildDirectory(homes, 'vaka');
  const before = settle();
  const engine = vakaEngine().build({
    ctx: directory.ctx,
    log: pino({ level: 'silent' }),
    residents: directory.residents,
  }) as Engine;
  const now = Date.now();
  for (const device of directory.devices) engine.added(device, now);
  engine.importModels(homes.map((home) => ({ residentId: home.id, state: JSON.parse(json) as unknown })));
  // Measured after a turn of the event loop: until this function's frame is left, V8 may keep the
  // parsed import rows alive (measured: 82 KB per resident read at once, 42 KB after a turn).
  await new Promise((resolve) => setTimeout(resolve, 100));
  const after = settle();
  const exported = engine.exportModels(true).length;
  process.send?.({
    type: 'memory',
    residents: message.residents,
    devices: directory.devices.length,
    modelsHeld: exported,
    serialisedModelBytes: Buffer.byteLength(json),
    rssBytes: after.rss,
    engineBytes: after.heap - before.heap,
    bytesPerResident: (after.heap - before.heap) / message.residents,
    gcExposed: gc !== undefined,
  });
});
