/**
 * What planned incidents do to the resident's behaviour, at the planned times exactly (the
 * ground truth is written from the plan, not from what happened): a fall and lying on the
 * floor, a help press and the responder who comes, hours still in the armchair, a long stay in
 * the bathroom, a night of wandering or an exit into the night, a meal missed, a day or days
 * away, a long visit. Each starts `leadMs` before `start`, where the resident stops what they
 * were doing (day.ts) and goes where it will happen.
 */
import { meal, type Scene, together, toilet, wander } from './episodes.js';
import type { Mover } from './movers.js';
import type { PlannedIncident } from './plan.js';

const SEC = 1000;
const MIN = 60 * SEC;

export interface IncidentScene extends Scene {
  /** Guests still in the home (a finder waiting with the resident). */
  readonly guests: readonly Mover[];
  /** The resident is in bed for the night (or not). */
  resting: boolean;
  /** Nothing more will happen: lying on the floor, or gone, until the run ends. */
  finish(state: 'down' | 'gone'): void;
}

/** When the resident acts on an incident: its start, or for a missed meal the late meal at its end. */
export function actionTime(incident: PlannedIncident): number | undefined {
  switch (incident.kind) {
    case 'missed_meal':
      return incident.end ?? undefined;
    case 'missed_morning_routine':
    case 'decline':
    case 'sensor_silent':
    case 'battery_low':
      return undefined;
    default:
      return incident.start;
  }
}

export function runIncident(s: IncidentScene, incident: PlannedIncident): void {
  switch (incident.kind) {
    case 'fall_no_recovery':
    case 'fall_recovered':
      fall(s, incident);
      return;
    case 'help_button':
      help(s, incident);
      return;
    case 'prolonged_inactivity':
      unwell(s, incident);
      return;
    case 'long_bathroom_stay':
      bathroomStay(s, incident);
      return;
    case 'night_wandering':
      nightWandering(s, incident);
      return;
    case 'night_exit_no_return':
      nightExit(s, incident);
      return;
    case 'missed_meal':
      lateMeal(s, incident);
      return;
    case 'away_day':
    case 'hospital_stay':
      away(s, incident);
      return;
    case 'visitor_present':
      longVisit(s, incident);
      return;
    default:
      return;
  }
}

/** Stops what the resident is doing: TV off, out of bed. */
function interrupt(s: IncidentScene): void {
  s.body.tv(false);
  s.body.getUp();
  s.resting = false;
}

function fall(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  const room = incident.room ?? s.places.bathroom;
  interrupt(s);
  b.go(room);
  b.stayUntil(incident.start, 'active');
  b.sink.impact(incident.start);
  if (incident.reporter !== undefined) b.sink.fallReport(incident.reporter.address, incident.reporter.at);
  if (incident.kind === 'fall_recovered') {
    b.stayUntil(incident.end ?? incident.start, 'down');
    b.stayMin(1, 3, 'active');
    if (incident.night) backToBed(s);
    else b.sitInChair(s.rng.between(20, 60) * MIN, false);
    return;
  }
  if (incident.foundAt === undefined || incident.foundAt === null) {
    b.stay(MIN, 'down');
    s.finish('down');
    return;
  }
  b.stayUntil(incident.foundAt, 'still');
  const finder = s.guest();
  finder.comeIn(incident.foundAt);
  finder.go(room);
  together(b, finder);
  // Waiting for the ambulance, until the hospital stay's own lead (5 min) begins.
  const depart = (incident.departAt ?? b.t + 30 * MIN) - 5 * MIN;
  b.stayUntil(depart, 'down');
  finder.stayUntil(b.t, 'active');
}

function help(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  interrupt(s);
  if (incident.room !== undefined) b.go(incident.room);
  b.stayUntil(incident.start, 'active');
  if (incident.reporter !== undefined) b.sink.help(incident.reporter.address, incident.reporter.at);
  const responder = incident.responder;
  if (b.room === s.places.chair) b.sitInChair(0, false);
  if (responder === undefined) return;
  b.stayUntil(responder.arrive, 'seated');
  const helper = s.guest();
  helper.comeIn(responder.arrive);
  helper.go(b.room ?? s.places.chair);
  together(b, helper);
  b.stayUntil(responder.leave - 2 * MIN, 'seated');
  helper.stayUntil(b.t, 'active');
  helper.goOutAt(responder.leave);
  b.stayUntil(helper.t, 'seated');
  if (incident.night) backToBed(s);
}

