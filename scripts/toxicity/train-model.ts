// Fits the toxicity model on a set of labelled examples plus benign assistant text: shared by
// scripts/train-toxicity.ts (all sources) and the leave-one-source-out runs of `npm run eval -- toxicity`
// (all sources but one), so the shipped model and the out-of-source figures come from the same procedure.
import { normalizeText } from '../../shared/text/normalize';
import { HASH_SIZE, hashFeatures, modelTokens, wordWindows, type SparseVector } from '../../shared/engine/analyzers/toxicity/features';
import { DENSE_DIM, denseFeatures } from '../../shared/engine/analyzers/toxicity/dense-features';
import type { ToxicityLinearModel } from '../../shared/engine/analyzers/toxicity/model';
import { buildRows, fitLogistic, type LinearModel } from './logistic-regression';

export interface TrainingExample {
  /** Data set it came from: each source carries the same total weight, so a large one cannot drown the rest. */
  source: string;
  text: string;
  toxic: boolean;
  /** Soft target in [0, 1] (annotator vote share where the source has one). */
  target: number;
}

export interface TrainOptions {
  lambda: number;
  /** Benign assistant windows together weigh this many times one source. */
  benignWeight: number;
  maxIter: number;
  /** Add the word-vector features (dense-features.ts) after the hashed n-grams. */
  wordVectors: boolean;
  log?: (msg: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { lambda: 3e-5, benignWeight: 1, maxIter: 200, wordVectors: true };

/** Hashed n-grams of a window, followed by its word-vector features when `dense`. */
function featuresOf(words: readonly string[], dense: boolean): SparseVector {
  const v = hashFeatures(words);
  if (!dense) return v;
  const d = denseFeatures(words);
  for (let k = 0; k < DENSE_DIM; k++) {
    if (d[k] !== 0) {
      v.indices.push(HASH_SIZE + k);
      v.values.push(d[k]!);
    }
  }
  return v;
}

/**
 * Balanced training implies a 50% prior of toxic text; lowering the bias by `priorShift` logits (1 ~ a 27%
 * prior) makes text with no evidence either way score low.
 */
export const PRIOR_SHIFT = 1;

/** The fitted model as the analyzer scores with it (float32 weights, prior-shifted bias). */
export function toScoringModel(model: LinearModel, priorShift = PRIOR_SHIFT): ToxicityLinearModel {
  return { weights: Float32Array.from(model.weights), bias: model.bias - priorShift };
}

/** Logistic regression over the hashed features; each source's toxic and non-toxic halves weigh alike. */
export function trainToxicityModel(examples: readonly TrainingExample[], benignTexts: readonly string[], opts: TrainOptions): LinearModel {
  const vectors: SparseVector[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  const sources = [...new Set(examples.map((e) => e.source))];
  for (const source of sources) {
    const rows = examples.filter((e) => e.source === source);
    const toxic = rows.filter((e) => e.toxic).length;
    const clean = rows.length - toxic;
    for (const e of rows) {
      vectors.push(featuresOf(modelTokens(normalizeText(e.text)), opts.wordVectors));
      targets.push(e.target);
      // Each source weighs 1 in total, half on each class.
      weights.push(e.toxic ? 0.5 / Math.max(1, toxic) : 0.5 / Math.max(1, clean));
    }
  }
  const windows = benignTexts.flatMap((t) => wordWindows(modelTokens(normalizeText(t)))).filter((w) => w.length > 0);
  for (const w of windows) {
    vectors.push(featuresOf(w, opts.wordVectors));
    targets.push(0);
    weights.push(opts.benignWeight / windows.length);
  }
  opts.log?.(`training on ${examples.length} examples from ${sources.join(', ')} + ${windows.length} benign windows, lambda ${opts.lambda}`);
  // The loss is a weighted mean, so the scale of the weights does not matter to the fit.
  return fitLogistic(buildRows(vectors, HASH_SIZE + (opts.wordVectors ? DENSE_DIM : 0)), Float64Array.from(targets), Float64Array.from(weights), { lambda: opts.lambda, maxIter: opts.maxIter, log: opts.log });
}
