/**
 * Configuration, parsed once at start from the environment into a typed object that is
 * passed down. No other module reads process.env. Defaults carry their units.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { type EscalationPolicy, parseEscalationPolicy } from './alerts/escalation.js';
import type { RetentionPolicy } from './retention.js';

const port = z.coerce.number().int().min(0).max(65_535);
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();
const optionalText = z
  .string()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An empty variable (`VAR=` in a compose file) counts as unset. */
function unsetIfEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const Env = z.object({
  /** HTTP port for the dashboard, REST API and WebSocket stream. */
  PORT: port.default(8080),
  /** Address to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** External broker, e.g. mqtt://mosquitto:1883. Unset: run the embedded broker. */
  MQTT_URL: optionalUrl,
  /** Port of the embedded broker (only without MQTT_URL). */
  MQTT_PORT: port.default(1883),
  MQTT_USERNAME: optionalText,
  MQTT_PASSWORD: optionalText,
  /** The gateway's MQTT client id; the broker keeps Vaka's persistent session under it. */
  MQTT_CLIENT_ID: z.string().min(1).max(64).default('vaka-gateway'),
  /**
   * Let clients without a user name into the embedded broker, with every topic open, as before
   * issue 7: for a lab or a simulator run only. Off by default; ignored with MQTT_URL.
   */
  MQTT_ALLOW_ANONYMOUS: bool.default(false),
  /** External PostgreSQL, e.g. postgres://vaka@db:5432/vaka. Unset: embedded PGlite in DATA_DIR. */
  DATABASE_URL: optionalUrl,
  /** Folder for the embedded database's files (and the journal's, unless JOURNAL_DIR says otherwise). */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * The write-ahead journal's folder: each message is written here before it is acknowledged, so
   * a killed Vaka loses none (docs/reliability.md). Default <DATA_DIR>/journal (none with an
   * in-memory database); `off` turns it off.
   */
  JOURNAL_DIR: unsetIfEmpty(z.string().min(1)),
  /** The most disk the journal may use, in MiB. */
  JOURNAL_MAX_MB: z.coerce.number().int().min(16).default(256),
  /** Topic prefix of the Vaka native format: devices publish to <prefix>/sensor/<deviceId>. */
  VAKA_TOPIC_PREFIX: z.string().min(1).default('vaka'),
  /** Zigbee2MQTT base_topic. */
  Z2M_BASE_TOPIC: z.string().min(1).default('zigbee2mqtt'),
  /** Payloads larger than this are dead-lettered, in bytes. */
  MAX_PAYLOAD_BYTES: z.coerce.number().int().min(256).default(65_536),
  /** Exact duplicate messages within this window are dropped, in seconds. */
  DEDUPE_WINDOW_S: z.coerce.number().min(0).default(10),
  /** Event times further ahead than this are replaced by receive time, in seconds. */
  MAX_CLOCK_SKEW_S: z.coerce.number().min(0).default(300),
  /** A sensor with no message for this long raises a technical alert, in minutes. */
  SENSOR_SILENT_MIN: z.coerce.number().positive().default(180),
  /** Battery at or below this raises a technical alert, in percent. */
  BATTERY_LOW_PCT: z.coerce.number().min(0).max(100).default(15),
  /** IANA time zone of the homes: the behaviour model's hours of the day, mornings and nights. */
  VAKA_TIME_ZONE: z
    .string()
    .min(1)
    .refine(isTimeZone, 'not an IANA time zone, e.g. Europe/Stockholm')
    .default('Europe/Stockholm'),
  /** How often the learned behaviour models are saved to the database, in seconds (also at stop). */
  MODEL_SAVE_S: z.coerce.number().positive().default(300),
  /** How often absence detectors are evaluated on the wall clock, in seconds. */
  TICK_S: z.coerce.number().positive().default(30),
  /**
   * The escalation policy for alerts nobody acknowledges, as JSON: ladders per severity that
   * replace the defaults, e.g. {"critical":[{"afterS":60,"actions":["renotify","widen"]}]}.
   * Actions: renotify, raise (one severity up), widen (to every carer). docs/alert-lifecycle.md.
   */
  ESCALATION_POLICY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseEscalationPolicy(v);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `not a valid escalation policy: ${(error as Error).message}` });
      }
    }),
  /** How often unacknowledged alerts are checked for escalation, in seconds. */
  ESCALATION_CHECK_S: z.coerce.number().positive().default(5),
  /** Raw sensor events are deleted after this many days (the learned model keeps what it needs). */
  EVENT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(8, 'at least 8: the resident page shows the last 7 days')
    .default(90),
  /** Dead letters and unclaimed sightings are deleted after this many days. */
  DEAD_LETTER_RETENTION_DAYS: z.coerce.number().int().min(1).default(14),
  /** At most this many dead letters are kept (the newest), whatever their age. */
  DEAD_LETTER_MAX: z.coerce.number().int().min(100).default(100_000),
  /** At most this many unclaimed devices are kept (the most recently seen). */
  UNCLAIMED_MAX: z.coerce.number().int().min(10).default(10_000),
  /** Resolved alerts and the stream's change history are deleted after this many days. */
  ALERT_RETENTION_DAYS: z.coerce.number().int().min(30).default(365),
  /** How often retention runs, in minutes (also once shortly after start). */
  RETENTION_CHECK_MIN: z.coerce.number().positive().default(60),
  /** A problem with the broker or database must last this long before it is raised, in seconds. */
  SUPERVISION_GRACE_S: z.coerce.number().min(0).default(20),
  /** How often Vaka checks itself, in seconds. */
  SUPERVISION_CHECK_S: z.coerce.number().positive().default(5),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The first admin's username, used only when there are no accounts yet. */
  VAKA_ADMIN_USER: unsetIfEmpty(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{1,64}$/, 'letters, digits, . _ - (1–64)'),
  ),
  /** The first admin's password (at least 12 characters); unset or empty: a one-time password is printed at first start. */
  VAKA_ADMIN_PASSWORD: unsetIfEmpty(z.string().min(12, 'at least 12 characters').max(200)),
  /** How long a sign-in lasts, in hours (a shift and a margin). */
  VAKA_SESSION_HOURS: z.coerce.number().positive().max(720).default(12),
  /** Failed sign-ins allowed per username and address within LOGIN_WINDOW_MIN, then 429. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** The window of the sign-in rate limit, in minutes. */
  LOGIN_WINDOW_MIN: z.coerce.number().positive().default(15),
  /** Start simulated residents too (what `npm run demo` sets). */
  DEMO: bool.default(false),
});
export type Env = z.infer<typeof Env>;

