/**
 * `simulate generate`: a cohort's messages as JSON lines and its ground truth, with no broker
 * and no waiting. One pass over the readings feeds the file, the realism summary and the
 * progress line; memory stays flat however long the cohort (the writer flushes every MB).
 */
import { type ChaosRates, createChaos } from './chaos/index.js';
import type { CliIo } from './cli-io.js';
import type { CohortChoice } from './cli-options.js';
import { formatRunReport } from './cli-report.js';
import { describeCohort, loadCohort } from './cli-sources.js';
import { createLineWriter, createMessageLines, type LineWriter, writeTruth } from './cli-writer.js';
import type { Topics } from './contract.js';
import { renderReading } from './payloads.js';
import { createProgress, createRealismSummary } from './report/index.js';

export interface GenerateRequest {
  cohort: Exclude<CohortChoice, { from: 'live' }>;
  topics: Topics;
  out: string | undefined;
  truth: string | undefined;
  chaos: Partial<ChaosRates> | undefined;
}

export function generate(request: GenerateRequest, io: CliIo): void {
  const wallStart = io.now();
  const cohort = loadCohort(request.cohort);
  const format = cohort.format;
  const topics = request.topics;
  const seed = cohort.scenario.seed;
  const truth = cohort.truth();
  io.out(
    `generating ${describeCohort(request.cohort, cohort)}, format ${format}, seed ${seed}` +
      `${request.chaos === undefined ? '' : ', with chaos'} → ${request.out ?? '(count only)'}`,
  );
  if (request.truth !== undefined) writeTruth(request.truth, truth);
  const writer: LineWriter | undefined = request.out === undefined ? undefined : createLineWriter(request.out, '--out');
  const chaos = request.chaos === undefined ? undefined : createChaos({ seed, rates: request.chaos, topics });
  const summary = createRealismSummary({ homes: cohort.homes, truth, start: cohort.start, end: cohort.end });
  const progress = createProgress({
    start: cohort.start,
    end: cohort.end,
    write: io.progress.write,
    isTTY: io.progress.isTTY,
    now: io.now,
  });
  const messageLine = createMessageLines();
  let readings = 0;
  let last = cohort.start;
  try {
    for (const reading of cohort.readings()) {
      readings++;
      last = reading.at;
      summary.add(reading);
      const message = renderReading(format, reading.device, reading.reading, reading.at, topics);
      if (chaos === undefined) {
        writer?.write(messageLine(reading.at, message));
      } else {
        for (const m of chaos.push({ ...message, at: reading.at })) {
          writer?.write(messageLine(reading.at, m, m.kind === 'genuine' ? undefined : m.kind));
        }
      }
      progress.update(reading.at, readings);
    }
    if (chaos !== undefined) {
      for (const m of chaos.flush()) writer?.write(messageLine(last, m, m.kind === 'genuine' ? undefined : m.kind));
    }
  } finally {
    writer?.close();
  }
  progress.done(cohort.end, readings);
  io.out(
    formatRunReport({
      verb: 'generated',
      readings,
      out: request.out === undefined || writer === undefined ? undefined : { path: request.out, lines: writer.lines },
      simulatedMs: cohort.end - cohort.start,
      wallMs: io.now() - wallStart,
      seed,
      truth: request.truth === undefined ? undefined : { path: request.truth, records: truth.length },
      realism: summary.result(),
      chaos: chaos?.report(),
    }),
  );
}