/** Back to bed after a night-time incident: the night goes on. */
function backToBed(s: IncidentScene): void {
  s.body.go(s.places.bed);
  s.resting = true;
}

function unwell(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  interrupt(s);
  b.go(s.places.chair);
  b.stayUntil(incident.start - 5 * SEC, 'active');
  b.sitInChair((incident.end ?? incident.start) - b.t, false, 'still');
  b.stayUntil(incident.end ?? b.t, 'still');
  toilet(s);
}

function bathroomStay(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  interrupt(s);
  const before = s.places.hall ?? s.places.bed;
  if (b.room !== before) b.go(before);
  b.stayUntil(incident.start - 15 * SEC, 'active');
  b.go(s.places.bathroom);
  b.stayUntil(incident.end ?? b.t, 'seated');
  if (incident.night) backToBed(s);
  else b.go(s.places.chair);
}

function nightWandering(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  b.stayUntil(incident.start);
  s.resting = false;
  wander(s, (incident.end ?? incident.start) - incident.start - 40 * SEC, { kettle: true });
  s.resting = true;
}

function nightExit(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  b.stayUntil(incident.start - incident.leadMs);
  s.resting = false;
  wander(s, Math.max(MIN, incident.leadMs - 2 * MIN), { backToBed: false });
  b.goOutAt(incident.start, incident.leavesDoorOpen === true);
  if (incident.foundAt === undefined || incident.foundAt === null) s.finish('gone');
  // Found outside: the hospital stay that follows starts at foundAt, with the resident still out.
}

function lateMeal(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  b.stayUntil(incident.end ?? b.t);
  meal(s, s.minuteOfDay(b.t) < 15 * 60 ? 'lunch' : 'dinner');
}

function away(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  if (b.room !== undefined) {
    interrupt(s);
    b.go(s.places.entry);
    for (const guest of s.guests) guest.go(s.places.entry);
    b.goOutAt(incident.start);
    for (const guest of s.guests) guest.goOutAt(b.t);
  }
  if (incident.end === null) {
    s.finish('gone');
    return;
  }
  b.comeIn(incident.end);
  if (incident.kind === 'hospital_stay') {
    // Brought home by a relative, who stays a while.
    const relative = s.guest();
    relative.comeIn(b.t);
    b.sitInChair(0, false);
    relative.go(s.places.chair);
    together(b, relative);
    b.stayMin(20, 45, 'seated');
    relative.stayUntil(b.t, 'seated');
    relative.goOut();
    b.stayUntil(relative.t, 'seated');
  }
}

function longVisit(s: IncidentScene, incident: PlannedIncident): void {
  const b = s.body;
  const end = incident.end ?? incident.start;
  interrupt(s);
  b.go(s.places.entry);
  b.stayUntil(incident.start, 'active');
  const guest = s.guest();
  guest.comeIn(incident.start);
  together(b, guest);
  while (end - b.t > 15 * MIN) {
    const left = end - b.t - 10 * MIN;
    const what = s.rng.pick<'sit' | 'kitchen' | 'chores' | 'toilet'>([
      ['sit', 4],
      ['kitchen', s.kitchenAllowed(b.t) ? 2 : 0],
      ['chores', 1.5],
      ['toilet', 1],
    ]);
    if (what === 'kitchen') {
      b.go(s.places.kitchen);
      guest.go(s.places.kitchen);
      b.kettle();
      b.fridge();
      together(b, guest);
      b.stay(Math.min(left, s.rng.between(10, 30) * MIN), 'active');
      guest.stayUntil(b.t, 'active');
    } else if (what === 'chores') {
      b.sitInChair(0, false);
      guest.go(s.rng.pick([...s.rooms].map((r) => [r, 1] as const)) ?? s.places.kitchen);
      together(b, guest);
      guest.stay(Math.min(left, s.rng.between(10, 40) * MIN), 'active');
      b.stayUntil(guest.t, 'seated');
    } else if (what === 'toilet') {
      toilet(s);
      guest.stayUntil(b.t);
    } else {
      b.sitInChair(0, false);
      guest.go(s.places.chair);
      together(b, guest);
      b.stay(Math.min(left, s.rng.between(20, 60) * MIN), 'seated');
      guest.stayUntil(b.t, 'seated');
    }
  }
  b.go(s.places.entry);
  guest.go(s.places.entry);
  together(b, guest);
  guest.goOutAt(end);
  b.stayUntil(guest.t, 'active');
}
