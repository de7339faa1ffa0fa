/**
 * Alert explanations in the staff's language: every explanation key the contract allows has a
 * sentence in English and in Swedish, with the figures in it, clock times in 24-hour form, and
 * Swedish that reads like Swedish.
 */
import { describe, expect, it } from 'vitest';
import { alertText } from '../../dashboard/src/alert-text.js';
import { strings } from '../../dashboard/src/i18n.js';
import { explanationText } from '../../dashboard/src/i18n-explanations.js';
import { type AlertExplanation, EXPLANATION_KEYS, type ExplanationKey } from '../../service/contract.js';
import { alert } from './fixtures.js';

const device = { kind: 'help_button', room: 'Hall', label: 'Larmknapp' };
const bathroom = { room: 'Badrum', group: 'bathroom' as const };

/** One explanation per key; a key added to the contract without a sample here does not compile. */
const SAMPLES: { [K in ExplanationKey]: Extract<AlertExplanation, { key: K }>['params'] } = {
  'fall.device': { device: { kind: 'fall_detector', room: 'Badrum', label: null } },
  'fall.wearable': { peakG: 5.4, stillS: 2.5, percent: 97 },
  'fall.silence': {
    place: bathroom,
    minutes: 34,
    since: 9 * 60 + 58,
    usualMax: 10,
    partOfDay: 'morning',
    days: 21,
    timesUsual: 3.4,
    overMin: 24,
  },
  'fall.hall': {
    place: { room: 'Hall', group: 'hall' },
    minutes: 31,
    usualMax: 6,
    days: 21,
    timesUsual: 5.2,
    overMin: 25,
  },
  'fall.outOfBed': {
    place: { room: 'Sovrum', group: 'bedroom' },
    minutes: 40,
    since: 3 * 60 + 5,
    usualMax: 20,
    days: 9,
    timesUsual: 2,
    overMin: 20,
  },
  'fall.outOfBedDay': {
    place: { room: 'Sovrum', group: 'bedroom' },
    minutes: 46,
    since: 13 * 60 + 18,
    usualMax: 32,
    days: 51,
    timesUsual: 1.4,
    overMin: 14,
  },
  'help.pressed': { device },
  'battery.low': { device, percent: 12, limit: 15 },
  'sensor.silent': {
    device: { kind: 'door', room: 'Hall', label: null },
    minutes: 540,
    limitMin: 422,
    usualLongestMin: 337,
  },
  'sensor.offline': { device: null },
  'home.silent': { devices: 6, minutes: 41, limitMin: 30, usualLongestMin: 24 },
  inactivity: {
    place: { room: 'Vardagsrum', group: 'living' },
    minutes: 130,
    since: 13 * 60 + 59,
    usualMax: 75,
    partOfDay: 'afternoon',
    days: 2,
    timesUsual: 1.7,
    overMin: 55,
  },
  'bathroom.long': {
    place: bathroom,
    minutes: 48,
    usualMin: 5,
    usualMax: 15,
    partOfDay: 'morning',
    days: 21,
    timesUsual: 3.2,
    overMin: 33,
  },
  'exit.night': { doorAt: 2 * 60 + 30, minutes: 16, bedFrom: 22 * 60 + 30, bedTo: 7 * 60, backWithin: 8, days: 21 },
  'morning.missed': { at: 9 * 60 + 2, since: 4 * 60, usualAt: 7 * 60 + 5, sd: 20, dayType: 'weekday', days: 21 },
  'wander.night': { since: 2 * 60 + 10, minutes: 25, moves: 9, rooms: 4, usualMax: 12, days: 21 },
  'meal.missed': {
    meal: 'lunch',
    at: 13 * 60 + 2,
    kitchenSince: 10 * 60 + 39,
    usualAt: 12 * 60 + 3,
    sd: 9,
    daysHad: 21,
    daysAtHome: 21,
    days: 21,
  },
};

const sample = (key: ExplanationKey) => ({ key, params: SAMPLES[key] }) as AlertExplanation;
const say = (language: 'en' | 'sv', e: AlertExplanation) => explanationText(e, strings[language].explanations);

