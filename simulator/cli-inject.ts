/**
 * `simulate fall|help --home N`: ask a running simulation for an incident through its control
 * topic, or (--direct) publish the reporting device's message yourself, as the running
 * simulation would have.
 */
import { InputError } from './cli-errors.js';
import type { CliIo } from './cli-io.js';
import type { Broker, CohortChoice } from './cli-options.js';
import { UsageError } from './cli-options.js';
import { homesOf } from './cli-sources.js';
import type { IncidentKind, Topics } from './contract.js';
import { controlTopic, resolveHome, sendControl } from './control/index.js';
import { incidentReading } from './incidents.js';
import { connectPublisher } from './mqtt-publisher.js';
import { renderReading } from './payloads.js';

const CONNECT_TIMEOUT_MS = 5000;

export interface InjectRequest {
  kind: IncidentKind;
  /** A 1-based home number or a home id. */
  home: string;
  direct: boolean;
  broker: Broker;
  cohort: CohortChoice;
  topics: Topics;
}

export async function inject(request: InjectRequest, io: CliIo): Promise<void> {
  if (request.direct) {
    await injectDirectly(request, io);
    return;
  }
  const { broker, kind, home } = request;
  const topic = controlTopic(broker.controlPrefix);
  try {
    await sendControl(
      broker.url,
      { incident: kind, home },
      {
        prefix: broker.controlPrefix,
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        ...(broker.username === undefined ? {} : { username: broker.username }),
        ...(broker.password === undefined ? {} : { password: broker.password }),
      },
    );
  } catch (error) {
    throw new InputError(`cannot send to ${topic} at ${broker.url}: ${reasonOf(error)}`);
  }
  io.out(
    `sent ${kind} for home ${home} on ${topic}: a simulation listening there injects it and prints a line (none listening, nothing happens)`,
  );
}

async function injectDirectly(request: InjectRequest, io: CliIo): Promise<void> {
  const { homes, format, seed } = homesOf(request.cohort);
  const index = resolveHome(request.home, homes);
  if (typeof index === 'string') throw new UsageError(`--home: ${index}`);
  const home = homes[index];
  if (home === undefined) throw new UsageError(`--home: no home ${request.home}`);
  const scheduled = incidentReading(home, request.kind, io.now(), seed);
  const message = renderReading(format, scheduled.device, scheduled.reading, scheduled.at, request.topics);
  const { broker } = request;
  const publisher = await connectPublisher({
    url: broker.url,
    username: broker.username,
    password: broker.password,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
  try {
    await publisher.publish(message.topic, message.payload);
  } finally {
    await publisher.close();
  }
  io.out(
    `published ${request.kind} for home ${index + 1} (${home.id}, ${home.resident}): ${message.topic} ${message.payload}`,
  );
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  if (error.message === '' && error instanceof AggregateError) return reasonOf(error.errors[0]);
  return error.message.split('\n')[0] || (typeof code === 'string' ? code : 'failed');
}
