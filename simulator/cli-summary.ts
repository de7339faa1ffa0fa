/**
 * `simulate summary`: the realism summary of a cohort without publishing, and with --reference
 * the same cohort measured as docs/replay.md measures real homes (cli-reference.ts).
 */
import type { CliIo } from './cli-io.js';
import type { CohortChoice } from './cli-options.js';
import { createReferenceStats, formatReferenceStats } from './cli-reference.js';
import { describeCohort, loadCohort } from './cli-sources.js';
import { createProgress, createRealismSummary, formatRealismSummary } from './report/index.js';

export interface SummaryRequest {
  cohort: Exclude<CohortChoice, { from: 'live' }>;
  json: boolean;
  reference: boolean;
}

export function summarize(request: SummaryRequest, io: CliIo): void {
  const cohort = loadCohort(request.cohort);
  const realism = createRealismSummary({
    homes: cohort.homes,
    truth: cohort.truth(),
    start: cohort.start,
    end: cohort.end,
  });
  const reference = request.reference ? createReferenceStats(cohort.homes) : undefined;
  const progress = createProgress({
    start: cohort.start,
    end: cohort.end,
    write: io.progress.write,
    isTTY: io.progress.isTTY,
    now: io.now,
  });
  let readings = 0;
  for (const reading of cohort.readings()) {
    realism.add(reading);
    reference?.add(reading);
    progress.update(reading.at, ++readings);
  }
  progress.done(cohort.end, readings);
  const summary = realism.result();
  if (request.json) {
    io.out(JSON.stringify(reference === undefined ? summary : { ...summary, reference: reference.result() }, null, 2));
    return;
  }
  io.out(`${describeCohort(request.cohort, cohort)}, format ${cohort.format}, seed ${cohort.scenario.seed}`);
  io.out('');
  io.out(formatRealismSummary(summary));
  if (reference !== undefined) {
    io.out('');
    io.out(formatReferenceStats(reference.result()));
  }
}
