/**
 * Severity as colour, shape and word together, so it reads for colour-blind staff, in
 * dim light and on a greyscale screen: critical an octagon, high a triangle, medium a
 * circle, technical a square.
 */
import type { Severity } from '../../../service/contract.js';
import { useStrings } from '../use-strings.js';

const SHAPES: Record<Severity, string> = {
  critical: 'M6.5 1h7L19 6.5v7L13.5 19h-7L1 13.5v-7z',
  high: 'M10 1.5 19 18H1z',
  medium: 'M10 1a9 9 0 1 1 0 18a9 9 0 1 1 0-18z',
  technical: 'M2 2h16v16H2z',
};

/** The mark inside the shape: "!" for the ones that need a person, "i" and "–" for the rest. */
const MARKS: Record<Severity, string> = {
  critical: 'M9 4.5h2v7H9zM9 13.5h2v2H9z',
  high: 'M9 7h2v6H9zM9 14.5h2v2H9z',
  medium: 'M9 4.5h2v2H9zM9 8h2v7.5H9z',
  technical: 'M5.5 9h9v2h-9z',
};

export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg class="severity-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path class="severity-icon-shape" d={SHAPES[severity]} />
      <path class="severity-icon-mark" d={MARKS[severity]} />
    </svg>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useStrings();
  return (
    <span class={`severity-badge severity-${severity}`}>
      <SeverityIcon severity={severity} />
      <span>{t.alerts.severity[severity]}</span>
    </span>
  );
}
