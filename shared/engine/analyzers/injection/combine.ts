/**
 * How the three signals become one score: a noisy-OR, "the probability that at least one detector fires".
 * Pattern weights are already in [0,1]. Similarity and the model logit are mapped through logistic curves
 * whose centres scripts/train-injection.ts puts where each signal alone would flag a set share of benign
 * training texts (out-of-fold for the model). So no evidence maps near 0, any one confident signal can
 * flag on its own, and agreeing signals add up. A fitted stacker was tried first: it learned to trust the
 * model (near perfect in-distribution) so much that unfamiliar benign text (other languages, short
 * instructions with trigger words) scored near 0.5 and pattern hits could not flag when the model disagreed.
 */
export interface SignalCurve {
  center: number;
  slope: number;
}

export interface Combiner {
  similarity: SignalCurve;
  /** The model is calibrated separately on short and long texts: it learned from long jailbreak prompts,
   *  and on a one-line request its n-gram evidence is thin and noisier. */
  modelShort: SignalCurve;
  modelLong: SignalCurve;
  /** Texts with at least this many characters use `modelLong`. */
  longFrom: number;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

export function curve(x: number, c: SignalCurve): number {
  return logistic(c.slope * (x - c.center));
}

export function combineSignals(heuristic: number, similarity: number, modelLogit: number, textLength: number, c: Combiner): number {
  const model = curve(modelLogit, textLength >= c.longFrom ? c.modelLong : c.modelShort);
  return 1 - (1 - heuristic) * (1 - curve(similarity, c.similarity)) * (1 - model);
}
