/**
 * The service's public contract: REST bodies and responses, and WebSocket frames. The
 * dashboard and the tests import these; the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { PayloadFormat, ReadingType, SensorKind } from '../gateway/contract.js';

export { PayloadFormat, ReadingType, SensorKind };

const isoTime = z.iso.datetime({ offset: true });
const id = z.uuid();

export const RoomKind = z.enum([
  'bedroom',
  'bathroom',
  'kitchen',
  'living_room',
  'hall',
  'entrance',
  'outdoor',
  'other',
]);
export type RoomKind = z.infer<typeof RoomKind>;

export const Room = z.object({ id, name: z.string(), kind: RoomKind });
export type Room = z.infer<typeof Room>;

export const RoomInput = z.object({ name: z.string().trim().min(1).max(100), kind: RoomKind });
export type RoomInput = z.infer<typeof RoomInput>;

export const ContextKind = z.enum(['away', 'hospital', 'visitor']);
export type ContextKind = z.infer<typeof ContextKind>;

/** Set by staff: away or in hospital holds back the at-home alerts; a visitor is named in reasons. */
export const ResidentContext = z.object({
  kind: ContextKind,
  until: isoTime,
  note: z.string().nullable(),
  setBy: z.string(),
  setAt: isoTime,
});
export type ResidentContext = z.infer<typeof ResidentContext>;

export const Resident = z.object({
  id,
  name: z.string(),
  rooms: z.array(Room),
  createdAt: isoTime,
  lastActivityAt: isoTime.nullable(),
  lastRoomId: id.nullable(),
  openAlerts: z.number().int(),
  /** The care team that looks after this resident; null: only operators and admins see them. */
  teamId: id.nullable(),
  /** Away, hospital or visitor, while it lasts. */
  context: ResidentContext.nullable(),
});
export type Resident = z.infer<typeof Resident>;

export const ResidentInput = z.object({
  name: z.string().trim().min(1).max(200),
  rooms: z.array(RoomInput).max(50).default([]),
  teamId: id.nullable().default(null),
});
export type ResidentInput = z.infer<typeof ResidentInput>;

export const Device = z.object({
  id,
  format: PayloadFormat,
  address: z.string(),
  residentId: id,
  roomId: id.nullable(),
  kind: SensorKind,
  label: z.string().nullable(),
  createdAt: isoTime,
  lastSeenAt: isoTime.nullable(),
  battery: z.number().nullable(),
  batteryLow: z.boolean().nullable(),
  linkquality: z.number().nullable(),
  online: z.boolean().nullable(),
});
export type Device = z.infer<typeof Device>;

/** A device address: a Vaka device id, or a Zigbee2MQTT friendly name (which may contain `/`). */
const address = z
  .string()
  .min(1)
  .max(200)
  .refine((a) => !/[#+\u0000-\u001f]/.test(a) && !a.startsWith('/') && !a.endsWith('/'), {
    message: 'an address has no #, +, control characters, and no leading or trailing /',
  });

export const DeviceInput = z.object({
  format: PayloadFormat,
  address,
  residentId: id,
  roomId: id.nullable().default(null),
  kind: SensorKind,
  label: z.string().trim().max(100).nullable().default(null),
});
export type DeviceInput = z.infer<typeof DeviceInput>;

/** A broker login issued by Vaka (embedded broker only); the password is shown this once. */
export const MqttLogin = z.object({
  username: z.string(),
  password: z.string(),
  /** The topic (or filter) this login may publish to. */
  topic: z.string(),
});
export type MqttLogin = z.infer<typeof MqttLogin>;

/** POST /devices: the device, and for a native device on the embedded broker its broker login. */
export const RegisteredDevice = Device.extend({ mqtt: MqttLogin.optional() });
export type RegisteredDevice = z.infer<typeof RegisteredDevice>;

export const ClaimInput = DeviceInput.pick({ residentId: true, roomId: true, kind: true, label: true });
export type ClaimInput = z.infer<typeof ClaimInput>;

export const UnclaimedDevice = z.object({
  format: PayloadFormat,
  address: z.string(),
  topic: z.string(),
  signals: z.array(z.string()),
  samplePayload: z.string(),
  firstSeenAt: isoTime,
  lastSeenAt: isoTime,
  messageCount: z.number().int(),
});
export type UnclaimedDevice = z.infer<typeof UnclaimedDevice>;

