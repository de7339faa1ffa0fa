/**
 * Every string the dashboard shows, by language. Components take them from `useStrings()`
 * and never write text of their own. Add a language by adding an object of type `Strings`.
 */
import type { Outcome, Severity, SystemProblemKind } from '../../service/contract.js';
import { explanationsEn, explanationsSv } from './i18n-explanations.js';
import { pagesEn, pagesSv } from './i18n-pages.js';

const en = {
  appName: 'Vaka',
  pages: pagesEn,
  /** An alert's explanation in words (i18n-explanations.ts). */
  explanations: explanationsEn,
  documentTitle: (open: number) => (open > 0 ? `(${open}) Vaka — alerts` : 'Vaka — alerts'),
  skipToAlerts: 'Skip to the page content',

  name: {
    label: 'Your name',
    hint: 'It is recorded with every alert you acknowledge or resolve.',
    save: 'Save',
    current: (name: string) => `Your name: ${name}`,
    change: 'Change name',
    required: 'Enter your name first: it is recorded with what you do.',
  },

  cues: {
    enable: 'Turn on alert sound and notifications',
    soundOn: 'Alert sound on',
    notificationsBlocked: 'Notifications are blocked in this browser',
  },

  connection: {
    connecting: 'Connecting to Vaka…',
    lost: 'Connection lost — reconnecting…',
    lostDetail: 'New alerts will not appear until the connection is back. The list may be out of date.',
    retryNow: 'Retry now',
    denied: 'Vaka refused this page’s connection. Reload the page, or ask an operator.',
  },

  health: {
    ok: 'Pipeline OK',
    degraded: 'Pipeline degraded',
    unknown: 'Pipeline health unknown',
    database: (ok: boolean): string => (ok ? 'database ok' : 'database failing'),
    broker: (connected: boolean): string => (connected ? 'MQTT broker connected' : 'MQTT broker disconnected'),
    pending: (n: number) => `${n} events queued`,
    rejected: (n: number) => `${n} rejected messages`,
    checked: (ago: string) => `checked ${ago}`,
  },

  alerts: {
    heading: 'Open alerts',
    loading: 'Loading alerts…',
    none: 'No open alerts.',
    severity: { critical: 'Critical', high: 'High', medium: 'Medium', technical: 'Technical' } satisfies Record<
      Severity,
      string
    >,
    notAcknowledged: 'Not acknowledged',
    acknowledgedBy: (by: string, ago: string) => `Acknowledged by ${by} ${ago}`,
    acknowledged: 'Acknowledged',
    repeated: 'Repeated',
    occurrences: (n: number, ago: string) => `${n} times, last ${ago}`,
    roomUnknown: 'Room unknown',
    detected: 'Detected',
    acknowledge: 'Acknowledge',
    acknowledging: 'Acknowledging…',
    resolve: 'Resolve…',
    escalated: (level: number, ago: string) =>
      `Escalated ${level === 1 ? 'once' : `${level} times`}, last ${ago}: not acknowledged in time`,
    toEveryone: 'Sent to all carers on duty',
    /** A short title per rule, in the staff's language; the explanation below it comes from the service. */
    rule: {
      'FALL-1': 'Fall',
      'FALL-2': 'Fall (wearable)',
      'FALL-3': 'Possible fall',
      'HELP-1': 'Help call',
      'INACT-1': 'Unusually inactive',
      'BATH-1': 'Long bathroom stay',
      'EXIT-1': 'Left home at night',
      'MORN-1': 'Morning routine missed',
      'WANDER-1': 'Restless at night',
      'MEAL-1': 'Meal missed',
      'DAY-1': 'Unusual day',
      'TREND-1': 'Change over weeks',
      'BATT-1': 'Battery low',
      'SILENT-1': 'Sensor silent',
      'HOME-1': 'Home silent',
      'SILENT-2': 'Sensor offline',
    } as Record<string, string>,
    provisional: 'Not saved yet: Vaka cannot reach its database. Act on it now; acknowledging works once it is back.',
    ackAfter: (duration: string) => `acknowledged ${duration} after detection`,
    notes: 'Notes',
    addNote: 'Add note',
    noteLabel: 'Note',
    saveNote: 'Save note',
    savingNote: 'Saving…',
    noteBy: (by: string, ago: string) => `${by}, ${ago}`,
  },

  system: {
    heading: 'Problems with Vaka itself',
    kind: {
      broker_unreachable: 'Sensor messages are not arriving',
      database_unreachable: 'Vaka cannot reach its database',
      event_writes_failing: 'Sensor events cannot be saved',
    } satisfies Record<SystemProblemKind, string>,
    detail: {
      broker_unreachable:
        'Vaka has lost the MQTT broker: no new alarms from the homes until it is back. Tell an operator.',
      database_unreachable:
        'New alerts still appear here, marked not saved. Acknowledging works once it is back. Tell an operator.',
      event_writes_failing: 'Events are held in memory and retried. Tell an operator if this lasts.',
    } satisfies Record<SystemProblemKind, string>,
    since: (ago: string) => `Since ${ago}`,
  },

  resolve: {
    legend: 'What was it?',
    outcome: {
      confirmed: 'Confirmed — it happened',
      false_alarm: 'False alarm',
      expected: 'Expected (visitor, away, planned)',
      cleared: 'Cleared by Vaka',
    } satisfies Record<Outcome, string>,
    note: 'Note (optional)',
    submit: 'Resolve alert',
    submitting: 'Resolving…',
    cancel: 'Cancel',
    chooseOutcome: 'Choose what it was.',
  },

  errors: {
    network: 'Could not reach Vaka. Check the connection and try again.',
    conflict: 'Someone else has already acted on this alert.',
    rejected: (message: string) => `Not accepted: ${message}`,
    server: 'Vaka had a problem. Try again; if it keeps failing, tell an operator.',
    invalid: 'Vaka answered in a way this page does not understand. Reload the page.',
  },

  announce: {
    critical: (reason: string, resident: string, room: string) => `Critical alert: ${reason} — ${resident}, ${room}`,
    notificationTitle: (resident: string) => `Critical alert — ${resident}`,
  },

  residents: {
    heading: 'Residents',
    loading: 'Loading residents…',
    none: 'No residents yet.',
    failed: 'Could not load residents.',
    lastActivity: 'Last activity',
    noActivity: 'No activity recorded',
    openAlerts: (n: number) => (n === 0 ? 'No open alerts' : n === 1 ? '1 open alert' : `${n} open alerts`),
  },

  time: {
    justNow: 'just now',
    minutesAgo: (m: number) => `${m} min ago`,
    hoursAgo: (h: number, m: number) => (m === 0 ? `${h} h ago` : `${h} h ${m} min ago`),
    daysAgo: (d: number) => (d === 1 ? '1 day ago' : `${d} days ago`),
    seconds: (s: number) => `${s} s`,
    minutes: (m: number) => `${m} min`,
    hours: (h: number, m: number) => (m === 0 ? `${h} h` : `${h} h ${m} min`),
  },
};

