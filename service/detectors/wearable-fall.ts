import type { AlertExplanation } from '../contract.js';
import { committedFallClassifier, type FallClassifier, type FallVerdict } from '../model/fall/classifier.js';
import type { Detector } from './detector.js';

export interface WearableFallOptions {
  /** The classifier; the committed one (service/model/fall/fall-model.json) by default. */
  classifier?: FallClassifier;
  /**
   * Raise at this fall probability or above; the model's own (chosen in cross-validation for
   * the best worse-of-sensitivity-and-specificity) by default. Lower it to miss fewer falls
   * at the cost of more false alarms (docs/fall-classifier.md has the trade-off).
   */
  threshold?: number;
  /**
   * Overlapping windows (4 s every 1 s) show one impact up to four times: a flagged window
   * whose impact lies within this of the last raised impact of the same device is the same
   * fall, ms.
   */
  sameImpactMs?: number;
}

const SAME_IMPACT_MS = 3_000; // ms

/**
 * [FALL-2] Suspected fall from a wearable: an impact, then stillness, in an accelerometer
 * window (`accel` events). Each window is classified on its own (docs/fall-classifier.md:
 * a dense network over impact, free-fall, stillness and orientation-change features,
 * trained on SisFall); a fall raises a critical alert at once. The window's start is taken
 * to be the event time.
 */
export function wearableFall(options: WearableFallOptions = {}): Detector {
  const classifier = options.classifier ?? committedFallClassifier();
  const sameImpactMs = options.sameImpactMs ?? SAME_IMPACT_MS;
  const threshold = options.threshold;
  const lastImpact = new Map<string, number>();
  return {
    ruleIds: ['FALL-2'],
    onEvent(event) {
      if (event.type !== 'accel' || event.accel === undefined) return [];
      const verdict = classifier.classify(event.accel.samples, event.accel.rateHz);
      if (!(threshold === undefined ? verdict.fall : verdict.probability >= threshold)) return [];
      const impactAt = event.eventTime + Math.round((verdict.offsetS + verdict.features.peakAtS) * 1000);
      const previous = lastImpact.get(event.deviceId);
      if (previous !== undefined && Math.abs(impactAt - previous) < sameImpactMs) return [];
      lastImpact.set(event.deviceId, impactAt);
      return [
        {
          kind: 'raise',
          alert: {
            residentId: event.residentId,
            roomId: event.roomId,
            deviceId: event.deviceId,
            kind: 'fall',
            ruleId: 'FALL-2',
            severity: 'critical',
            reason: fallReason(verdict, classifier.model.use),
            explanation: fallExplanation(verdict, classifier.model.use),
            foldKey: 'fall',
            at: event.eventTime,
          },
        },
      ];
    },
  };
}

/** "Wearable: impact of 3.4 g, then lying still for 2.5 s; a fall is 97% likely". */
export function fallReason(verdict: FallVerdict, use: 'network' | 'rule' = 'network'): string {
  const f = verdict.features;
  const impact = `impact of ${f.peakG.toFixed(1)} g`;
  const after = f.stillS >= 0.5 ? `lying still for ${seconds(f.stillS)}` : 'hardly moving';
  // The network's output is never a certainty: 99% at most.
  const likely =
    use === 'rule' ? 'a fall is likely' : `a fall is ${Math.min(99, Math.round(verdict.probability * 100))}% likely`;
  return `Wearable: ${impact}, then ${after}; ${likely}`;
}

/** The same as data: the impact in g, the stillness after it in seconds, the likelihood in percent (null from the plain rule). */
export function fallExplanation(verdict: FallVerdict, use: 'network' | 'rule' = 'network'): AlertExplanation {
  const f = verdict.features;
  const percent = use === 'rule' ? null : Math.min(99, Math.round(verdict.probability * 100));
  return {
    key: 'fall.wearable',
    params: { peakG: Math.round(f.peakG * 10) / 10, stillS: Math.round(f.stillS * 10) / 10, percent },
  };
}

function seconds(s: number): string {
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
