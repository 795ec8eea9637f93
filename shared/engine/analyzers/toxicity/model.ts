/**
 * The trained logistic-regression toxicity model (weights in model-weights.ts, made by
 * scripts/train-toxicity.ts). Long texts are scored in overlapping windows of tweet length, the size the
 * model was trained on, and the text takes its most toxic window, so one hostile sentence inside a long
 * polite answer is not diluted away.
 */
import { HASH_SIZE, hashFeatures, modelTokens, wordWindows } from './features';
import { TOXICITY_MODEL } from './model-weights';
import { decodeWeights } from './weights-codec';

let weights: Float32Array | null = null;

function loaded(): Float32Array {
  if (!weights) {
    weights = decodeWeights(TOXICITY_MODEL);
    if (weights.length !== HASH_SIZE) throw new Error(`toxicity model has ${weights.length} weights, expected ${HASH_SIZE}`);
  }
  return weights;
}

/** Probability for one chunk of words. */
export function scoreWords(words: readonly string[]): number {
  const w = loaded();
  const vec = hashFeatures(words);
  let z = TOXICITY_MODEL.bias;
  for (let k = 0; k < vec.indices.length; k++) z += w[vec.indices[k]!]! * vec.values[k]!;
  return 1 / (1 + Math.exp(-z));
}

/** Highest window probability of normalized text; 0 when it has no words the model can read. */
export function modelScore(normalized: string): number {
  const words = modelTokens(normalized);
  if (words.length === 0) return 0;
  let best = 0;
  for (const window of wordWindows(words)) best = Math.max(best, scoreWords(window));
  return best;
}
