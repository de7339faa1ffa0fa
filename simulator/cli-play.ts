/**
 * `simulate run` and `simulate replay`: play a reading source onto the broker. Around the
 * runner: chaos (if asked for), the control topic and the keyboard for incidents on demand, a
 * progress line, the ground truth written before and (if incidents were added) after, and the
 * end-of-run report. Messages go through the publisher's bounded window (`send`), so at
 * --speed max the broker sets the pace, not one round trip per message.
 */
import { type Chaos, type ChaosPublish, chaosPublish, createChaos } from './chaos/index.js';
import { listenForControl } from './cli-control.js';
import type { CliIo } from './cli-io.js';
import { attachKeys, createKeyHandler } from './cli-keys.js';
import type { Broker, Play } from './cli-options.js';
import { formatRunReport } from './cli-report.js';
import type { Playable } from './cli-sources.js';
import { writeTruth } from './cli-writer.js';
import type { IncidentKind, ScheduledReading, SimMessage, Topics } from './contract.js';
import { connectPublisher, type Publisher } from './mqtt-publisher.js';
import { createProgress, createRealismSummary, formatSimSpan, type RealismSummary } from './report/index.js';
import { createSimulation, type Publish, type Simulation } from './runner.js';
import type { ReadingSource } from './source.js';

const CONNECT_TIMEOUT_MS = 5000;
/** At most one line about failing publishes per this many milliseconds: an outage must not flood the terminal. */
const FAILURE_LINE_EVERY_MS = 10_000;

export interface PlayRequest {
  playable: Playable;
  topics: Topics;
  broker: Broker;
  play: Play;
}

interface Played {
  simulation: Simulation;
  readings: number;
  triggered: Record<IncidentKind, number>;
  stoppedEarly: boolean;
  realism: RealismSummary;
  chaos: Chaos | undefined;
}

export async function playOnBroker(request: PlayRequest, io: CliIo): Promise<void> {
  const wallStart = io.now();
  const { broker } = request;
  let lastFailure = Number.NEGATIVE_INFINITY;
  const failure = (line: string) => {
    if (io.now() - lastFailure < FAILURE_LINE_EVERY_MS) return;
    lastFailure = io.now();
    io.out(line);
  };
  const publisher = await connectPublisher(
    {
      url: broker.url,
      username: broker.username,
      password: broker.password,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      maxInFlight: broker.maxInFlight,
    },
    (state, detail) =>
      io.out(
        state === 'lost'
          ? `broker connection lost${detail ? `: ${detail}` : ''}; reconnecting`
          : 'broker connection restored',
      ),
    { onError: (error, topic) => failure(`publish to ${topic} failed: ${error.message}`) },
  );
  let played: Played;
  try {
    played = await play(publisher, request, io, failure);
  } finally {
    // Waits (a while, while connected) for every message in flight to be acknowledged.
    await publisher.close();
  }
  const { source } = request.playable;
  const truth = played.simulation.truth();
  const injected = played.triggered.fall + played.triggered.help;
  const truthPath = request.play.truth;
  // A finite run's truth was written before publishing; write it again only if it changed.
  if (truthPath !== undefined && (source.end === undefined || injected > 0)) writeTruth(truthPath, truth);
  const c = publisher.counters();
  io.out(
    formatRunReport({
      verb: 'published',
      readings: played.readings,
      broker: { published: c.published, acked: c.acked, failed: c.failed },
      suppressed: played.simulation.counters().suppressed,
      simulatedMs: played.simulation.simTime() - source.start,
      wallMs: io.now() - wallStart,
      seed: request.playable.seed,
      triggered: played.triggered,
      truth: truthPath === undefined ? undefined : { path: truthPath, records: truth.length },
      stoppedEarly: played.stoppedEarly,
      realism: played.realism,
      chaos: played.chaos?.report(),
    }),
  );
}