export interface Config {
  http: { port: number; host: string };
  mqtt: {
    /** Undefined: start the embedded broker on embeddedPort. */
    url: string | undefined;
    embeddedPort: number;
    username: string | undefined;
    password: string | undefined;
    clientId: string;
    /** Embedded broker only: clients without a login may connect (a lab). */
    allowAnonymous: boolean;
  };
  database: { url: string | undefined; dataDir: string };
  /** The write-ahead journal: undefined dir when off; maxBytes in bytes. */
  journal: { dir: string | undefined; maxBytes: number };
  gateway: {
    nativePrefix: string;
    z2mBaseTopic: string;
    maxPayloadBytes: number;
    dedupeWindowMs: number;
    maxClockSkewMs: number;
  };
  detectors: { sensorSilentMs: number; batteryLowPct: number };
  /** The behaviour model: the homes' time zone, and the interval between saves in milliseconds. */
  behaviour: { timeZone: string; saveMs: number };
  tickMs: number;
  auth: {
    adminUser: string | undefined;
    adminPassword: string | undefined;
    /** Session length, in milliseconds. */
    sessionMs: number;
    loginMaxFailures: number;
    /** Rate-limit window, in milliseconds. */
    loginWindowMs: number;
  };
  /** What happens to alerts nobody acknowledges, and how often that is checked. */
  alerts: { escalation: EscalationPolicy; escalationCheckMs: number };
  retention: RetentionPolicy & { checkMs: number };
  supervision: { graceMs: number; checkMs: number };
  logLevel: Env['LOG_LEVEL'];
  demo: boolean;
}

export class ConfigError extends Error {
  readonly code = 'VAKA_ERR_CONFIG';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  return {
    http: { port: e.PORT, host: e.HOST },
    mqtt: {
      url: e.MQTT_URL,
      embeddedPort: e.MQTT_PORT,
      username: e.MQTT_USERNAME,
      password: e.MQTT_PASSWORD,
      clientId: e.MQTT_CLIENT_ID,
      allowAnonymous: e.MQTT_ALLOW_ANONYMOUS,
    },
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR },
    journal: { dir: journalDir(e), maxBytes: e.JOURNAL_MAX_MB * 1024 * 1024 },
    gateway: {
      nativePrefix: e.VAKA_TOPIC_PREFIX,
      z2mBaseTopic: e.Z2M_BASE_TOPIC,
      maxPayloadBytes: e.MAX_PAYLOAD_BYTES,
      dedupeWindowMs: e.DEDUPE_WINDOW_S * 1000,
      maxClockSkewMs: e.MAX_CLOCK_SKEW_S * 1000,
    },
    detectors: {
      sensorSilentMs: e.SENSOR_SILENT_MIN * 60_000,
      batteryLowPct: e.BATTERY_LOW_PCT,
    },
    behaviour: { timeZone: e.VAKA_TIME_ZONE, saveMs: e.MODEL_SAVE_S * 1000 },
    tickMs: e.TICK_S * 1000,
    auth: {
      adminUser: e.VAKA_ADMIN_USER,
      adminPassword: e.VAKA_ADMIN_PASSWORD,
      sessionMs: e.VAKA_SESSION_HOURS * 3_600_000,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginWindowMs: e.LOGIN_WINDOW_MIN * 60_000,
    },
    alerts: { escalation: parseEscalationPolicy(e.ESCALATION_POLICY), escalationCheckMs: e.ESCALATION_CHECK_S * 1000 },
    supervision: { graceMs: e.SUPERVISION_GRACE_S * 1000, checkMs: e.SUPERVISION_CHECK_S * 1000 },
    retention: {
      eventDays: e.EVENT_RETENTION_DAYS,
      deadLetterDays: e.DEAD_LETTER_RETENTION_DAYS,
      deadLetterMax: e.DEAD_LETTER_MAX,
      unclaimedMax: e.UNCLAIMED_MAX,
      alertDays: e.ALERT_RETENTION_DAYS,
      checkMs: e.RETENTION_CHECK_MIN * 60_000,
    },
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO,
  };
}

/** JOURNAL_DIR, or a folder inside DATA_DIR; none when off, or beside an in-memory database (nothing to replay into). */
function journalDir(e: Env): string | undefined {
  if (e.JOURNAL_DIR === 'off') return undefined;
  if (e.JOURNAL_DIR !== undefined) return e.JOURNAL_DIR;
  return e.DATA_DIR.startsWith('memory://') ? undefined : join(e.DATA_DIR, 'journal');
}
