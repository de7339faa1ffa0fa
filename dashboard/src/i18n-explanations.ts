/**
 * An alert's explanation (service/contract.ts AlertExplanation) in words, by language: what
 * was observed, what is usual for this person at this hour and from how many days, and how
 * far outside it is. One sentence builder per explanation key; a key without one in a
 * language does not compile. Clock times are 24-hour in every language (care staff in Sweden).
 */
import type { AlertExplanation, ExplanationContext, ExplanationKey } from '../../service/contract.js';
// The English names are the service's own, so the page and the `reason` name things alike.
import { KIND_NAMES } from '../../service/detectors/detector.js';
import { GROUP_NAMES } from '../../service/model/rooms.js';

type ParamsOf<K extends ExplanationKey> = Extract<AlertExplanation, { key: K }>['params'];
type Device = ParamsOf<'help.pressed'>['device'];
type Place = ParamsOf<'inactivity'>['place'];
type PartOfDay = ParamsOf<'inactivity'>['partOfDay'];
type ContextWords = { [K in ExplanationContext['kind']]: string };

export type ExplanationTexts = { [K in ExplanationKey]: (p: ParamsOf<K>) => string } & {
  context: (c: ExplanationContext) => string;
};

/** "07:05": a local clock minute, 24-hour. */
export function clockOf(minuteOfDay: number): string {
  const m = ((Math.round(minuteOfDay) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const decimal = (locale: string) => (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });

// ---------------------------------------------------------------------------------------------
// English

const enNumber = decimal('en-GB');
const enDuration = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
};
const enDevice = (d: Device) =>
  d === null
    ? 'an unknown device'
    : `the ${d.room ? `${d.room.toLowerCase()} ` : ''}${KIND_NAMES[d.kind] ?? d.kind}${d.label ? ` (${d.label})` : ''}`;
/** The room by what kind of room it is ("the bathroom", whatever its name); else its name. */
const enPlace = (p: Place) => (p.group === 'other' && p.room ? `the ${p.room.toLowerCase()}` : GROUP_NAMES[p.group]);
const EN_PART: Record<PartOfDay, string> = {
  night: 'at night',
  morning: 'in the morning',
  afternoon: 'in the afternoon',
  evening: 'in the evening',
};
const enDays = (days: number) => {
  if (days <= 0) return 'from typical residents, nothing learned yet';
  if (days < 3) return `from typical residents while learning (${days} ${days === 1 ? 'day' : 'days'} so far)`;
  if (days < 14) return `from ${days} days, still learning`;
  return `from ${days} days`;
};
const enFar = (p: { timesUsual: number; overMin: number }) =>
  p.timesUsual >= 2
    ? `${enNumber(p.timesUsual)}× the usual longest`
    : `${enDuration(p.overMin)} past the usual longest`;
/** [FALL-3] Out of bed and still: at night, or (`when` empty) in the daytime. */
const enOutOfBed = (p: ParamsOf<'fall.outOfBed'>, when: string) =>
  `Possible fall: out of bed${when} and no movement for ${enDuration(p.minutes)} (last in ${enPlace(p.place)} at ${clockOf(p.since)}). ` +
  `Usually quiet there for at most ${enDuration(p.usualMax)} at this hour, ${enDays(p.days)}; this is ${enFar(p)}.`;
const EN_CONTEXT: ContextWords = {
  away: 'Registered as away',
  hospital: 'Registered as in hospital',
  visitor: 'With a visitor',
};

export const explanationsEn: ExplanationTexts = {
  'fall.device': (p) => `Fall reported by ${enDevice(p.device)}.`,
  'fall.wearable': (p) =>
    `Wearable: impact of ${enNumber(p.peakG)} g, then ${p.stillS >= 0.5 ? `lying still for ${enNumber(p.stillS)} s` : 'hardly moving'}; ` +
    `${p.percent === null ? 'a fall is likely' : `a fall is ${p.percent}% likely`}.`,
  'fall.silence': (p) =>
    `Possible fall: no movement in ${enPlace(p.place)} for ${enDuration(p.minutes)} (since ${clockOf(p.since)}). ` +
    `Usually quiet there for at most ${enDuration(p.usualMax)} ${EN_PART[p.partOfDay]}, ${enDays(p.days)}; this is ${enFar(p)}.`,
  'fall.hall': (p) =>
    `Possible fall: in ${enPlace(p.place)} for ${enDuration(p.minutes)} moving now and then but not leaving. ` +
    `Usually passes through in at most ${enDuration(p.usualMax)}, ${enDays(p.days)}; this is ${enFar(p)}.`,
  'fall.outOfBed': (p) => enOutOfBed(p, ' at night'),
  'fall.outOfBedDay': (p) => enOutOfBed(p, ''),
  'help.pressed': (p) => `Help requested: ${enDevice(p.device)} was pressed.`,
  'battery.low': (p) =>
    `Battery of ${enDevice(p.device)} ${p.percent === null ? 'reported low' : `at ${p.percent}% (limit ${p.limit}%)`}: replace it.`,
  'sensor.silent': (p) =>
    `No message from ${enDevice(p.device)} for ${enDuration(p.minutes)} (limit ${enDuration(p.limitMin)}` +
    `${p.usualLongestMin === null ? '' : `; its usual longest gap between messages is ${enDuration(p.usualLongestMin)}`}).`,
  'sensor.offline': (p) => `${capitalise(enDevice(p.device))} is reported offline by its Zigbee bridge.`,
  'home.silent': (p) =>
    `No message from any of the home's ${p.devices} devices for ${enDuration(p.minutes)} (limit ${enDuration(p.limitMin)}` +
    `${p.usualLongestMin === null ? '' : `; the home's usual longest quiet spell is ${enDuration(p.usualLongestMin)}`}). ` +
    'Check the home’s bridge, power and network: no alarm can come from there.',
  inactivity: (p) =>
    `No activity anywhere for ${enDuration(p.minutes)} (last in ${enPlace(p.place)} at ${clockOf(p.since)}). ` +
    `Usually quiet there for at most ${enDuration(p.usualMax)} ${EN_PART[p.partOfDay]}, ${enDays(p.days)}; this is ${enFar(p)}.`,
  'bathroom.long': (p) =>
    `In ${enPlace(p.place)} for ${enDuration(p.minutes)}; usually ${p.usualMin}–${p.usualMax} min ${EN_PART[p.partOfDay]}, ` +
    `${enDays(p.days)}. This is ${enFar(p)}.`,
  'exit.night': (p) =>
    `Front door used at ${clockOf(p.doorAt)} at night and no movement indoors since (${enDuration(p.minutes)}). ` +
    `Usually in bed from about ${clockOf(p.bedFrom)} to ${clockOf(p.bedTo)}; ` +
    `${p.backWithin === null ? 'the door is not used at night' : `on nights the door is used, back within ${enDuration(p.backWithin)}`} (${enDays(p.days)}).`,
  'morning.missed': (p) =>
    `Not up yet at ${clockOf(p.at)}: no lasting activity outside the bedroom since ${clockOf(p.since)}. ` +
    `Usually up at ${clockOf(p.usualAt)} ± ${p.sd} min${p.dayType === 'any' ? '' : ` on ${p.dayType}s`}, ${enDays(p.days)}.`,
  'wander.night': (p) =>
    `Up at night and moving between rooms since ${clockOf(p.since)}: ${enDuration(p.minutes)} out of the bedroom, ` +
    `${p.moves} room changes through ${p.rooms} rooms. Usually up at night for at most ${enDuration(p.usualMax)} at a time, ${enDays(p.days)}.`,
  'meal.missed': (p) =>
    `No ${p.meal} yet at ${clockOf(p.at)}: nothing in the kitchen since ${clockOf(p.kitchenSince)}. ` +
    `Usually ${p.meal} at about ${clockOf(p.usualAt)} ± ${p.sd} min, on ${p.daysHad} of ${p.daysAtHome} days at home, ${enDays(p.days)}.`,
  context: (c) => `${EN_CONTEXT[c.kind]} until ${clockOf(c.until)}${c.note ? ` (${c.note})` : ''}.`,
};

// ---------------------------------------------------------------------------------------------
// Swedish: written for an undersköterska on the night shift, not for a statistician.

const svNumber = decimal('sv-SE');
const svDuration = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} tim` : `${h} tim ${m} min`;
};
/** The device in its definite form, as staff say it ("larmknappen"). */
const SV_KIND: Record<string, string> = {
  motion: 'rörelsesensorn',
  door: 'dörrsensorn',
  presence: 'närvarosensorn',
  bed: 'sängsensorn',
  chair: 'stolsensorn',
  power_plug: 'det smarta uttaget',
  help_button: 'larmknappen',
  fall_detector: 'fallsensorn',
  wearable: 'armbandslarmet',
  water_leak: 'läckagesensorn',
  vibration: 'vibrationssensorn',
  other: 'sensorn',
};
const svDevice = (d: Device) =>
  d === null
    ? 'en okänd enhet'
    : `${SV_KIND[d.kind] ?? d.kind}${d.room ? ` i ${d.room}` : ''}${d.label ? ` (${d.label})` : ''}`;
/** The room by what kind of room it is, in its definite form ("i badrummet"); else its name. */
const SV_GROUP: Record<Exclude<Place['group'], 'other'>, string> = {
  bathroom: 'badrummet',
  hall: 'hallen',
  bedroom: 'sovrummet',
  kitchen: 'köket',
  living: 'vardagsrummet',
};
const svPlace = (p: Place) => (p.group === 'other' ? (p.room ?? 'ett rum') : SV_GROUP[p.group]);
const SV_PART: Record<PartOfDay, string> = {
  night: 'på natten',
  morning: 'på förmiddagen',
  afternoon: 'på eftermiddagen',
  evening: 'på kvällen',
};
const svDays = (days: number) => {
  if (days <= 0) return 'enligt typiska boende, inget inlärt ännu';
  if (days < 3) return `enligt typiska boende medan Vaka lär sig (${days} ${days === 1 ? 'dag' : 'dagar'} hittills)`;
  if (days < 14) return `enligt ${days} dagar, lär sig fortfarande`;
  return `enligt ${days} dagar`;
};
const svFar = (p: { timesUsual: number; overMin: number }) =>
  p.timesUsual >= 2
    ? `${svNumber(p.timesUsual)} gånger så länge som vanligt`
    : `${svDuration(p.overMin)} längre än vanligt`;
const svOutOfBed = (p: ParamsOf<'fall.outOfBed'>, when: string) =>
  `Möjligt fall: uppe ur sängen${when} och ingen rörelse på ${svDuration(p.minutes)} (senast i ${svPlace(p.place)} kl. ${clockOf(p.since)}). ` +
  `Brukar vara stilla där högst ${svDuration(p.usualMax)} vid den här tiden, ${svDays(p.days)}; det är ${svFar(p)}.`;
const SV_MEAL = { lunch: 'lunch', dinner: 'middag' } as const;

export const explanationsSv: ExplanationTexts = {
  'fall.device': (p) => `${capitalise(svDevice(p.device))} har larmat om fall.`,
  'fall.wearable': (p) =>
    `Armbandslarmet: stöt på ${svNumber(p.peakG)} g, sedan ${p.stillS >= 0.5 ? `stilla i ${svNumber(p.stillS)} s` : 'nästan ingen rörelse'}; ` +
    `${p.percent === null ? 'troligen ett fall' : `${p.percent} % sannolikhet för fall`}.`,
  'fall.silence': (p) =>
    `Möjligt fall: ingen rörelse i ${svPlace(p.place)} på ${svDuration(p.minutes)} (sedan kl. ${clockOf(p.since)}). ` +
    `Brukar vara stilla där högst ${svDuration(p.usualMax)} ${SV_PART[p.partOfDay]}, ${svDays(p.days)}; det är ${svFar(p)}.`,
  'fall.hall': (p) =>
    `Möjligt fall: i ${svPlace(p.place)} i ${svDuration(p.minutes)}, rör sig ibland men går inte därifrån. ` +
    `Brukar passera på högst ${svDuration(p.usualMax)}, ${svDays(p.days)}; det är ${svFar(p)}.`,
  'fall.outOfBed': (p) => svOutOfBed(p, ' på natten'),
  'fall.outOfBedDay': (p) => svOutOfBed(p, ''),
  // The card's title already says "Hjälplarm" / "Lågt batteri": the sentence says which device.
  'help.pressed': (p) => `${capitalise(svDevice(p.device))} har tryckts in.`,
  'battery.low': (p) =>
    p.percent === null
      ? `${capitalise(svDevice(p.device))} rapporterar lågt batteri. Byt batteri.`
      : `${capitalise(svDevice(p.device))} har ${p.percent} % batteri kvar (gräns ${p.limit} %). Byt batteri.`,
  'sensor.silent': (p) =>
    `Inget meddelande från ${svDevice(p.device)} på ${svDuration(p.minutes)} (gräns ${svDuration(p.limitMin)}` +
    `${p.usualLongestMin === null ? '' : `; brukar som längst vara tyst i ${svDuration(p.usualLongestMin)}`}).`,
  'sensor.offline': (p) => `${capitalise(svDevice(p.device))} är offline enligt Zigbee-bryggan.`,
  'home.silent': (p) =>
    `Inget meddelande från någon av hemmets ${p.devices} enheter på ${svDuration(p.minutes)} (gräns ${svDuration(p.limitMin)}` +
    `${p.usualLongestMin === null ? '' : `; hemmet brukar som längst vara tyst i ${svDuration(p.usualLongestMin)}`}). ` +
    'Kontrollera hemmets brygga, ström och nätverk: inga larm kan komma därifrån.',
  inactivity: (p) =>
    `Ingen aktivitet någonstans på ${svDuration(p.minutes)} (senast i ${svPlace(p.place)} kl. ${clockOf(p.since)}). ` +
    `Brukar vara stilla där högst ${svDuration(p.usualMax)} ${SV_PART[p.partOfDay]}, ${svDays(p.days)}; det är ${svFar(p)}.`,
  'bathroom.long': (p) =>
    `I ${svPlace(p.place)} i ${svDuration(p.minutes)}; brukar vara ${p.usualMin}–${p.usualMax} min ${SV_PART[p.partOfDay]}, ` +
    `${svDays(p.days)}. Det är ${svFar(p)}.`,
  'exit.night': (p) =>
    `Ytterdörren användes kl. ${clockOf(p.doorAt)} på natten och ingen rörelse inomhus sedan dess (${svDuration(p.minutes)}). ` +
    `Brukar sova ungefär ${clockOf(p.bedFrom)}–${clockOf(p.bedTo)}; ` +
    `${p.backWithin === null ? 'dörren används inte på natten' : `tillbaka inom ${svDuration(p.backWithin)} de nätter dörren används`} (${svDays(p.days)}).`,
  'morning.missed': (p) =>
    `Inte uppe ännu kl. ${clockOf(p.at)}: ingen varaktig aktivitet utanför sovrummet sedan kl. ${clockOf(p.since)}. ` +
    `Brukar gå upp kl. ${clockOf(p.usualAt)} ± ${p.sd} min${p.dayType === 'any' ? '' : p.dayType === 'weekend' ? ' på helger' : ' på vardagar'}, ${svDays(p.days)}.`,
  'wander.night': (p) =>
    `Uppe på natten och går mellan rummen sedan kl. ${clockOf(p.since)}: ${svDuration(p.minutes)} utanför sovrummet, ` +
    `${p.moves} rumsbyten genom ${p.rooms} rum. Brukar vara uppe högst ${svDuration(p.usualMax)} åt gången på natten, ${svDays(p.days)}.`,
  'meal.missed': (p) =>
    `Ingen ${SV_MEAL[p.meal]} ännu kl. ${clockOf(p.at)}: inget i köket sedan kl. ${clockOf(p.kitchenSince)}. ` +
    `Brukar äta ${SV_MEAL[p.meal]} runt kl. ${clockOf(p.usualAt)} ± ${p.sd} min, ${p.daysHad} av ${p.daysAtHome} dagar hemma, ${svDays(p.days)}.`,
  context: (c) =>
    `${c.kind === 'visitor' ? 'Har besök' : c.kind === 'hospital' ? 'Registrerad som inlagd på sjukhus' : 'Registrerad som bortrest'} ` +
    `till kl. ${clockOf(c.until)}${c.note ? ` (${c.note})` : ''}.`,
};

/** The explanation in words; the context (a registered visitor) after it. */
export function explanationText(e: AlertExplanation, texts: ExplanationTexts): string {
  // The key picks its own builder; TypeScript cannot see that the pair matches, the union does.
  const say = texts[e.key] as (p: AlertExplanation['params']) => string;
  const text = say(e.params);
  return e.context === undefined ? text : `${text} ${texts.context(e.context)}`;
}
