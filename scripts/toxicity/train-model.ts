// Fits the toxicity model on a set of labelled examples plus benign assistant text: shared by
// scripts/train-toxicity.ts (all sources) and the leave-one-source-out runs of `npm run eval -- toxicity`
// (all sources but one), so the shipped model and the out-of-source figures come from the same procedure.
import { normalizeText } from '../../shared/text/normalize';
import { HASH_SIZE, hashFeatures, modelTokens, wordWindows, type SparseVector } from '../../shared/engine/analyzers/toxicity/features';
import { DENSE_DIM, denseFeatures } from '../../shared/engine/analyzers/toxicity/dense-features';
import type { ToxicityLinearModel } from '../../shared/engine/analyzers/toxicity/model';
import { scoreToxicity, type CategoryScores } from '../../shared/engine/analyzers/toxicity/score';
import { buildRows, fitLogistic, type LinearModel } from './logistic-regression';
import type { ExtraDense } from './experiment-features';

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
  /** Experimental dense features after the shipped ones (harness only: the analyzer does not compute them). */
  extraDense?: ExtraDense;
  log?: (msg: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { lambda: 3e-5, benignWeight: 1, maxIter: 200, wordVectors: true };

/** Hashed n-grams of a window, followed by its word-vector features when `dense`, then any extra features. */
function featuresOf(words: readonly string[], dense: boolean, extra?: ExtraDense): SparseVector {
  const v = hashFeatures(words);
  if (!dense) return v;
  const d = new Float32Array(DENSE_DIM + (extra?.dim ?? 0));
  denseFeatures(words, d);
  extra?.into(words, d, DENSE_DIM);
  for (let k = 0; k < d.length; k++) {
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

/** Training rows featurized once: a leave-one-source-out run fits several models on subsets of them. */
export interface FeaturizedSet {
  vectors: SparseVector[];
  /** Lexicon category scores of each row's text (inputs of the network experiment, network.ts). */
  categories: CategoryScores[];
  targets: number[];
  /** Each source weighs 1 in total (half per class); benign windows together weigh `benignWeight`. */
  weights: number[];
  /** Source of each row; benign assistant windows are 'benign'. */
  sources: string[];
  wordVectors: boolean;
  /** Number of experimental dense features after the shipped ones (0 for the shipped model). */
  extraDim: number;
}

export const BENIGN_SOURCE = 'benign';

export function featurizeTraining(examples: readonly TrainingExample[], benignTexts: readonly string[], opts: Pick<TrainOptions, 'benignWeight' | 'wordVectors' | 'extraDense'>): FeaturizedSet {
  const extra = opts.wordVectors ? opts.extraDense : undefined;
  const set: FeaturizedSet = { vectors: [], categories: [], targets: [], weights: [], sources: [], wordVectors: opts.wordVectors, extraDim: extra?.dim ?? 0 };
  for (const source of new Set(examples.map((e) => e.source))) {
    const rows = examples.filter((e) => e.source === source);
    const toxic = rows.filter((e) => e.toxic).length;
    const clean = rows.length - toxic;
    for (const e of rows) {
      set.vectors.push(featuresOf(modelTokens(normalizeText(e.text)), opts.wordVectors, extra));
      set.categories.push(scoreToxicity(e.text, false).categories);
      set.targets.push(e.target);
      set.weights.push(e.toxic ? 0.5 / Math.max(1, toxic) : 0.5 / Math.max(1, clean));
      set.sources.push(source);
    }
  }
  const windows = benignTexts.flatMap((t) => wordWindows(modelTokens(normalizeText(t)))).filter((w) => w.length > 0);
  for (const w of windows) {
    set.vectors.push(featuresOf(w, opts.wordVectors, extra));
    set.categories.push(scoreToxicity(w.join(' '), false).categories);
    set.targets.push(0);
    set.weights.push(opts.benignWeight / windows.length);
    set.sources.push(BENIGN_SOURCE);
  }
  return set;
}

/** Row numbers of the set whose source passes `keep` (all rows without it). */
export function rowsOf(set: FeaturizedSet, keep: (source: string) => boolean = () => true): number[] {
  const out: number[] = [];
  set.sources.forEach((s, r) => {
    if (keep(s)) out.push(r);
  });
  return out;
}

/** Logistic regression over the chosen rows of a featurized set. */
export function fitFeaturized(set: FeaturizedSet, rows: readonly number[], opts: Pick<TrainOptions, 'lambda' | 'maxIter' | 'log'>): LinearModel {
  const dim = HASH_SIZE + (set.wordVectors ? DENSE_DIM + set.extraDim : 0);
  opts.log?.(`fitting ${rows.length} rows from ${[...new Set(rows.map((r) => set.sources[r]))].join(', ')}, lambda ${opts.lambda}`);
  // The loss is a weighted mean, so the scale of the weights does not matter to the fit.
  return fitLogistic(
    buildRows(rows.map((r) => set.vectors[r]!), dim),
    Float64Array.from(rows, (r) => set.targets[r]!),
    Float64Array.from(rows, (r) => set.weights[r]!),
    { lambda: opts.lambda, maxIter: opts.maxIter, log: opts.log },
  );
}

/** Logistic regression over the hashed features; each source's toxic and non-toxic halves weigh alike. */
export function trainToxicityModel(examples: readonly TrainingExample[], benignTexts: readonly string[], opts: TrainOptions): LinearModel {
  const set = featurizeTraining(examples, benignTexts, opts);
  return fitFeaturized(set, rowsOf(set), opts);
}
