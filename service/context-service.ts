/**
 * Away, hospital and visitor states set by staff: stored, and told to the behaviour model,
 * which holds back the at-home alerts they explain (away, hospital) or names the visitor in
 * its reasons. At start-up the ones still running are told to the model again.
 */
import type { ContextKind } from './contract.js';
import type { ContextsStore } from './store/contexts-store.js';

export interface ContextSink {
  setContext(residentId: string, context: { kind: ContextKind; until: number; note?: string } | undefined): void;
}

export class ContextService {
  constructor(
    private readonly store: ContextsStore,
    private readonly engine: ContextSink,
    private readonly now: () => number,
  ) {}

  /** Tells the model the contexts still running; call before events flow. */
  async restore(): Promise<number> {
    const active = await this.store.active(this.now());
    for (const c of active) this.engine.setContext(c.residentId, contextOf(c));
    return active.length;
  }

  /** False when there is no such resident. */
  async set(
    residentId: string,
    input: { kind: ContextKind; until: number; note: string | null },
    by: string,
  ): Promise<boolean> {
    const stored = await this.store.set({ residentId, ...input, by, at: this.now() });
    if (stored) this.engine.setContext(residentId, contextOf(input));
    return stored;
  }

  /** False when none was set. */
  async clear(residentId: string): Promise<boolean> {
    const cleared = await this.store.clear(residentId);
    this.engine.setContext(residentId, undefined);
    return cleared;
  }
}

function contextOf(c: { kind: ContextKind; until: number; note: string | null }) {
  return c.note === null ? { kind: c.kind, until: c.until } : { kind: c.kind, until: c.until, note: c.note };
}
