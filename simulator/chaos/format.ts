/** The chaos report as a table a tester reads next to /api/v1/health and the dead letters. */
import type { ChaosReport } from './chaos.js';
import { ChaosKind } from './options.js';

export function formatChaosReport(report: ChaosReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const rows = ChaosKind.options.map((kind) => {
    const k = report.kinds[kind];
    const variants = Object.entries(k.variants)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([v, c]) => `${v} ${n(c)}`)
      .join(', ');
    return [kind, n(k.sent), variants, k.expect];
  });
  const table = [['kind', 'sent', 'variants', 'the gateway should'], ...rows];
  const widths = [0, 1, 2].map((c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  const lines = table.map((r) =>
    r
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : c < 3 ? cell.padEnd(widths[c] ?? 0) : cell))
      .join('  ')
      .trimEnd(),
  );
  const g = report.expectedGateway;
  const reasons = Object.entries(g.deadLettersByReason)
    .filter(([, c]) => c > 0)
    .map(([r, c]) => `${r} ${n(c)}`)
    .join(', ');
  return [
    `chaos, seed ${report.seed}: ${n(report.in)} in, ${n(report.sent)} sent, ${n(report.genuine)} genuine, ${n(report.held)} still held`,
    ...lines,
    `expected gateway counters: received ${n(g.received)}, accepted ${n(g.accepted)} (if every genuine device is registered), ` +
      `duplicates ${n(g.duplicates)}, deadLetters ${n(g.deadLetters)}${reasons ? ` (${reasons})` : ''}, unclaimed ${n(g.unclaimed)}`,
  ].join('\n');
}
