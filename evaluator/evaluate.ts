/**
 * Runs each engine over each source of a group, scores it, and combines the runs of the group:
 * what the CLI prints and writes. Deterministic except the wall-clock timings.
 */
import type { EngineSpec } from './engine-surface.js';
import { combineInsights, type InsightPart, type InsightScore, scoreInsights } from './insight-score.js';
import { replayEngine, type StaffStats } from './replay-engine.js';
import { combineScores, type EngineScore, type PartScore, scoreAlerts } from './score.js';
import type { EvalSource } from './sources.js';

export interface ReplayTotals {
  runs: number;
  messages: number;
  events: number;
  /** Both should be 0: every rendered message decoded and every device found. */
  deadLetters: number;
  unclaimed: number;
  simulatedDays: number;
  wallMs: number;
  /** The slowest single replay, with its source's name. */
  slowest: { name: string; wallMs: number; simulatedDays: number } | null;
  /** With staff in the loop: contexts registered and outcomes fed back, over all runs. */
  staff?: StaffStats | undefined;
}

export interface EngineRun {
  engine: string;
  score: EngineScore;
  replay: ReplayTotals;
  /** Day-level insights (DAY-1, TREND-1) of an engine that has them. */
  insights?: InsightScore | undefined;
}

export interface GroupReport {
  name: string;
  description: string;
  engines: EngineRun[];
  /** Runs that could not be made, in plain words. */
  skipped: string[];
}

export interface GroupOptions {
  tickMs?: number;
  staffResolveMs?: number;
  /** Called after each replay, e.g. to show progress. */
  onReplay?: (source: string, engine: string, wallMs: number) => void;
}

const DAY_MS = 86_400_000;

export function evaluateGroup(
  name: string,
  description: string,
  sources: readonly EvalSource[],
  engines: readonly EngineSpec[],
  options: GroupOptions = {},
  skipped: readonly string[] = [],
): GroupReport {
  return {
    name,
    description,
    skipped: [...skipped],
    engines: engines.map((engine) => {
      const parts: PartScore[] = [];
      const insightParts: InsightPart[] = [];
      const totals: ReplayTotals = {
        runs: 0,
        messages: 0,
        events: 0,
        deadLetters: 0,
        unclaimed: 0,
        simulatedDays: 0,
        wallMs: 0,
        slowest: null,
      };
      for (const s of sources) {
        const result = replayEngine(s.source, s.truth, {
          engine,
          ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
          ...(options.staffResolveMs === undefined ? {} : { staffResolveMs: options.staffResolveMs }),
          ...(s.labelOf === undefined ? {} : { labelOf: s.labelOf }),
        });
        const stats = result.stats;
        options.onReplay?.(s.name, engine.name, stats.wallMs);
        parts.push({
          score: scoreAlerts(s.truth, result.alerts),
          incidents: s.use !== 'false-alerts',
          falseAlerts: s.use !== 'incidents',
        });
        if (result.insights !== null) {
          insightParts.push({
            score: scoreInsights(s.truth, result.insights),
            incidents: s.use !== 'false-alerts',
            falseAlerts: s.use !== 'incidents',
          });
        }
        const days = stats.simulatedMs / DAY_MS;
        totals.runs++;
        totals.messages += stats.messages;
        totals.events += stats.events;
        totals.deadLetters += stats.deadLetters;
        totals.unclaimed += stats.unclaimed;
        totals.simulatedDays += days;
        totals.wallMs += stats.wallMs;
        if (stats.staff !== undefined) totals.staff = addStaff(totals.staff, stats.staff);
        if (totals.slowest === null || stats.wallMs > totals.slowest.wallMs) {
          totals.slowest = { name: s.name, wallMs: stats.wallMs, simulatedDays: days };
        }
      }
      const insights = insightParts.length === 0 ? undefined : combineInsights(insightParts);
      return { engine: engine.name, score: combineScores(parts), replay: totals, insights };
    }),
  };
}

function addStaff(a: StaffStats | undefined, b: StaffStats): StaffStats {
  if (a === undefined) return { contexts: b.contexts, outcomes: { ...b.outcomes } };
  return {
    contexts: a.contexts + b.contexts,
    outcomes: {
      confirmed: a.outcomes.confirmed + b.outcomes.confirmed,
      false_alarm: a.outcomes.false_alarm + b.outcomes.false_alarm,
      expected: a.outcomes.expected + b.outcomes.expected,
    },
  };
}
