/**
 * The fixed limits of the baseline: what a care technician sets up today with a Home Assistant
 * blueprint, a Node-RED flow or a social-alarm unit's inactivity settings. Each value carries its
 * unit and where it comes from; docs/evaluation.md lists the sources in full.
 */
import { hm } from '../local-clock.js';

export interface BaselineSettings {
  /** [BASE-INACT] No activity anywhere for this long, in ms. */
  inactivityMs: number;
  /** [BASE-BATH] In the bathroom (no activity in any other room since entering) for this long, in ms. */
  bathroomMs: number;
  /** [BASE-EXIT] Local window in which an opened front door counts as a night exit, ms since midnight [from, to). */
  nightFrom: number;
  nightTo: number;
  /** [BASE-EXIT] No activity indoors for this long after the door opened, in ms. */
  exitNoReturnMs: number;
  /** [BASE-EXIT] Activity this soon after the door opened is the resident on the way out, in ms. */
  exitGraceMs: number;
  /** [BASE-MORN] Some activity is expected in this local window, ms since midnight [from, to). */
  morningFrom: number;
  morningBy: number;
  /** [BASE-WANDER] Movement in this many rooms other than the bedroom … */
  wanderRooms: number;
  /** … within this long, in ms … */
  wanderWithinMs: number;
  /** … in this local window, ms since midnight [from, to). */
  wanderFrom: number;
  wanderTo: number;
  /** [BASE-MEAL] Some kitchen activity is expected in each of these local windows, ms since midnight [from, by). */
  meals: readonly (readonly [number, number])[];
  /** [BASE-SILENT] A device with no message for this long, in ms. */
  silentMs: number;
  /** [BASE-BATT] Below this, in percent, at the daily check. */
  batteryBelowPct: number;
  /** [BASE-BATT] Local time of the daily battery check, ms since midnight. */
  batteryCheckAt: number;
  /** A smart plug drawing at least this many watts was switched on by someone. */
  plugOnW: number;
}

export const BASELINE_SETTINGS: Readonly<BaselineSettings> = {
  // Tunstall Lifeline 4000 Advanced User Guide (2000), "Inactivity and temperature monitoring":
  // "Usually, the Inactivity Time is set for 12 or 14 hours"; shorter raises a call every night.
  inactivityMs: hm(12),
  // A working value (the brief's): no published default found for a fixed bathroom limit.
  bathroomMs: hm(1),
  // Forestcare (Bracknell Forest) "timed door sensor": calls when the door opens "between 11pm and 7am".
  nightFrom: hm(23),
  nightTo: hm(7),
  // Property exit sensors alarm when the client "does not return within a set time"; no published
  // default found: 10 min, inside the 15–20 min deadlines the incidents carry.
  exitNoReturnMs: hm(0, 10),
  exitGraceMs: 60_000,
  // Tunstall Caresse installation manual, inactivity Mode 2: an alarm if the user is inactive
  // between a start and end time, e.g. "7am – 10am".
  morningFrom: hm(7),
  morningBy: hm(10),
  // No published default found: "motion in several rooms between midnight and 05:00" is the
  // shape of the night-wandering recipes for Home Assistant and Node-RED. 3 rooms in 30 min pages
  // on ordinary toilet trips (hall, WC or bathroom, the kitchen on the way back: 3.0 per
  // resident-week on the cohort), so an installer would set 4.
  wanderRooms: 4,
  wanderWithinMs: hm(0, 30),
  wanderFrom: hm(0),
  wanderTo: hm(5),
  // No published default found: "no kitchen motion by 13:30" (lunch) and "by 19:30" (dinner), the
  // meal-check automations' shape, around Swedish meal times (lunch 11:30–13:00, dinner 17–18:30).
  meals: [
    [hm(11), hm(13, 30)],
    [hm(16, 30), hm(19, 30)],
  ],
  // Zigbee2MQTT availability: a passive (battery) device is offline after 1500 min (25 h) without
  // a check-in; the common "device unavailable" automation waits for that.
  silentMs: hm(25),
  // Home Assistant blueprint "Low battery level detection & notification for all battery sensors"
  // (sbyx): threshold 20 %, checked once a day at 10:00.
  batteryBelowPct: 20,
  batteryCheckAt: hm(10),
  plugOnW: 10,
};
