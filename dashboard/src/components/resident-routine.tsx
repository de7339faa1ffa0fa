/** The learned usual routine beside today's, and the day's activity profile against the usual one. */
import type { ResidentRoutine } from '../../../service/contract.js';
import { clockOfMinute } from '../durations.js';
import { useStrings } from '../use-strings.js';
import { DayProfile } from './day-profile.js';

export function ResidentRoutineCard({ routine, today }: { routine: ResidentRoutine | null; today: readonly number[] }) {
  const t = useStrings().pages.resident;
  if (routine === null) {
    return (
      <section class="card" aria-labelledby="routine-heading">
        <h3 id="routine-heading">{t.routineHeading}</h3>
        <p class="hint">{t.notLearned}</p>
      </section>
    );
  }
  const rows: [string, string, string][] = [
    [
      t.gotUp,
      `${clockOfMinute(routine.wake.usualMinute)} ${t.spread(routine.wake.spreadMinutes)}`,
      routine.wake.todayMinute === null ? t.notYet : clockOfMinute(routine.wake.todayMinute),
    ],
    [
      t.bedtime,
      `${clockOfMinute(routine.bedtime.usualMinute)} ${t.spread(routine.bedtime.spreadMinutes)}`,
      t.notTracked,
    ],
    [
      t.bathroom,
      // Whole minutes: "14.8 min" is false precision, and a decimal point is wrong in Swedish.
      t.bathroomValues(
        String(Math.round(routine.bathroomVisit.usualMinutes)),
        String(Math.round(routine.bathroomVisit.longMinutes)),
      ),
      t.notTracked,
    ],
  ];
  return (
    <section class="card" aria-labelledby="routine-heading">
      <h3 id="routine-heading">{t.routineHeading}</h3>
      <p class={`learning ${routine.learning ? 'is-learning' : ''}`}>
        {routine.learning ? t.learning(routine.learnedDays) : t.learned(routine.learnedDays)}
      </p>
      <table class="data-table routine-table">
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">{t.routineHeading}</span>
            </th>
            <th scope="col">{t.usual}</th>
            <th scope="col">{t.todayCol}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, usual, now]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{usual}</td>
              <td class={now === t.notTracked || now === t.notYet ? 'muted' : 'strong'}>{now}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t.profileHeading}</h4>
      <DayProfile usual={routine.usualPerHour} today={today} />
      {routine.feedback.length > 0 && (
        <ul class="feedback-list">
          {routine.feedback
            .filter((f) => f.falseAlarms > 0)
            .map((f) => (
              <li key={f.ruleId}>{t.tuned(f.ruleId, f.falseAlarms, f.factor)}</li>
            ))}
        </ul>
      )}
    </section>
  );
}
