/**
 * Every command-line flag's value as a zod schema, keyed by the flag's own name, so a failed
 * check names the flag (`--speed: must be more than 0`). Values arrive as strings from parseArgs;
 * what they mean together (a cohort from flags or from a file, a dataset or an event log) is
 * cli-options.ts's job.
 */
import { z } from 'zod';
import { PayloadFormat } from '../gateway/contract.js';
import { ChaosKind, type ChaosRates } from './chaos/index.js';
import { ProfileName } from './contract.js';
import { IncidentPlan, TimeOfDay, VAN_KASTEREN_HOUSES } from './replay/index.js';

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `2h`, `1d`, `1h30m`: simulated milliseconds. */
export const duration = z
  .string()
  .regex(/^(\d+(\.\d+)?(ms|s|m|h|d))+$/, { error: 'expected a duration such as 90s, 30m, 2h, 1d or 1h30m' })
  .transform((text) => {
    let ms = 0;
    for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(ms|s|m|h|d)/g)) {
      ms += Number(amount) * (UNITS_MS[unit ?? ''] ?? 0);
    }
    return Math.round(ms);
  })
  .pipe(z.number().int().positive({ error: 'must be longer than 0' }));

/** Simulated time per real time; `max` (Infinity) plays as fast as the broker takes it. */
export const speed = z
  .string()
  .transform((text) => (/^(max|inf|infinity)$/i.test(text) ? Number.POSITIVE_INFINITY : Number(text)))
  // Not z.number(): it refuses Infinity, which is what "max" means.
  .refine((n) => !Number.isNaN(n), { error: 'expected a positive number or "max"' })
  .refine((n) => n > 0, { error: 'must be more than 0' });

/** A topic root: no wildcards, no leading or trailing `/`. */
export const topicRoot = z
  .string()
  .min(1)
  .refine((t) => !/[#+]/.test(t) && !t.startsWith('/') && !t.endsWith('/'), {
    error: 'a topic root has no # or + and no leading or trailing /',
  });

export const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const share = z.coerce
  .number({ error: 'expected a number from 0 to 1' })
  .min(0, { error: 'must be at least 0' })
  .max(1, { error: 'must be at most 1' });

/** `early_riser,night_owl` (equal shares) or `early_riser=2,night_owl=1` (weights). */
export const profileWeights = z.string().transform((text, ctx) => {
  const weights: Partial<Record<ProfileName, number>> = {};
  for (const part of text.split(',')) {
    const [name = '', weight = '1'] = part.trim().split('=');
    const profile = ProfileName.safeParse(name);
    const w = Number(weight);
    if (!profile.success) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown profile "${name}"; expected ${ProfileName.options.join(', ')}`,
      });
      return z.NEVER;
    }
    if (!(w >= 0) || weight.trim() === '') {
      ctx.addIssue({ code: 'custom', message: `"${part}": a weight is a number of 0 or more` });
      return z.NEVER;
    }
    weights[profile.data] = w;
  }
  if (!Object.values(weights).some((w) => w > 0)) {
    ctx.addIssue({ code: 'custom', message: 'at least one profile needs a weight above 0' });
    return z.NEVER;
  }
  return weights;
});

/** `malformed_json=0.01,duplicate=0.02`: per-kind chaos rates, 0–1 each. */
export const chaosKinds = z.string().transform((text, ctx) => {
  const rates: Partial<ChaosRates> = {};
  for (const part of text.split(',')) {
    const [name = '', rate = ''] = part.trim().split('=');
    const kind = ChaosKind.safeParse(name);
    if (!kind.success) {
      ctx.addIssue({ code: 'custom', message: `unknown kind "${name}"; expected ${ChaosKind.options.join(', ')}` });
      return z.NEVER;
    }
    const r = share.safeParse(rate);
    if (!r.success || rate.trim() === '') {
      ctx.addIssue({ code: 'custom', message: `"${part}": expected kind=rate with a rate from 0 to 1` });
      return z.NEVER;
    }
    rates[kind.data] = r.data;
  }
  return rates;
});

/** A 0-based day index of the replay, or a local date. */
const injectDay = z.union([z.string().regex(/^\d+$/).transform(Number), z.iso.date()], {
  error: 'expected a 0-based day number or a date YYYY-MM-DD',
});

const path = z.string().min(1, { error: 'expected a file name' });

/** Every flag's value, checked on its own. Keys are the flags' names. */
export const Flags = z.object({
  url: z.url({ protocol: /^(mqtts?|wss?|tcp|ssl)$/, error: 'expected a broker URL such as mqtt://host:1883' }),
  username: z.string().min(1),
  password: z.string(),
  'max-in-flight': whole(1, 65_535),
  'control-prefix': topicRoot,
  prefix: topicRoot,
  'base-topic': topicRoot,
  scenario: path,
  residents: whole(1, 100_000),
  days: whole(1, 3650),
  seed: whole(0, 4_294_967_295),
  /** Its meaning depends on the run (a date for a cohort, a time for a live run): checked in cli-options.ts. */
  start: z.string().min(1),
  profiles: profileWeights,
  incidents: z.enum(['default', 'none'], { error: 'expected default or none' }),
  format: z.enum(PayloadFormat.options, { error: 'expected vaka or z2m' }),
  speed,
  duration,
  truth: path,
  out: path,
  chaos: share,
  'chaos-kinds': chaosKinds,
  dataset: z.enum(['vankasteren'], { error: 'expected vankasteren (or use --event-log FILE --mapping FILE)' }),
  house: z
    .string()
    .transform((h) => h.toUpperCase())
    .pipe(z.enum(VAN_KASTEREN_HOUSES, { error: `expected one of ${VAN_KASTEREN_HOUSES.join(', ')}` })),
  'data-dir': path,
  'event-log': path,
  mapping: path,
  'start-date': z.iso.date({ error: 'expected a date YYYY-MM-DD' }),
  'time-zone': z.string().refine(isTimeZone, { error: 'not an IANA time zone, e.g. Europe/Stockholm' }),
  inject: z.enum(IncidentPlan.shape.kind.options, {
    error: `expected ${IncidentPlan.shape.kind.options.join(' or ')}`,
  }),
  'inject-day': injectDay,
  'inject-at': TimeOfDay,
  home: z.string().trim().min(1, { error: 'expected a home number (1, 2, …) or a home id (sim3)' }),
  direct: z.boolean(),
  list: z.boolean(),
  json: z.boolean(),
  reference: z.boolean(),
  help: z.boolean(),
});
export type Flags = z.infer<typeof Flags>;
export type FlagName = keyof Flags;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
