/**
 * SisFall trials as streams of windows with their features, and which windows a model may
 * learn "fall" from. Shared by training and evaluation so both see the same windows.
 */
import { type FallFeatures, featureVector, windowFeatures } from './features.js';
import { listTrials, readTrial, type Trial, type TrialId } from './sisfall.js';
import { MODEL_RATE_HZ, sliceWindows, type WindowSpec } from './windows.js';

/**
 * A fall window is a positive example only when at least this much of the window follows the
 * impact, seconds: with less, the window cannot show the stillness after it (the next window
 * of the stream will).
 */
export const MIN_AFTER_IMPACT_S = 1;

export interface StreamWindow {
  startS: number;
  features: FallFeatures;
  vector: number[];
  /** 1: shows a fall's impact and what follows; 0: daily activity; undefined: not used to learn. */
  label: 0 | 1 | undefined;
}

export interface TrialStream {
  id: Omit<TrialId, 'path'>;
  /** Seconds from the trial start to its largest |a|: where the fall is, for fall trials. */
  impactS: number;
  windows: StreamWindow[];
}

/**
 * The windows a wearable would send during the trial, with features and labels. SisFall does
 * not mark when a fall happens; its largest impact is taken as the fall (for 98% of fall
 * trials stillness follows it). Fall-trial windows without the impact, or with it too close
 * to the window's end, are left out of training: before the fall is ordinary activity that
 * may already stumble, after it the person lies on a mat and may still bounce or roll.
 */
export function trialStream(trial: Trial, spec: WindowSpec): TrialStream {
  let impact = 0;
  let peak = -1;
  trial.samples.forEach(([x, y, z], i) => {
    const m = x * x + y * y + z * z;
    if (m > peak) {
      peak = m;
      impact = i;
    }
  });
  const impactS = impact / MODEL_RATE_HZ;
  const windows = sliceWindows(trial.samples, spec).map((w): StreamWindow => {
    const features = windowFeatures(w.samples, MODEL_RATE_HZ);
    const durationS = w.samples.length / MODEL_RATE_HZ;
    let label: 0 | 1 | undefined = 0;
    if (trial.isFall) {
      const at = impactS - w.startS;
      label = at >= 0 && at <= durationS - MIN_AFTER_IMPACT_S ? 1 : undefined;
    }
    return { startS: w.startS, features, vector: featureVector(features), label };
  });
  const { samples: _samples, path: _path, ...id } = trial;
  return { id, impactS, windows };
}

/** Every trial in the folder as a stream of windows (about 3 s for SisFall's 4,505 trials). */
export function loadStreams(dataDir: string, spec: WindowSpec, keep?: (id: TrialId) => boolean): TrialStream[] {
  return listTrials(dataDir)
    .filter((id) => keep === undefined || keep(id))
    .map((id) => trialStream(readTrial(id), spec));
}
