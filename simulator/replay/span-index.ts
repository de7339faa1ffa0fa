/**
 * Fast questions over many time spans and instants (a bed mat fires 18,000 times in house C):
 * "does any span cover t?" and "how many instants fall in [from, to)?", each a binary search.
 */

/** Index of the first item of a sorted array that is >= x (or > x when `strict`). */
function bound(sorted: readonly number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid] ?? 0;
    if (value < x || (strict && value === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted instants fall in [from, to). */
export function countBetween(sorted: readonly number[], from: number, to: number): number {
  return bound(sorted, to, false) - bound(sorted, from, false);
}

export class SpanIndex {
  private readonly starts: number[];
  /** The latest end among the spans up to each index (spans sorted by start). */
  private readonly reach: number[];

  constructor(spans: readonly { start: number; end: number }[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    let reach = Number.NEGATIVE_INFINITY;
    this.reach = sorted.map((s) => {
      reach = Math.max(reach, s.end);
      return reach;
    });
  }

  /** Whether a span, widened by `margin` on both sides, covers `t` (ends are exclusive). */
  covers(t: number, margin = 0): boolean {
    const last = bound(this.starts, t + margin, true) - 1;
    return last >= 0 && (this.reach[last] ?? Number.NEGATIVE_INFINITY) + margin > t;
  }
}
