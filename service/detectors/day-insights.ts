/**
 * Day-level insights, never pages: [DAY-1] unusual day and [TREND-1] decline over weeks
 * (docs/alert-rules.md). On a clock tick after a resident's local midnight it finishes their
 * day (model.dayProfile), judges it against their own previous days and runs the trend test;
 * what it finds is kept with the resident's model (saved and restored with it) and handed to
 * `onInsight`. Costs a number compare per resident per tick, and O(history) once a day.
 * It raises no alerts: an insight is for the resident's page, not for the night shift.
 */
import { type DayRecord, dateOfDay, type Insight } from '../model/day/day-profile.js';
import { declineTrends } from '../model/day/trend.js';
import { judgeDay } from '../model/day/unusual-day.js';
import type { ResidentState } from '../model/resident-state.js';
import type { AlertAction, Detector } from './detector.js';

/** One TREND-1 insight of a kind per this many days: a decline is news once a fortnight, not daily. */
const TREND_REPEAT_DAYS = 14;
const NONE: AlertAction[] = [];
/** Longest tick interval counted as time out: after a pause in ticks (a restart) nobody knows. */
const OUT_STEP_MS = 5 * 60_000;

export interface DayInsightsOptions {
  /** The residents' live states (the behaviour detector's). */
  states: () => Iterable<ResidentState>;
  onInsight?: ((insight: Insight) => void) | undefined;
}

export interface DayInsightsDetector extends Detector {
  /** The insights kept for a resident, oldest first (the last INSIGHTS_KEPT). */
  insights(s: ResidentState): readonly Insight[];
}

export function dayInsights(options: DayInsightsOptions): DayInsightsDetector {
  const due = new WeakMap<ResidentState, number>();
  const lastTick = new WeakMap<ResidentState, number>();

  const check = (s: ResidentState, now: number): void => {
    const p = s.model.dayProfile;
    const today = s.clock.at(now).day;
    due.set(s, s.clock.toEpoch(today + 1, 0));
    if (p.rollTo(today) !== undefined) s.dirty = true;
    // The day may also have been finished by the first event after midnight (DayProfile.add).
    const finished = p.history.at(-1);
    if (finished === undefined || finished.day <= p.judgedDay) return;
    p.judgedDay = finished.day;
    s.dirty = true;
    for (const insight of judge(s, finished, now)) {
      p.note(insight);
      options.onInsight?.(insight);
    }
  };

  return {
    ruleIds: ['DAY-1', 'TREND-1'],
    onTick(now) {
      for (const s of options.states()) {
        // Away or in hospital: not a day to learn the person's normal from, nor to judge.
        if (s.context !== undefined && s.context.kind !== 'visitor' && now < s.context.until) {
          s.model.dayProfile.exclude();
        }
        // Time out of the home, tick by tick (a gap in ticks counts at most OUT_STEP_MS).
        const last = lastTick.get(s);
        lastTick.set(s, now);
        if (last !== undefined && s.doorSeen && s.isOut(now))
          s.model.dayProfile.noteOut(Math.min(now - last, OUT_STEP_MS));
        if (now < (due.get(s) ?? 0)) continue;
        check(s, now);
      }
      return NONE;
    },
    insights: (s) => s.model.dayProfile.insights,
  };
}

function judge(s: ResidentState, day: DayRecord, now: number): Insight[] {
  const p = s.model.dayProfile;
  const out: Insight[] = [];
  const date = dateOfDay(day.day);
  if (!day.excluded) {
    const earlier = p.history.filter((d) => d.day < day.day);
    const j = judgeDay(day, earlier);
    if (j?.unusual) {
      out.push({
        ruleId: 'DAY-1',
        kind: 'unusual_day',
        residentId: s.residentId,
        at: now,
        date,
        score: round2(j.score),
        reason: `A very unusual day (${date}): ${j.reason}`,
      });
    }
  }
  for (const f of declineTrends(p.history)) {
    const last = p.trendNoted[f.key];
    if (last !== undefined && day.day - last < TREND_REPEAT_DAYS) continue;
    p.trendNoted[f.key] = day.day;
    out.push({
      ruleId: 'TREND-1',
      kind: 'decline',
      residentId: s.residentId,
      at: now,
      date,
      measure: f.measures.join(','),
      score: round2(f.z),
      reason: `${f.reason} A change over weeks worth raising at the next visit or care review.`,
    });
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
