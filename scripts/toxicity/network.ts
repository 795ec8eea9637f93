/**
 * Experiment (bench/eval/toxicity-loso.ts), not shipped: a one-hidden-layer network over a window's dense
 * features (word vectors and group talk) and the text's lexicon category scores, beside the linear model over
 * hashed n-grams. A linear model can only add evidence up; hidden units let the dense features combine ("names a
 * group" and "negative tone" together). Out-of-source it lifted OLID and HateXplain and cost ToxiGen (see the
 * analyzer README), so the analyzer does not use it. Fitted by train-mlp.ts.
 */
import { TOXICITY_CATEGORIES, type ToxicityCategory } from '../../shared/engine/analyzers/toxicity/lexicon-words';
import { DENSE_DIM } from '../../shared/engine/analyzers/toxicity/dense-features';
import { HASH_SIZE } from '../../shared/engine/analyzers/toxicity/features';
import type { FeaturizedSet } from './train-model';
import { trainMlp, type DenseRows, type MlpOptions } from './train-mlp';

/**
 * Lexicon categories the network reads beside the dense features (text-level scores). `dangerous` is left
 * out: no training source has instructions for harm, so the network could learn nothing about it.
 */
export const MLP_CATEGORIES: readonly ToxicityCategory[] = TOXICITY_CATEGORIES.filter((c) => c !== 'dangerous');
export const MLP_INPUTS = DENSE_DIM + MLP_CATEGORIES.length;

/** The network's input: a window's dense features, then the text's lexicon scores of MLP_CATEGORIES. */
export function mlpInputInto(dense: ArrayLike<number>, categories: Readonly<Record<ToxicityCategory, number>> | null, out: Float32Array): Float32Array {
  for (let i = 0; i < DENSE_DIM; i++) out[i] = dense[i]!;
  MLP_CATEGORIES.forEach((c, k) => {
    out[DENSE_DIM + k] = categories ? categories[c] : 0;
  });
  return out;
}

export interface ToxicityMlp {
  inputs: number;
  hidden: number;
  /** hidden x inputs, row-major. */
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: number;
}

const scratch = { hidden: new Float32Array(0) };

/** Hidden activations of x (tanh), written into out. */
export function mlpHidden(mlp: ToxicityMlp, x: ArrayLike<number>, out: Float32Array): Float32Array {
  const { inputs, hidden, w1, b1 } = mlp;
  for (let h = 0; h < hidden; h++) {
    let a = b1[h]!;
    const base = h * inputs;
    for (let i = 0; i < inputs; i++) a += w1[base + i]! * x[i]!;
    out[h] = Math.tanh(a);
  }
  return out;
}

/** The network's logit for one input vector. */
export function mlpLogit(mlp: ToxicityMlp, x: ArrayLike<number>): number {
  if (scratch.hidden.length < mlp.hidden) scratch.hidden = new Float32Array(mlp.hidden);
  const a = mlpHidden(mlp, x, scratch.hidden);
  let z = mlp.b2;
  for (let h = 0; h < mlp.hidden; h++) z += mlp.w2[h]! * a[h]!;
  return z;
}

/** The network's rows: each row's dense features (stored after the hashed ones) and lexicon scores. */
export function networkRows(set: FeaturizedSet, rows: readonly number[]): DenseRows {
  const x = new Float32Array(rows.length * MLP_INPUTS);
  const dense = new Float32Array(DENSE_DIM);
  const input = new Float32Array(MLP_INPUTS);
  rows.forEach((r, k) => {
    dense.fill(0);
    const v = set.vectors[r]!;
    for (let p = 0; p < v.indices.length; p++) if (v.indices[p]! >= HASH_SIZE) dense[v.indices[p]! - HASH_SIZE] = v.values[p]!;
    x.set(mlpInputInto(dense, set.categories[r]!, input), k * MLP_INPUTS);
  });
  return { x, dim: MLP_INPUTS, targets: Float64Array.from(rows, (r) => set.targets[r]!), weights: Float64Array.from(rows, (r) => set.weights[r]!) };
}

/** The network, fitted on the same rows and weights as the linear model. */
export function fitNetwork(set: FeaturizedSet, rows: readonly number[], opts: MlpOptions): ToxicityMlp {
  if (!set.wordVectors) throw new Error('the toxicity network reads the dense features: featurize with wordVectors on');
  return trainMlp(networkRows(set, rows), opts);
}