async function play(
  publisher: Publisher,
  request: PlayRequest,
  io: CliIo,
  failure: (line: string) => void,
): Promise<Played> {
  const { playable, topics, broker, play } = request;
  const { source, format, seed } = playable;
  const end =
    play.durationMs === undefined
      ? source.end
      : Math.min(source.end ?? Number.POSITIVE_INFINITY, source.start + play.durationMs);
  const truth = source.truth();
  if (play.truth !== undefined && source.end !== undefined) writeTruth(play.truth, truth);
  const realism = createRealismSummary({ homes: source.homes, truth, start: source.start, end });
  const progress = createProgress({
    start: source.start,
    end,
    write: io.progress.write,
    isTTY: io.progress.isTTY,
    now: io.now,
  });
  let simulation: Simulation | undefined;
  const simTime = () => simulation?.simTime() ?? source.start;
  const chaos = play.chaos === undefined ? undefined : createChaos({ seed, rates: play.chaos, topics });
  const chaotic: ChaosPublish | undefined =
    chaos === undefined ? undefined : chaosPublish(publisher.send, chaos, simTime);
  const send = chaotic?.publish ?? publisher.send;
  let readings = 0;
  const publish: Publish = (topic, payload) => {
    readings++;
    progress.update(simTime(), readings);
    return send(topic, payload);
  };
  const running = createSimulation({
    publish,
    source: tapped(source, (reading) => realism.add(reading)),
    format,
    seed,
    speed: play.speed,
    ...(play.durationMs === undefined ? {} : { durationMs: play.durationMs }),
    topics,
    now: io.now,
    setTimer: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    onError: (error, message) => failure(`publish to ${message.topic} failed: ${(error as Error).message}`),
  });
  simulation = running;

  const triggered: Record<IncidentKind, number> = { fall: 0, help: 0 };
  const homes = source.homes;
  const inject = (kind: IncidentKind, homeIndex: number): Promise<SimMessage> => {
    triggered[kind]++;
    const home = homes[homeIndex];
    return running.trigger(kind, homeIndex).then(
      (message) => {
        io.out(
          `${kind} in home ${homeIndex + 1} (${home?.id}, ${home?.resident}): ${message.topic} ${message.payload}`,
        );
        return message;
      },
      (error: unknown) => {
        io.out(`${kind} in home ${homeIndex + 1} not published: ${(error as Error).message}`);
        throw error;
      },
    );
  };

  const speed = play.speed === Number.POSITIVE_INFINITY ? 'max' : `${play.speed}×`;
  const until =
    end === undefined
      ? ', until Ctrl-C'
      : play.durationMs === undefined
        ? ''
        : `, for ${formatSimSpan(play.durationMs)} simulated`;
  io.out(`publishing ${playable.description}, format ${format}, speed ${speed}, seed ${seed}${until} → ${broker.url}`);
  if (play.truth !== undefined && source.end !== undefined && end !== undefined && end < source.end) {
    io.out('note: --duration ends the run before its source does; the ground truth still covers all of it');
  }
  const unsubscribe = await listenForControl(publisher.client, source.homes, broker, inject, io);

  let stops = 0;
  const stop = () => {
    // A second Ctrl-C (or q) does not wait for a broker that is not answering.
    if (++stops > 1) {
      io.quitNow();
      return;
    }
    io.out('stopping (Ctrl-C again to quit at once)');
    void running.stop();
  };
  const offStop = io.onStop(stop);
  const offKeys =
    io.keys === undefined
      ? () => {}
      : attachKeys(
          io.keys,
          createKeyHandler(homes.length, {
            trigger: (kind, homeNumber) => void inject(kind, homeNumber - 1).catch(() => {}),
            quit: stop,
            say: io.out,
          }),
        );
  if (io.keys !== undefined) io.out('keys: f then 1–9 = fall, h then 1–9 = help press, q = quit');
  running.start();
  try {
    await running.done;
  } finally {
    offKeys();
    offStop();
    progress.done(running.simTime(), readings);
    await unsubscribe();
  }
  await chaotic?.flush();
  return {
    simulation: running,
    readings,
    triggered,
    stoppedEarly: end !== undefined && running.simTime() < end,
    realism: realism.result(),
    chaos,
  };
}

/** The source, telling `onReading` about each reading as the runner takes it. */
function tapped(source: ReadingSource, onReading: (reading: ScheduledReading) => void): ReadingSource {
  return {
    homes: source.homes,
    start: source.start,
    end: source.end,
    truth: () => source.truth(),
    *readings() {
      for (const reading of source.readings()) {
        onReading(reading);
        yield reading;
      }
    },
  };
}
