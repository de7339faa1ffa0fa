/**
 * The wearable fall classifier at run time: features of a window, then the committed network
 * (fall-model.json, made by tools/train-fall-classifier.ts) or, if that file says so, the
 * threshold rule. Synchronous, no TensorFlow.js: a window of 200 samples takes tens of
 * microseconds.
 */
import committed from './fall-model.json' with { type: 'json' };
import { type FallFeatures, featureVector, windowFeatures } from './features.js';
import { type FallModel, forward, parseFallModel } from './network.js';
import { ruleFlags } from './rule.js';
import { MODEL_RATE_HZ, resample, type Sample, sliceWindows } from './windows.js';

export interface FallVerdict {
  /** At or above the model's threshold: raise. */
  fall: boolean;
  /** The network's output, 0–1 (for the rule: 1 or 0). */
  probability: number;
  /** Features of the window that decided (the most fall-like, when the input was cut into several). */
  features: FallFeatures;
  /** Seconds from the start of the input to the start of that window. */
  offsetS: number;
}

export class FallClassifier {
  constructor(readonly model: FallModel) {}

  /**
   * Classifies what a wearable sent. A window longer than the model's is cut into the
   * model's windows at its hop (as the stream would have been) and the most fall-like one
   * decides; a shorter one is classified as it is (the features only need about a second
   * after the impact).
   */
  classify(samples: readonly Sample[], rateHz: number): FallVerdict {
    const at50 = resample(samples, rateHz);
    let best: FallVerdict | undefined;
    for (const w of sliceWindows(at50, this.model.window)) {
      const verdict = this.classifyFeatures(windowFeatures(w.samples, MODEL_RATE_HZ), w.startS);
      if (best === undefined || verdict.probability > best.probability) best = verdict;
    }
    return best ?? this.classifyFeatures(windowFeatures([], MODEL_RATE_HZ), 0);
  }

  classifyFeatures(features: FallFeatures, offsetS = 0): FallVerdict {
    const probability =
      this.model.use === 'rule'
        ? Number(ruleFlags(features, this.model.rule))
        : forward(this.model, featureVector(features));
    return { fall: probability >= this.model.decision.threshold, probability, features, offsetS };
  }
}

let shared: FallClassifier | undefined;

/** The classifier with the committed weights, parsed once. */
export function committedFallClassifier(): FallClassifier {
  shared ??= new FallClassifier(parseFallModel(committed));
  return shared;
}