export type Strings = typeof en;

const sv: Strings = {
  appName: 'Vaka',
  pages: pagesSv,
  explanations: explanationsSv,
  documentTitle: (open) => (open > 0 ? `(${open}) Vaka — larm` : 'Vaka — larm'),
  skipToAlerts: 'Hoppa till sidans innehåll',

  name: {
    label: 'Ditt namn',
    hint: 'Det sparas med varje larm du kvitterar eller avslutar.',
    save: 'Spara',
    current: (name) => `Ditt namn: ${name}`,
    change: 'Byt namn',
    required: 'Skriv ditt namn först – det sparas med det du gör.',
  },

  cues: {
    enable: 'Slå på larmljud och aviseringar',
    soundOn: 'Larmljud på',
    notificationsBlocked: 'Aviseringar är blockerade i webbläsaren',
  },

  connection: {
    connecting: 'Ansluter till Vaka…',
    lost: 'Anslutningen bröts — återansluter…',
    lostDetail: 'Nya larm syns inte förrän anslutningen är tillbaka. Listan kan vara inaktuell.',
    retryNow: 'Försök nu',
    denied: 'Vaka nekade sidans anslutning. Ladda om sidan eller fråga en tekniker.',
  },

  health: {
    ok: 'Systemet fungerar',
    degraded: 'Systemet har problem',
    unknown: 'Systemstatus okänd',
    database: (ok) => (ok ? 'databasen ok' : 'databasen fungerar inte'),
    broker: (connected) => (connected ? 'MQTT-brokern ansluten' : 'MQTT-brokern frånkopplad'),
    pending: (n) => `${n} händelser i kö`,
    rejected: (n) => `${n} avvisade meddelanden`,
    checked: (ago) => `kontrollerat ${ago}`,
  },

  alerts: {
    heading: 'Öppna larm',
    loading: 'Hämtar larm…',
    none: 'Inga öppna larm.',
    severity: { critical: 'Kritisk', high: 'Hög', medium: 'Medel', technical: 'Teknisk' },
    notAcknowledged: 'Ej kvitterat',
    acknowledgedBy: (by, ago) => `Kvitterat av ${by} ${ago}`,
    acknowledged: 'Kvitterat',
    repeated: 'Upprepat',
    occurrences: (n, ago) => `${n} gånger, senast ${ago}`,
    roomUnknown: 'Okänt rum',
    detected: 'Upptäckt',
    acknowledge: 'Kvittera',
    acknowledging: 'Kvitterar…',
    resolve: 'Avsluta…',
    escalated: (level, ago) =>
      `Eskalerat ${level === 1 ? 'en gång' : `${level} gånger`}, senast ${ago}: inte kvitterat i tid`,
    toEveryone: 'Skickat till all personal i tjänst',
    rule: {
      'FALL-1': 'Fall',
      'FALL-2': 'Fall (armband)',
      'FALL-3': 'Möjligt fall',
      'HELP-1': 'Hjälplarm',
      'INACT-1': 'Ovanligt stilla',
      'BATH-1': 'Lång tid i badrummet',
      'EXIT-1': 'Gått ut på natten',
      'MORN-1': 'Morgonrutin uteblev',
      'WANDER-1': 'Orolig natt',
      'MEAL-1': 'Måltid uteblev',
      'DAY-1': 'Ovanlig dag',
      'TREND-1': 'Förändring över veckor',
      'BATT-1': 'Lågt batteri',
      'SILENT-1': 'Sensor tyst',
      'HOME-1': 'Hemmet tyst',
      'SILENT-2': 'Sensor offline',
    },
    provisional: 'Inte sparat än: Vaka når inte sin databas. Agera nu; kvittering fungerar när den är tillbaka.',
    ackAfter: (duration) => `kvitterat ${duration} efter upptäckt`,
    notes: 'Anteckningar',
    addNote: 'Lägg till anteckning',
    noteLabel: 'Anteckning',
    saveNote: 'Spara anteckning',
    savingNote: 'Sparar…',
    noteBy: (by, ago) => `${by}, ${ago}`,
  },

  system: {
    heading: 'Problem med Vaka',
    kind: {
      broker_unreachable: 'Sensormeddelanden kommer inte fram',
      database_unreachable: 'Vaka når inte sin databas',
      event_writes_failing: 'Sensorhändelser kan inte sparas',
    },
    detail: {
      broker_unreachable:
        'Vaka har tappat kontakten med MQTT-brokern: inga nya larm från hemmen förrän den är tillbaka. Meddela en tekniker.',
      database_unreachable:
        'Nya larm syns ändå här, märkta som inte sparade. Kvittering fungerar när den är tillbaka. Meddela en tekniker.',
      event_writes_failing: 'Händelserna hålls i minnet och sparas om. Meddela en tekniker om det fortsätter.',
    },
    since: (ago) => `Sedan ${ago}`,
  },

  resolve: {
    legend: 'Vad var det?',
    outcome: {
      confirmed: 'Bekräftat – det hände',
      false_alarm: 'Falsklarm',
      expected: 'Väntat (besök, bortrest, planerat)',
      cleared: 'Återställt av Vaka',
    },
    note: 'Anteckning (valfri)',
    submit: 'Avsluta larmet',
    submitting: 'Avslutar…',
    cancel: 'Avbryt',
    chooseOutcome: 'Välj vad det var.',
  },

  errors: {
    network: 'Kunde inte nå Vaka. Kontrollera anslutningen och försök igen.',
    conflict: 'Någon annan har redan hanterat larmet.',
    rejected: (message) => `Inte godkänt: ${message}`,
    server: 'Vaka fick ett fel. Försök igen; om det fortsätter, säg till en tekniker.',
    invalid: 'Vaka svarade på ett sätt som sidan inte förstår. Ladda om sidan.',
  },

  announce: {
    critical: (reason, resident, room) => `Kritiskt larm: ${reason} — ${resident}, ${room}`,
    notificationTitle: (resident) => `Kritiskt larm — ${resident}`,
  },

  residents: {
    heading: 'Brukare',
    loading: 'Hämtar brukare…',
    none: 'Inga brukare ännu.',
    failed: 'Kunde inte hämta brukare.',
    lastActivity: 'Senaste aktivitet',
    noActivity: 'Ingen aktivitet registrerad',
    openAlerts: (n) => (n === 0 ? 'Inga öppna larm' : n === 1 ? '1 öppet larm' : `${n} öppna larm`),
  },

  time: {
    justNow: 'nyss',
    minutesAgo: (m) => `för ${m} min sedan`,
    hoursAgo: (h, m) => (m === 0 ? `för ${h} tim sedan` : `för ${h} tim ${m} min sedan`),
    daysAgo: (d) => (d === 1 ? 'för 1 dag sedan' : `för ${d} dagar sedan`),
    seconds: (s) => `${s} s`,
    minutes: (m) => `${m} min`,
    hours: (h, m) => (m === 0 ? `${h} tim` : `${h} tim ${m} min`),
  },
};

export const strings = { en, sv } satisfies Record<string, Strings>;
export type Language = keyof typeof strings;
export const DEFAULT_LANGUAGE: Language = 'en';

/** The first of the browser's preferred languages that we have, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

function isLanguage(tag: string): tag is Language {
  return Object.hasOwn(strings, tag);
}