export const StoredEvent = z.object({
  id: z.number().int(),
  deviceId: id,
  roomId: id.nullable(),
  type: ReadingType,
  value: z.union([z.boolean(), z.number(), z.null()]),
  eventTime: isoTime,
  receivedAt: isoTime,
  battery: z.number().nullable(),
  linkquality: z.number().nullable(),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

export const DeadLetterView = z.object({
  id: z.number().int(),
  topic: z.string(),
  payload: z.string(),
  payloadBytes: z.number().int(),
  reason: z.string(),
  detail: z.string(),
  receivedAt: isoTime,
});
export type DeadLetterView = z.infer<typeof DeadLetterView>;

/** Severity tiers, most urgent first. */
export const Severity = z.enum(['critical', 'high', 'medium', 'technical']);
export type Severity = z.infer<typeof Severity>;
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, technical: 3 };

export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** `cleared` is set by Vaka itself when a technical condition ends (the sensor reports again). */
export const Outcome = z.enum(['confirmed', 'false_alarm', 'expected', 'cleared']);
export type Outcome = z.infer<typeof Outcome>;

export const AlertAudience = z.enum(['team', 'everyone']);
export type AlertAudience = z.infer<typeof AlertAudience>;

export const AlertNote = z.object({ id, by: z.string(), text: z.string(), at: isoTime });
export type AlertNote = z.infer<typeof AlertNote>;

/**
 * An alert's explanation as data, so each dashboard says it in its own language: a stable key
 * (one per kind of sentence, listed in docs/alert-lifecycle.md) and typed parameters. Durations
 * are whole minutes; clock times are the minute of the resident's local day (0–1439); `days`
 * is how many days of this person's own data the norm rests on. The English `reason` stays
 * beside it for whoever reads the API without a dictionary.
 */
const minutes = z.number().int().min(0);
const clock = z.number().int().min(0).max(1439);
const days = z.number().int().min(0);
/** The device as staff know it: its kind, the room it is in, the label on it. Null when unknown. */
const DeviceRef = z.object({ kind: z.string(), room: z.string().nullable(), label: z.string().nullable() }).nullable();
/** Where a learned rule saw the person last: the room's name, and its group (what kind of room it is). */
const Place = z.object({
  room: z.string().nullable(),
  group: z.enum(['bathroom', 'hall', 'bedroom', 'kitchen', 'living', 'other']),
});
const PartOfDay = z.enum(['night', 'morning', 'afternoon', 'evening']);
/** How far outside the norm: the observed value as a multiple of the usual longest, and the minutes past it. */
const outside = { timesUsual: z.number().min(0), overMin: minutes };
/** Staff registered a visitor: the learned rule still pages, and says so. */
export const ExplanationContext = z.object({ kind: ContextKind, until: clock, note: z.string().nullable() });
export type ExplanationContext = z.infer<typeof ExplanationContext>;
/** A silence against the person's longest usual one there at this time of day (FALL-3, INACT-1). */
const stillness = { place: Place, minutes, since: clock, usualMax: minutes, partOfDay: PartOfDay, days, ...outside };
const explained = <K extends string, P extends z.ZodRawShape>(key: K, params: P) =>
  z.object({ key: z.literal(key), params: z.object(params), context: ExplanationContext.optional() });

export const AlertExplanation = z.discriminatedUnion('key', [
  explained('fall.device', { device: DeviceRef }),
  explained('fall.wearable', {
    peakG: z.number(),
    stillS: z.number(),
    percent: z.number().int().min(0).max(100).nullable(),
  }),
  explained('fall.silence', stillness),
  explained('fall.hall', { place: Place, minutes, usualMax: minutes, days, ...outside }),
  explained('fall.outOfBed', { place: Place, minutes, since: clock, usualMax: minutes, days, ...outside }),
  explained('fall.outOfBedDay', { place: Place, minutes, since: clock, usualMax: minutes, days, ...outside }),
  explained('help.pressed', { device: DeviceRef }),
  explained('battery.low', { device: DeviceRef, percent: z.number().nullable(), limit: z.number() }),
  explained('sensor.silent', { device: DeviceRef, minutes, limitMin: minutes, usualLongestMin: minutes.nullable() }),
  explained('sensor.offline', { device: DeviceRef }),
  explained('home.silent', {
    devices: z.number().int().min(0),
    minutes,
    limitMin: minutes,
    usualLongestMin: minutes.nullable(),
  }),
  explained('inactivity', stillness),
  explained('bathroom.long', {
    place: Place,
    minutes,
    usualMin: minutes,
    usualMax: minutes,
    partOfDay: PartOfDay,
    days,
    ...outside,
  }),
  explained('exit.night', {
    doorAt: clock,
    minutes,
    bedFrom: clock,
    bedTo: clock,
    backWithin: minutes.nullable(),
    days,
  }),
  explained('morning.missed', {
    at: clock,
    since: clock,
    usualAt: clock,
    sd: minutes,
    dayType: z.enum(['any', 'weekday', 'weekend']),
    days,
  }),
  explained('wander.night', {
    since: clock,
    minutes,
    moves: z.number().int(),
    rooms: z.number().int(),
    usualMax: minutes,
    days,
  }),
  explained('meal.missed', {
    meal: z.enum(['lunch', 'dinner']),
    at: clock,
    kitchenSince: clock,
    usualAt: clock,
    sd: minutes,
    daysHad: days,
    daysAtHome: days,
    days,
  }),
]);
export type AlertExplanation = z.infer<typeof AlertExplanation>;
export type ExplanationKey = AlertExplanation['key'];
/** Every key, for dictionaries that must cover them all. */
export const EXPLANATION_KEYS = AlertExplanation.options.map((o) => o.shape.key.value) as ExplanationKey[];

export const Alert = z.object({
  id,
  residentId: id,
  residentName: z.string(),
  roomId: id.nullable(),
  roomName: z.string().nullable(),
  deviceId: id.nullable(),
  kind: z.string(),
  ruleId: z.string(),
  severity: Severity,
  status: AlertStatus,
  /** In English, for API readers and logs; dashboards show `explanation` in their own language. */
  reason: z.string(),
  /** The same, as a key and typed values; null for alerts raised before explanations existed (and by tests). */
  explanation: AlertExplanation.nullable(),
  occurrences: z.number().int(),
  detectedAt: isoTime,
  lastSeenAt: isoTime,
  deliveredAt: isoTime.nullable(),
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: isoTime.nullable(),
  resolvedBy: z.string().nullable(),
  outcome: Outcome.nullable(),
  note: z.string().nullable(),
  /** Steps of the escalation policy taken so far because nobody acknowledged (0: none). */
  escalationLevel: z.number().int().min(0),
  escalatedAt: isoTime.nullable(),
  /** Who should see it: the resident's team, or after escalation every carer on duty. */
  audience: AlertAudience,
  /** Staff notes, oldest first. */
  notes: z.array(AlertNote),
});
export type Alert = z.infer<typeof Alert>;

/**
 * Who acts is the signed-in account (its display name is recorded); `by` is accepted from
 * older clients and ignored.
 */
const actor = z.string().trim().min(1).max(100).optional();
export const AcknowledgeInput = z.object({ by: actor });
export const ResolveInput = z.object({
  by: actor,
  outcome: Outcome.exclude(['cleared']),
  note: z.string().trim().max(2000).optional(),
});
export type ResolveInput = z.infer<typeof ResolveInput>;
/** Away, in hospital or with a visitor until `until` (at most 90 days ahead). */
export const ContextInput = z.object({
  kind: ContextKind,
  until: isoTime,
  note: z.string().trim().max(500).optional(),
  by: actor,
});
export type ContextInput = z.infer<typeof ContextInput>;
export const NoteInput = z.object({ by: actor, text: z.string().trim().min(1).max(2000) });
export type NoteInput = z.infer<typeof NoteInput>;

export const AlertChange = z.enum(['opened', 'repeated', 'acknowledged', 'resolved', 'escalated', 'noted']);
export type AlertChange = z.infer<typeof AlertChange>;

/** How often the stream sends a heartbeat frame, in milliseconds. */
export const STREAM_HEARTBEAT_MS = 20_000;

/** [DAY-1] [TREND-1] Things worth knowing about a resident that never page anyone. */
export const Insight = z.object({
  ruleId: z.enum(['DAY-1', 'TREND-1']),
  kind: z.enum(['unusual_day', 'decline']),
  residentId: id,
  at: isoTime,
  /** The local day it is about (or the last day of a trend's window). */
  date: z.string(),
  measure: z.string().nullable(),
  score: z.number(),
  reason: z.string(),
});
export type Insight = z.infer<typeof Insight>;

export const SystemProblemKind = z.enum(['broker_unreachable', 'database_unreachable', 'event_writes_failing']);
export type SystemProblemKind = z.infer<typeof SystemProblemKind>;

/** Something wrong with Vaka itself, not with a resident: a technical alert about the alarm chain. */
export const SystemProblem = z.object({ kind: SystemProblemKind, since: isoTime, detail: z.string() });
export type SystemProblem = z.infer<typeof SystemProblem>;

/** WebSocket frames, server to client. */
export const StreamFrame = z.discriminatedUnion('type', [
  /** Open and acknowledged alerts as of `seq`; changes that follow have larger numbers. */
  z.object({ type: z.literal('snapshot'), seq: z.number().int(), alerts: z.array(Alert) }),
  z.object({ type: z.literal('alert'), seq: z.number().int(), change: AlertChange, alert: Alert }),
  /** Live activity, not sequenced: a resident's latest room and time, at most one per resident per second. */
  z.object({
    type: z.literal('activity'),
    residentId: id,
    roomId: id.nullable(),
    at: isoTime,
  }),
  /** Sent every STREAM_HEARTBEAT_MS so a client can tell a quiet stream from a dead one. */
  z.object({ type: z.literal('heartbeat'), at: isoTime }),
  /**
   * An alert detected while the database cannot store it: shown at once, not sequenced. The
   * same id arrives later as an `opened` change once it is stored.
   */
  z.object({ type: z.literal('provisional'), alert: Alert }),
  /** Problems with Vaka itself, repeated on every check while they last; an empty list is the all-clear. */
  z.object({ type: z.literal('system'), at: isoTime, problems: z.array(SystemProblem) }),
]);
export type StreamFrame = z.infer<typeof StreamFrame>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeS: z.number(),
  database: z.object({ kind: z.enum(['postgres', 'pglite']), ok: z.boolean() }),
  broker: z.object({ embedded: z.boolean(), connected: z.boolean() }),
  gateway: z.object({
    received: z.number(),
    accepted: z.number(),
    duplicates: z.number(),
    deadLetters: z.number(),
    unclaimed: z.number(),
    ignored: z.number(),
  }),
  eventsStored: z.number(),
  eventsPending: z.number(),
  streamClients: z.number(),
  /** [HOME-1] Homes with no message from any device for longer than their rhythm allows (each also an alert). */
  silentHomes: z.number().int(),
  /** Problems with Vaka itself that have lasted long enough to matter (service/supervision.ts). */
  problems: z.array(SystemProblem),
  /**
   * The write-ahead journal (docs/reliability.md); absent when JOURNAL_DIR=off. `failing`: messages
   * are being handled without it (disk full or bound reached), so a kill would lose the unstored.
   */
  journal: z
    .object({
      bytes: z.number(),
      segments: z.number(),
      /** Messages received and not yet wholly stored. */
      uncommitted: z.number(),
      unjournaled: z.number(),
      failing: z.boolean(),
    })
    .optional(),
});
export type Health = z.infer<typeof Health>;

