/**
 * At start, before the broker connects: what a killed Vaka left in the journal goes through the
 * gateway's ingest again (journal-sink.ts), with the replay guard checking every alert action
 * against the stored alerts (replay-guard.ts). Returns once every replayed alert action is
 * settled, so live actions cannot overtake them; the replayed writes go on in the pipeline.
 */
import type { Logger } from 'pino';
import type { Gateway } from '../../gateway/gateway.js';
import type { JournalSink, ReplayReport } from './journal-sink.js';
import type { ReplayGuard } from './replay-guard.js';

export interface ReplayOutcome extends ReplayReport {
  /** Alert actions that were new (raised or cleared now), and those already stored before the kill. */
  alertActions: { passed: number; dropped: number };
  ms: number;
}

export async function replayJournal(
  sink: JournalSink,
  guard: ReplayGuard,
  gateway: Pick<Gateway, 'replay'>,
  log: Logger,
): Promise<ReplayOutcome> {
  const started = performance.now();
  guard.begin();
  let report: ReplayReport;
  let alertActions: ReplayOutcome['alertActions'];
  try {
    report = await sink.replay((topic, payload, receivedAt, packetId) =>
      gateway.replay(topic, payload, receivedAt, packetId),
    );
  } finally {
    alertActions = await guard.finish();
  }
  const outcome: ReplayOutcome = { ...report, alertActions, ms: Math.round(performance.now() - started) };
  if (outcome.messages > 0) log.info(outcome, 'journal replayed: messages received before the last stop');
  if (outcome.modelGap > 0) {
    log.warn(
      { modelGap: outcome.modelGap },
      'journal: messages the saved models had not learned were deleted for room; the models miss them',
    );
  }
  return outcome;
}
