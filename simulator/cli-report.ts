/**
 * What a run or a generation says at the end: how many messages went out and what became of
 * them, the realism summary, the incidents injected, and the chaos report when chaos was on.
 */
import type { ChaosReport } from './chaos/index.js';
import { formatChaosReport } from './chaos/index.js';
import type { IncidentKind } from './contract.js';
import { formatRealismSummary, formatSimSpan, formatWallSpan, type RealismSummary } from './report/index.js';

export interface RunReport {
  /** `generated` (to a file or counted) or `published` (to a broker). */
  verb: 'generated' | 'published';
  /** Readings turned into messages (before chaos). */
  readings: number;
  /** Broker counters, for a published run. */
  broker?: { published: number; acked: number; failed: number };
  /** Readings not sent because the resident had fallen (a triggered fall). */
  suppressed?: number;
  /** Where messages went, for a generated run. */
  out?: { path: string; lines: number } | undefined;
  simulatedMs: number;
  wallMs: number;
  seed: number;
  /** Incidents triggered while running (keys, control topic). */
  triggered?: Readonly<Record<IncidentKind, number>>;
  truth?: { path: string; records: number } | undefined;
  /** The run ended before its end (Ctrl-C, q): rates in the summary are over the whole run. */
  stoppedEarly?: boolean;
  realism: RealismSummary;
  chaos?: ChaosReport | undefined;
}

const n = (x: number) => x.toLocaleString('en-US');

export function formatRunReport(r: RunReport): string {
  const rate = r.wallMs > 0 ? ` (${n(Math.round((r.readings * 1000) / r.wallMs))} msg/s)` : '';
  const lines = [
    '',
    `done: ${n(r.readings)} messages ${r.verb}, ${formatSimSpan(r.simulatedMs)} simulated in ${formatWallSpan(r.wallMs)}${rate}, seed ${r.seed}`,
  ];
  if (r.broker !== undefined) {
    const b = r.broker;
    const extra = r.suppressed ? `; ${n(r.suppressed)} readings suppressed after a fall` : '';
    lines.push(`broker: ${n(b.published)} published, ${n(b.acked)} acked, ${n(b.failed)} failed${extra}`);
  }
  if (r.out !== undefined) lines.push(`messages: ${r.out.path} (${n(r.out.lines)} lines)`);
  if (r.truth !== undefined) lines.push(`ground truth: ${r.truth.path} (${n(r.truth.records)} records)`);
  if (r.triggered !== undefined) {
    const t = r.triggered;
    const total = t.fall + t.help;
    lines.push(
      total === 0
        ? 'incidents injected while running: none'
        : `incidents injected while running: ${total} (fall ${t.fall}, help ${t.help})`,
    );
  }
  if (r.stoppedEarly === true) {
    lines.push('stopped before the end: the rates below are over the whole planned run, so they read low');
  }
  lines.push('', formatRealismSummary(r.realism));
  if (r.chaos !== undefined) lines.push('', formatChaosReport(r.chaos));
  return lines.join('\n');
}