export const ApiError = z.object({
  statusCode: z.number(),
  code: z.string(),
  error: z.string(),
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiError>;

/* ---- Accounts and access (issue 5) ---- */

/** carer: their team's residents and alerts; operator: onboarding, all residents; admin: accounts and audit too. */
export const Role = z.enum(['carer', 'operator', 'admin']);
export type Role = z.infer<typeof Role>;

export const Team = z.object({ id, name: z.string(), createdAt: isoTime });
export type Team = z.infer<typeof Team>;
export const TeamInput = z.object({ name: z.string().trim().min(1).max(100) });
export type TeamInput = z.infer<typeof TeamInput>;

export const User = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  teamId: id.nullable(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: isoTime,
});
export type User = z.infer<typeof User>;

/** Usernames: lower-cased letters, digits and . _ - (so they are safe in logs of the audit and in URLs). */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{1,64}$/, 'letters, digits, . _ - (1–64)');
/** 12–200 characters; the upper bound keeps a hash request cheap to refuse. */
export const NewPassword = z.string().min(12, 'at least 12 characters').max(200);

export const UserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  role: Role,
  teamId: id.nullable().default(null),
  password: NewPassword,
});
export type UserInput = z.infer<typeof UserInput>;

export const UserUpdate = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  role: Role.optional(),
  teamId: id.nullable().optional(),
  disabled: z.boolean().optional(),
  /** Sets a new password the user must change at next login; ends their sessions. */
  password: NewPassword.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const LoginInput = z.object({ username: z.string().max(200), password: z.string().max(200) });
