/**
 * [TREND-1] Decline over weeks, against the person's own history: the last RECENT_DAYS days
 * against the BASELINE_DAYS before them, measure by measure with a one-sided Mann–Whitney rank
 * test (robust to odd days and to skew). The signs of decline the literature and carers name
 * move together (less activity, more night-time toilet visits, getting up later), so they are
 * combined (Stouffer's z); longer bathroom visits are tested on their own. Chosen on simulated
 * declines (docs/day-model.md). Plain statistics: a trend over weeks is a few numbers a day.
 */
import { clockText } from '../local-time.js';
import { type DayRecord, totalOf } from './day-profile.js';
import { median } from './day-vector.js';

export const RECENT_DAYS = 14;
export const BASELINE_DAYS = 28;
/** Days with a value needed in each window. */
const MIN_RECENT = 10;
const MIN_BASELINE = 14;
/** One-sided z needed (p ≈ 0.001): the test runs every day, so it must be strict. */
export const TREND_Z = 3.1;
/** A measure is named in the reason when it moved the decline's way by at least this z. */
const NAMED_Z = 1.5;

export type MeasureId = 'activity' | 'night_bathroom' | 'wake' | 'bathroom_time';

export interface TrendMeasure {
  id: MeasureId;
  /** The day's value, undefined when the day says nothing about it. */
  value(d: DayRecord): number | undefined;
  /** +1: a rise is the decline; −1: a fall is. */
  direction: 1 | -1;
  /** Counts by their mean (a median of small integers moves in steps), the rest by the median. */
  typical(xs: readonly number[]): number;
  /** Words for a care worker. */
  text(recent: number, before: number): string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const WINDOWS = 'in the last 2 weeks vs';
const BEFORE = 'in the 4 weeks before';

export const MEASURES: Readonly<Record<MeasureId, TrendMeasure>> = {
  activity: {
    id: 'activity',
    value: (d) => totalOf(d),
    direction: -1,
    typical: median,
    text: (r, b) =>
      `less active (about ${Math.round(r)} sensor activations a day ${WINDOWS} ${Math.round(b)} ${BEFORE}, ${Math.round((100 * (r - b)) / b)} %)`,
  },
  night_bathroom: {
    id: 'night_bathroom',
    value: (d) => d.nightBath,
    direction: 1,
    typical: mean,
    text: (r, b) => `more night-time toilet visits (${round1(r)} a night ${WINDOWS} ${round1(b)} ${BEFORE})`,
  },
  wake: {
    id: 'wake',
    value: (d) => d.wakeMin ?? undefined,
    direction: 1,
    typical: median,
    text: (r, b) => `getting up later (about ${clockText(r)} ${WINDOWS} ${clockText(b)} ${BEFORE})`,
  },
  bathroom_time: {
    id: 'bathroom_time',
    value: (d) => (d.bathStays > 0 ? d.bathMin / d.bathStays : undefined),
    direction: 1,
    typical: median,
    text: (r, b) => `longer bathroom visits (${round1(r)} min ${WINDOWS} ${round1(b)} min ${BEFORE})`,
  },
};

/** Tested together: the usual signs of decline. */
const COMBINED: readonly MeasureId[] = ['activity', 'night_bathroom', 'wake'];

export interface TrendFinding {
  /** `decline` (the combined signs) or `bathroom_time`: one insight per key per fortnight. */
  key: 'decline' | 'bathroom_time';
  /** The measures that moved, named in the reason. */
  measures: MeasureId[];
  z: number;
  reason: string;
}

interface Moved {
  id: MeasureId;
  z: number;
  text: string;
}

/**
 * The signs of decline in the person's finished days, oldest first (days away or in hospital
 * are left out).
 */
export function declineTrends(days: readonly DayRecord[]): TrendFinding[] {
  const usable = days.filter((d) => !d.excluded);
  if (usable.length < MIN_RECENT + MIN_BASELINE) return [];
  const recentDays = usable.slice(-RECENT_DAYS);
  const beforeDays = usable.slice(-(RECENT_DAYS + BASELINE_DAYS), -RECENT_DAYS);
  const test = (m: TrendMeasure): Moved | undefined => {
    const recent = values(recentDays, m);
    const before = values(beforeDays, m);
    if (recent.length < MIN_RECENT || before.length < MIN_BASELINE) return undefined;
    return { id: m.id, z: m.direction * rankZ(recent, before), text: m.text(m.typical(recent), m.typical(before)) };
  };
  const out: TrendFinding[] = [];
  const combined = COMBINED.flatMap((id) => test(MEASURES[id]) ?? []);
  const z = combined.reduce((s, m) => s + m.z, 0) / Math.sqrt(Math.max(1, combined.length));
  if (combined.length >= 2 && z >= TREND_Z) {
    const named = combined.filter((m) => m.z >= NAMED_Z);
    const said = named.length > 0 ? named : combined;
    out.push({
      key: 'decline',
      measures: said.map((m) => m.id),
      z,
      reason: `Signs of decline: ${said.map((m) => m.text).join('; ')}.`,
    });
  }
  const bath = test(MEASURES.bathroom_time);
  if (bath !== undefined && bath.z >= TREND_Z) {
    const recent = MEASURES.bathroom_time.typical(values(recentDays, MEASURES.bathroom_time));
    const before = MEASURES.bathroom_time.typical(values(beforeDays, MEASURES.bathroom_time));
    // Significant but small (a minute on ten) is not worth a carer's attention.
    if (recent >= 1.3 * before && recent - before >= 2) {
      out.push({
        key: 'bathroom_time',
        measures: ['bathroom_time'],
        z: bath.z,
        reason: `Bathroom visits getting longer: ${bath.text}.`,
      });
    }
  }
  return out;
}

function values(days: readonly DayRecord[], m: TrendMeasure): number[] {
  const out: number[] = [];
  for (const d of days) {
    const v = m.value(d);
    if (v !== undefined && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/**
 * Mann–Whitney U of `a` against `b` as a z score (normal approximation, ties corrected):
 * positive when `a` tends to be larger.
 */
export function rankZ(a: readonly number[], b: readonly number[]): number {
  const all = [...a.map((v) => ({ v, a: true })), ...b.map((v) => ({ v, a: false }))].sort((x, y) => x.v - y.v);
  const n = all.length;
  let rankSumA = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && (all[j + 1] as { v: number }).v === (all[i] as { v: number }).v) j++;
    const rank = (i + j + 2) / 2;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    for (let k = i; k <= j; k++) if ((all[k] as { a: boolean }).a) rankSumA += rank;
    i = j + 1;
  }
  const na = a.length;
  const nb = b.length;
  const u = rankSumA - (na * (na + 1)) / 2;
  const mu = (na * nb) / 2;
  const variance = ((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return 0;
  return (u - mu) / Math.sqrt(variance);
}
