/**
 * The trained logistic-regression toxicity model (weights in model-weights.ts, made by
 * scripts/train-toxicity.ts). Long texts are scored in windows of tweet length, the size the model was
 * trained on, and the text takes its most toxic window, so one hostile sentence inside a long polite answer
 * is not diluted away.
 */
import { DENSE_DIM, dotDense } from './dense-features';
import { HASH_SIZE, WINDOW_WORDS, dotFeatures, modelTokens } from './features';
import { TOXICITY_MODEL } from './model-weights';
import { decodeWeights } from './weights-codec';

let weights: Float32Array | null = null;

function loaded(): Float32Array {
  if (!weights) {
    weights = decodeWeights(TOXICITY_MODEL);
    if (weights.length !== HASH_SIZE + DENSE_DIM) throw new Error(`toxicity model has ${weights.length} weights, expected ${HASH_SIZE + DENSE_DIM} (hashed n-grams + word vectors); rerun scripts/train-toxicity.ts`);
  }
  return weights;
}

/**
 * A linear model over the hashed features, followed by DENSE_DIM word-vector weights when it has them (a model
 * of exactly HASH_SIZE weights reads n-grams only): the shipped one, or one trained in a leave-one-source-out run.
 */
export interface ToxicityLinearModel {
  weights: Float32Array;
  bias: number;
}

let shipped: ToxicityLinearModel | null = null;

export function shippedModel(): ToxicityLinearModel {
  return (shipped ??= { weights: loaded(), bias: TOXICITY_MODEL.bias });
}

/** Probability for one chunk of words. */
export function scoreWords(words: readonly string[], model: ToxicityLinearModel = shippedModel()): number {
  let z = model.bias + dotFeatures(words, model.weights);
  if (model.weights.length > HASH_SIZE) z += dotDense(words, model.weights.subarray(HASH_SIZE));
  return 1 / (1 + Math.exp(-z));
}

// A window straddling two neighbours is scored only when one of them is already somewhat suspicious: the
// overlap exists to catch a toxic phrase cut in half by a boundary, and benign text rarely needs it.
const STRADDLE_BELOW = 0.1;

/**
 * Highest window probability of normalized text; 0 when it has no words the model can read. Windows are
 * WINDOW_WORDS long, side by side, plus half-shifted windows where a neighbour scores STRADDLE_BELOW or more.
 */
export function modelScore(normalized: string, model: ToxicityLinearModel = shippedModel()): number {
  const words = modelTokens(normalized);
  if (words.length === 0) return 0;
  if (words.length <= WINDOW_WORDS) return scoreWords(words, model);
  const half = WINDOW_WORDS / 2;
  const aligned: number[] = [];
  for (let s = 0; s < words.length; s += WINDOW_WORDS) aligned.push(scoreWords(words.slice(s, s + WINDOW_WORDS), model));
  let best = Math.max(...aligned);
  for (let i = 0; i + 1 < aligned.length; i++) {
    if (Math.max(aligned[i]!, aligned[i + 1]!) >= STRADDLE_BELOW) {
      const s = i * WINDOW_WORDS + half;
      best = Math.max(best, scoreWords(words.slice(s, s + WINDOW_WORDS), model));
    }
  }
  return best;
}