export type LoginInput = z.infer<typeof LoginInput>;

export const Session = z.object({ token: z.string(), expiresAt: isoTime, user: User });
export type Session = z.infer<typeof Session>;

export const PasswordChange = z.object({ currentPassword: z.string().max(200), newPassword: NewPassword });
export type PasswordChange = z.infer<typeof PasswordChange>;

export const ResidentTeamInput = z.object({ teamId: id.nullable() });

export const AuditEntry = z.object({
  id: z.number().int(),
  at: isoTime,
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetId: z.string().nullable(),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * The stream's WebSocket subprotocols: the client offers `vaka.v1` and `vaka.token.<token>`;
 * the server selects `vaka.v1`. A token in a header stays out of URLs, and so out of access
 * logs, proxy logs and browser history.
 */
export const STREAM_PROTOCOL = 'vaka.v1';
export const STREAM_TOKEN_PREFIX = 'vaka.token.';
/** Close codes: 4401 no valid session (sign in again), 4403 signed in but not allowed. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
/** Where a resident is now, as the behaviour model sees it (see service/model/resident-view.ts). */
export const Presence = z.enum(['home', 'out', 'asleep', 'unknown']);
export type Presence = z.infer<typeof Presence>;

export const ResidentPresence = z.object({ residentId: id, presence: Presence });
export type ResidentPresence = z.infer<typeof ResidentPresence>;

/** Activity events of one resident in one room and one local clock hour. */
export const ActivityCell = z.object({
  /** Local calendar day, YYYY-MM-DD, in the homes' time zone. */
  day: z.iso.date(),
  hour: z.number().int().min(0).max(23),
  roomId: id.nullable(),
  count: z.number().int().min(1),
});
export type ActivityCell = z.infer<typeof ActivityCell>;

export const ActivityGrid = z.object({
  residentId: id,
  timeZone: z.string(),
  /** The local days covered, oldest first; the last is today. */
  days: z.array(z.iso.date()),
  /** Only cells with activity; every other room × hour had none. */
  cells: z.array(ActivityCell),
});
export type ActivityGrid = z.infer<typeof ActivityGrid>;

export const RuleFeedbackView = z.object({
  ruleId: z.string(),
  falseAlarms: z.number(),
  confirmed: z.number(),
  expected: z.number(),
  /** Multiplies the rule's threshold: above 1 after false alarms. */
  factor: z.number(),
});

/** A resident's usual routine as learned, beside what today looked like so far. */
export const ResidentRoutine = z.object({
  residentId: id,
  presence: Presence,
  /** Days of the resident's own data; under 14 the population prior still weighs in. */
  learnedDays: z.number().int(),
  learning: z.boolean(),
  /** Minutes after local midnight. */
  wake: z.object({ usualMinute: z.number(), spreadMinutes: z.number(), todayMinute: z.number().nullable() }),
  bedtime: z.object({ usualMinute: z.number(), spreadMinutes: z.number() }),
  /** A daytime bathroom visit: the usual (median) and a long one (90th percentile), minutes. */
  bathroomVisit: z.object({ usualMinutes: z.number(), longMinutes: z.number() }),
  /** Usual activity events per local hour of a day (24 numbers), from the learned model. */
  usualPerHour: z.array(z.number()).length(24),
  feedback: z.array(RuleFeedbackView),
});
export type ResidentRoutine = z.infer<typeof ResidentRoutine>;

export const Percentiles = z.object({
  count: z.number().int(),
  p50Ms: z.number().nullable(),
  p90Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
});
export type Percentiles = z.infer<typeof Percentiles>;

/** The pipeline's figures over a window: event rate, rejects, and how fast alerts reached people. */
export const Metrics = z.object({
  windowHours: z.number(),
  /** Events stored per minute over the last 5 minutes and the last hour (null until sampled that long). */
  eventsPerMinute: z.object({ last5Min: z.number().nullable(), lastHour: z.number().nullable() }),
  deadLetters: z.object({ total: z.number().int(), byReason: z.record(z.string(), z.number().int()) }),
  alerts: z.object({
    raised: z.number().int(),
    /** Detection to the first dashboard that received it. */
    delivery: Percentiles,
    /** Detection to acknowledgement. */
    acknowledgement: Percentiles,
    openUnacknowledged: z.number().int(),
    oldestUnacknowledgedAt: isoTime.nullable(),
  }),
});
export type Metrics = z.infer<typeof Metrics>;
