import { thresholds } from '../../thresholds';

/**
 * Maps support on the model's scale to the reported scale so that `cut` (the flag cut-off chosen for the
 * record's shape) lands on thresholds.grounding: piecewise linear and increasing, 0 stays 0 and 1 stays 1.
 * Every consumer of grounding (flags, tones, review risk, compare) keeps using the one shipped threshold,
 * while each shape flags a similar share of faithful answers.
 */
export function calibrateSupport(raw: number, cut: number): number {
  const t = thresholds.grounding;
  if (cut <= 0 || cut >= 1 || cut === t) return raw;
  return raw < cut ? (raw * t) / cut : t + ((raw - cut) * (1 - t)) / (1 - cut);
}
