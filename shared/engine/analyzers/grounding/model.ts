import type { Features, FeatureName } from './claim-features';
import { FEATURE_NAMES } from './claim-features';
import { groundingModel } from './weights';

export interface LogisticModel {
  bias: number;
  weights: Readonly<Record<FeatureName, number>>;
}

/** Probability that a claim is supported: logistic regression over the claim features. */
export function claimSupport(features: Features, model: LogisticModel = groundingModel): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}
