/**
 * [INACT-1] The longest quiet of each day, per room group and 3-hour bucket: what a carer means by "she is
 * usually quiet there for at most …". A quantile of every silence between two events says little
 * about the longest one of a day where sensors fire often: with a movement sensor firing every
 * minute, the 99.5th percentile of the silences is passed several times a day (van Kasteren house
 * B: silences of 2–5 h after the kitchen sensor, while the resident sits in a living room no
 * sensor watches, on about one day in three; the per-silence 99.5th percentile was 1 h 54 min).
 * Each day's longest silence per cell is kept while the day lasts and added to that cell's
 * histogram of days when the next day begins: O(1) per silence, O(cells) once a day.
 */
import { addTo, emptyHistogram, type Histogram, packHistogram, quantile, unpackHistogram } from './histogram.js';

export class DailyLongest {
  /** Per cell: a histogram of each day's longest silence there (one observation per day the cell had a silence). */
  readonly days: Histogram[];
  /** Today's longest silence per cell so far, ms (0: none yet). */
  private readonly today: number[];
  /** The local day `today` belongs to. */
  private day = Number.NaN;

  constructor(readonly cells: number) {
    this.days = Array.from({ length: cells }, () => emptyHistogram());
    this.today = new Array<number>(cells).fill(0);
  }

  /** A silence of `ms` that began on local day `day` in `cell`. Days come in order; an older day only adds to the current one. */
  note(cell: number, day: number, ms: number): void {
    if (day > this.day || Number.isNaN(this.day)) this.roll(day);
    if (ms > (this.today[cell] ?? 0)) this.today[cell] = ms;
  }

  /**
   * The `q`-quantile of the cell's daily longest silences once `minDays` days are behind it (e.g.
   * q = 0.9: passed on about one day in ten); undefined before, when the per-silence quantile
   * and the priors have to do.
   */
  usualLongest(cell: number, q: number, minDays: number): number | undefined {
    const h = this.days[cell];
    if (h === undefined || h.observed < minDays) return undefined;
    return quantile(h, q);
  }

  /** Days of the cell's own behind its daily figure. */
  observedDays(cell: number): number {
    return this.days[cell]?.observed ?? 0;
  }

  private roll(day: number): void {
    for (let i = 0; i < this.cells; i++) {
      const longest = this.today[i] ?? 0;
      if (longest > 0) addTo(this.days[i] as Histogram, longest);
      this.today[i] = 0;
    }
    this.day = day;
  }

  toJSON(): DailyLongestJson {
    return {
      days: this.days.map(packHistogram),
      today: this.today.map((ms) => Math.round(ms)),
      day: Number.isNaN(this.day) ? null : this.day,
    };
  }

  /** From its JSON form; anything unreadable starts afresh (relearned from the next days). */
  static fromJSON(json: unknown, cells: number): DailyLongest {
    const d = new DailyLongest(cells);
    if (typeof json !== 'object' || json === null) return d;
    const j = json as Partial<DailyLongestJson>;
    if (!Array.isArray(j.days) || j.days.length !== cells) return d;
    j.days.forEach((packed, i) => {
      const h = unpackHistogram(packed);
      if (h) d.days[i] = h;
    });
    if (Array.isArray(j.today) && j.today.length === cells) {
      j.today.forEach((ms, i) => {
        d.today[i] = typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : 0;
      });
    }
    d.day = typeof j.day === 'number' ? j.day : Number.NaN;
    return d;
  }
}

export interface DailyLongestJson {
  days: [number[], number][];
  today: number[];
  day: number | null;
}
