/** The audit log's actions, outcomes and what they acted on, in words an administrator reads, by language. */
import type { AuditEntry } from '../../service/contract.js';
import type { Language } from './i18n.js';
import { useLocale } from './use-strings.js';

type Outcome = AuditEntry['outcome'];

/**
 * Every action Vaka writes: service/auth/policy.ts `audit:`, service/auth/auth-service.ts, and
 * `<scope>.read` for a refused look at another team's resident, alert or sensor (auth-hooks.ts).
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password',
  'user.create',
  'user.update',
  'team.create',
  'team.delete',
  'resident.create',
  'resident.delete',
  'resident.team',
  'resident.context.set',
  'resident.context.clear',
  'room.create',
  'device.create',
  'device.claim',
  'device.delete',
  'device.mqtt_login',
  'mqtt.bridge_login',
  'alert.acknowledge',
  'alert.resolve',
  'alert.note',
  'resident.read',
  'alert.read',
  'device.read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry acted on (audit-target.ts). */
export type TargetKind = 'account' | 'team' | 'resident' | 'sensor' | 'alert';

interface TargetStrings {
  /** For an id the page has no name for: "resident 3f2a91c0". */
  kinds: Record<TargetKind, string>;
  role: string;
  team: string;
  noTeam: string;
  disabled: string;
  enabled: string;
  passwordReset: string;
  /** A carer reached for a resident, alert or sensor of a team not their own. */
  otherTeam: string;
  /** Why a sign-in failed or was refused (auth-service.ts `reason`). */
  reasons: Record<string, string>;
}

export interface AuditStrings {
  actions: Record<AuditAction, string>;
  outcomes: Record<Outcome, string>;
  target: TargetStrings;
}

const en: AuditStrings = {
  actions: {
    'auth.login': 'Signed in',
    'auth.logout': 'Signed out',
    'auth.password': 'Changed password',
    'user.create': 'Added an account',
    'user.update': 'Changed an account',
    'team.create': 'Added a team',
    'team.delete': 'Removed a team',
    'resident.create': 'Added a resident',
    'resident.delete': 'Removed a resident',
    'resident.team': 'Moved a resident to another team',
    'resident.context.set': 'Set away, hospital or visitor',
    'resident.context.clear': 'Ended away, hospital or visitor',
    'room.create': 'Added a room',
    'device.create': 'Added a sensor',
    'device.claim': 'Claimed a sensor',
    'device.delete': 'Removed a sensor',
    'device.mqtt_login': 'Issued a sensor’s broker login',
    'mqtt.bridge_login': 'Issued the Zigbee bridge’s broker login',
    'alert.acknowledge': 'Acknowledged an alert',
    'alert.resolve': 'Resolved an alert',
    'alert.note': 'Added a note to an alert',
    'resident.read': 'Opened a resident',
    'alert.read': 'Opened an alert',
    'device.read': 'Opened a sensor',
  },
  outcomes: { success: 'Done', failure: 'Failed', denied: 'Refused' },
  target: {
    kinds: { account: 'account', team: 'team', resident: 'resident', sensor: 'sensor', alert: 'alert' },
    role: 'role',
    team: 'team',
    noTeam: 'no team',
    disabled: 'disabled',
    enabled: 'enabled',
    passwordReset: 'new temporary password',
    otherTeam: 'outside their team',
    reasons: {
      'bad credentials': 'wrong username or password',
      disabled: 'account disabled',
      'rate limited': 'too many attempts',
    },
  },
};

const sv: AuditStrings = {
  actions: {
    'auth.login': 'Loggade in',
    'auth.logout': 'Loggade ut',
    'auth.password': 'Bytte lösenord',
    'user.create': 'Lade till ett konto',
    'user.update': 'Ändrade ett konto',
    'team.create': 'Lade till ett team',
    'team.delete': 'Tog bort ett team',
    'resident.create': 'Lade till en brukare',
    'resident.delete': 'Tog bort en brukare',
    'resident.team': 'Flyttade en brukare till ett annat team',
    'resident.context.set': 'Markerade bortrest, sjukhus eller besök',
    'resident.context.clear': 'Avslutade bortrest, sjukhus eller besök',
    'room.create': 'Lade till ett rum',
    'device.create': 'Lade till en sensor',
    'device.claim': 'Kopplade en sensor',
    'device.delete': 'Tog bort en sensor',
    'device.mqtt_login': 'Gav en sensor nya inloggningsuppgifter till brokern',
    'mqtt.bridge_login': 'Gav Zigbee-bryggan nya inloggningsuppgifter till brokern',
    'alert.acknowledge': 'Kvitterade ett larm',
    'alert.resolve': 'Avslutade ett larm',
    'alert.note': 'Skrev en anteckning på ett larm',
    'resident.read': 'Öppnade en brukare',
    'alert.read': 'Öppnade ett larm',
    'device.read': 'Öppnade en sensor',
  },
  outcomes: { success: 'Utfört', failure: 'Misslyckades', denied: 'Nekades' },
  target: {
    kinds: { account: 'konto', team: 'team', resident: 'brukare', sensor: 'sensor', alert: 'larm' },
    role: 'roll',
    team: 'team',
    noTeam: 'inget team',
    disabled: 'avstängt',
    enabled: 'aktiverat',
    passwordReset: 'nytt tillfälligt lösenord',
    otherTeam: 'utanför eget team',
    reasons: {
      'bad credentials': 'fel användarnamn eller lösenord',
      disabled: 'kontot är avstängt',
      'rate limited': 'för många försök',
    },
  },
};

export const auditStrings = { en, sv } satisfies Record<Language, AuditStrings>;

/** An action in words; one Vaka does not know yet reads as its code. */
export function auditActionText(s: AuditStrings, action: string): string {
  return (s.actions as Record<string, string>)[action] ?? action;
}

export function useAuditStrings(): AuditStrings {
  return auditStrings[useLocale().language];
}
