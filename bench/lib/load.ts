/**
 * The load: a simulated cohort's first messages (simulator/, Vaka native format, one ordinary
 * day with no incidents), kept as templates so each run can put them under its own topic prefix
 * and move their event times up to the moment it starts. The same seed gives the same homes and
 * messages in every process, so the parent seeds the database from `homes` while a publisher
 * process renders the messages.
 */
import { createCohort, type Home } from '../../simulator/index.js';

export interface LoadSpec {
  residents: number;
  messages: number;
  seed: number;
}

export interface MessageTemplate {
  /** `/sensor/<deviceId>`: the topic after the prefix. */
  topicTail: string;
  /** The payload before and after the event time. */
  head: string;
  tail: string;
  ts: number;
}

export function cohortOf(spec: Pick<LoadSpec, 'residents' | 'seed'>) {
  return createCohort({
    name: 'bench',
    seed: spec.seed,
    start: '2025-03-03',
    days: 1,
    format: 'vaka',
    residents: { count: spec.residents },
    incidents: { rates: {} },
  });
}

export function homesOf(spec: Pick<LoadSpec, 'residents' | 'seed'>): readonly Home[] {
  return cohortOf(spec).homes;
}

const TS = /"ts":(\d+)/;

/** Splits a payload around its event time, so a run can move the time without parsing JSON. */
export function template(topic: string, payload: string, prefix: string): MessageTemplate {
  const match = TS.exec(payload);
  if (match === null || match[1] === undefined)
    throw new Error(`a simulated payload without "ts": ${payload.slice(0, 80)}`);
  return {
    topicTail: topic.slice(prefix.length),
    head: payload.slice(0, match.index + 5),
    tail: payload.slice(match.index + match[0].length),
    ts: Number(match[1]),
  };
}

export function render(t: MessageTemplate, shiftMs: number): string {
  return `${t.head}${t.ts + shiftMs}${t.tail}`;
}

/** The first `messages` messages of the cohort's day, in time order. */
export function templates(spec: LoadSpec): MessageTemplate[] {
  const out: MessageTemplate[] = [];
  for (const m of cohortOf(spec).messages({ prefix: 'vaka', baseTopic: 'zigbee2mqtt' })) {
    out.push(template(m.topic, m.payload, 'vaka'));
    if (out.length >= spec.messages) break;
  }
  return out;
}