describe('alert explanations in words', () => {
  it('cover every key of the contract in English and Swedish, each a sentence of its own figures', () => {
    expect(EXPLANATION_KEYS.length).toBeGreaterThanOrEqual(15);
    for (const key of EXPLANATION_KEYS) {
      const en = say('en', sample(key));
      const sv = say('sv', sample(key));
      for (const text of [en, sv]) {
        expect(text, key).toMatch(/^[A-ZÅÄÖ].*\.$/);
        expect(text, key).not.toMatch(/undefined|NaN|null|\[object/);
      }
      expect(sv, key).not.toBe(en);
      expect(sv, `${key} has English words in Swedish`).not.toMatch(/\b(the|usually|from|days|at night|limit)\b/);
    }
  });

  it('say the bathroom example the way a Swedish undersköterska would read it', () => {
    expect(say('sv', sample('bathroom.long'))).toBe(
      'I badrummet i 48 min; brukar vara 5–15 min på förmiddagen, enligt 21 dagar. Det är 3,2 gånger så länge som vanligt.',
    );
    expect(say('en', sample('bathroom.long'))).toBe(
      'In the bathroom for 48 min; usually 5–15 min in the morning, from 21 days. This is 3.2× the usual longest.',
    );
  });

  it('name devices by what they are, where and their label; an unknown one as such', () => {
    expect(say('sv', sample('help.pressed'))).toBe('Larmknappen i Hall (Larmknapp) har tryckts in.');
    expect(say('sv', sample('battery.low'))).toBe(
      'Larmknappen i Hall (Larmknapp) har 12 % batteri kvar (gräns 15 %). Byt batteri.',
    );
    expect(say('sv', sample('sensor.offline'))).toBe('En okänd enhet är offline enligt Zigbee-bryggan.');
    expect(say('sv', sample('sensor.silent'))).toContain('på 9 tim (gräns 7 tim 2 min;');
  });

  it('say that a whole home is silent [HOME-1], and what to check', () => {
    expect(say('en', sample('home.silent'))).toBe(
      "No message from any of the home's 6 devices for 41 min (limit 30 min; the home's usual longest quiet spell is 24 min). Check the home’s bridge, power and network: no alarm can come from there.",
    );
    expect(say('sv', sample('home.silent'))).toContain('Inget meddelande från någon av hemmets 6 enheter på 41 min');
  });

  it('give clock times in 24-hour form in English too, and say how much is learned', () => {
    const en = say('en', sample('morning.missed'));
    expect(en).toBe(
      'Not up yet at 09:02: no lasting activity outside the bedroom since 04:00. Usually up at 07:05 ± 20 min on weekdays, from 21 days.',
    );
    expect(say('en', sample('exit.night'))).toContain('from about 22:30 to 07:00');
    expect(say('sv', sample('inactivity'))).toContain('enligt typiska boende medan Vaka lär sig (2 dagar hittills)');
    expect(say('sv', sample('inactivity'))).toContain('det är 55 min längre än vanligt');
  });

  it('[FALL-3] say "at night" of a still spell out of bed only at night', () => {
    expect(say('en', sample('fall.outOfBed'))).toMatch(
      /^Possible fall: out of bed at night and no movement for 40 min/,
    );
    expect(say('en', sample('fall.outOfBedDay'))).toMatch(
      /^Possible fall: out of bed and no movement for 46 min \(last in .* at 13:18\)\./,
    );
    expect(say('sv', sample('fall.outOfBedDay'))).toMatch(/^Möjligt fall: uppe ur sängen och ingen rörelse på 46 min/);
  });

  it('add a registered visitor after the explanation', () => {
    const e = { ...sample('inactivity'), context: { kind: 'visitor' as const, until: 18 * 60, note: 'dottern' } };
    expect(say('sv', e)).toMatch(/Har besök till kl\. 18:00 \(dottern\)\.$/);
    expect(say('en', e)).toMatch(/With a visitor until 18:00 \(dottern\)\.$/);
  });

  it('show an alert in the page’s language, and the English reason only for an alert without an explanation', () => {
    const explained = alert({ explanation: sample('help.pressed') });
    expect(alertText(explained, strings.sv)).toEqual({
      text: 'Larmknappen i Hall (Larmknapp) har tryckts in.',
      lang: undefined,
    });
    const old = alert({ reason: 'Help requested', explanation: null });
    expect(alertText(old, strings.sv)).toEqual({ text: 'Help requested', lang: 'en' });
  });
});
