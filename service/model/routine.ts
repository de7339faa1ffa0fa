/**
 * A routine time (getting up, going to bed), in minutes: the person's own exponentially
 * weighted mean and variance (each day weighs 1/21 once three weeks are in, so a change of
 * habit is followed within weeks), blended with a population prior that fades out over the
 * learning period: weight 3/(3 + days) before 14 days, none after. Kept apart so the prior's
 * wide spread does not linger in the person's own variance.
 */

export interface Routine {
  /** Real observed days. */
  days: number;
  /** The person's own estimate (meaningless while days is 0). */
  ownMean: number;
  ownVariance: number;
  priorMean: number;
  priorVariance: number;
  /** The blend, kept current by observe(). */
  mean: number;
  variance: number;
}

const HORIZON_DAYS = 21;
const LEARNING_DAYS = 14;
const PRIOR_DAYS = 3;

export function priorRoutine(mean: number, sd: number): Routine {
  const variance = sd * sd;
  return { days: 0, ownMean: mean, ownVariance: 0, priorMean: mean, priorVariance: variance, mean, variance };
}

export function observe(r: Routine, x: number): void {
  r.days += 1;
  if (r.days === 1) {
    r.ownMean = x;
    r.ownVariance = 0;
  } else {
    const a = 1 / Math.min(r.days, HORIZON_DAYS);
    // Huber-style: a day far off (a night trip taken for getting up, a lie-in) counts as 2.5 sd
    // off, no more, so one odd day does not inflate the spread.
    const sd = Math.max(10, Math.sqrt(Math.max(r.ownVariance, r.days < 4 ? r.priorVariance : 0)));
    const delta = Math.max(-2.5 * sd, Math.min(2.5 * sd, x - r.ownMean));
    r.ownMean += a * delta;
    r.ownVariance = (1 - a) * (r.ownVariance + a * delta * delta);
  }
  blend(r);
}

function blend(r: Routine): void {
  const w = r.days >= LEARNING_DAYS ? 0 : PRIOR_DAYS / (PRIOR_DAYS + r.days);
  r.mean = w * r.priorMean + (1 - w) * r.ownMean;
  r.variance = w * r.priorVariance + (1 - w) * r.ownVariance;
}

export function sdOf(r: Routine): number {
  return Math.sqrt(Math.max(0, r.variance));
}

export function isRoutine(r: unknown): r is Routine {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Record<string, unknown>;
  return ['days', 'ownMean', 'ownVariance', 'priorMean', 'priorVariance', 'mean', 'variance'].every(
    (k) => typeof o[k] === 'number' && Number.isFinite(o[k]),
  );
}
