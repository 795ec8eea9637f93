import { FEATURE_NAMES, type FeatureName, type Features } from './claim-features';
import type { RecordShape } from './record-shape';
import { groundingModel } from './weights';

export interface LogisticModel {
  bias: number;
  weights: Readonly<Record<FeatureName, number>>;
  /** Flag cut-off on this model's support scale per record shape (calibrate.ts); thresholds.grounding where absent. */
  shapeCuts?: Readonly<Record<RecordShape, number>>;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

// The features of a claim found word for word in one evidence sentence: full coverage and similarity, no
// misses, no conflicts. Signs are constrained in training, so no claim scores above this one.
const PERFECT: Features = {
  coverage: 1, localCoverage: 1, pairCoverage: 1, similarity: 1, entityMiss: 0, numberMiss: 0,
  negationMismatch: 0, antonymConflict: 0, novelty: 0, orderAgreement: 1,
};

function logit(features: Features, model: LogisticModel): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return z;
}

/**
 * Claim support in [0,1]: the logistic model's probability, divided by that of a perfectly supported claim.
 * The raw probability tops out near 0.9 because the training labels are per response (a supported claim in a
 * hallucinated answer counts as unsupported); rescaling keeps the ranking and lets 1 mean "fully supported".
 */
export function claimSupport(features: Features, model: LogisticModel = groundingModel): number {
  return Math.min(1, sigmoid(logit(features, model)) / sigmoid(logit(PERFECT, model)));
}
