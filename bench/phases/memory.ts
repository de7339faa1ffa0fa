/** Memory against the number of residents: one fresh process per size (bench/lib/memory-child.ts). */
import { forkModule, type IpcMessage } from '../lib/child.js';

export interface MemoryFigures {
  residents: number;
  devices: number;
  modelsHeld: number;
  serialisedModelBytes: number;
  rssBytes: number;
  engineBytes: number;
  bytesPerResident: number;
  gcExposed: boolean;
}

export async function memoryBySize(sizes: readonly number[], dataDir: string | undefined): Promise<MemoryFigures[]> {
  const out: MemoryFigures[] = [];
  for (const residents of sizes) {
    const child = forkModule('lib/memory-child.ts', ['--expose-gc', '--max-old-space-size=8192']);
    try {
      child.send({ type: 'measure', residents, ...(dataDir === undefined ? {} : { dataDir }) });
      out.push((await child.next<IpcMessage & MemoryFigures>('memory', 600_000)) as MemoryFigures);
    } finally {
      await child.close();
    }
  }
  return out;
}
