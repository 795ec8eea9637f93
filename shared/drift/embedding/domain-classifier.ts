// Domain classifier drift: a logistic regression learns to tell reference vectors (label 0) from current
// ones (label 1); its out-of-fold ROC AUC near 0.5 means the sets are indistinguishable, well above (Evidently
// uses 0.55) means they differ. Features are standardized; full-batch gradient descent with momentum on the
// L2-regularized mean log loss; predictions come from k-fold cross-validation so no row is scored by a model
// that saw it.
import { createRng, shuffleInPlace } from '../../stats/prng';
import { rocAuc } from '../../stats/roc-auc';
import type { Vectors } from './vectors';

export interface DomainClassifierOptions {
  folds?: number;
  iterations?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

function standardize(rows: Vectors): Float64Array[] {
  const dim = rows[0]?.length ?? 0;
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  for (const r of rows) for (let j = 0; j < dim; j++) mean[j] = mean[j]! + r[j]!;
  for (let j = 0; j < dim; j++) mean[j] = mean[j]! / rows.length;
  for (const r of rows) for (let j = 0; j < dim; j++) sq[j] = sq[j]! + (r[j]! - mean[j]!) ** 2;
  const sd = sq.map((s) => Math.sqrt(s / rows.length) || 1);
  return rows.map((r) => Float64Array.from({ length: dim }, (_, j) => (r[j]! - mean[j]!) / sd[j]!));
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Trains on `train` rows and returns weights (bias last). */
export function trainLogistic(x: Float64Array[], y: Uint8Array, train: readonly number[], options: Required<Omit<DomainClassifierOptions, 'folds' | 'seed'>>): Float64Array {
  const dim = x[0]?.length ?? 0;
  const w = new Float64Array(dim + 1);
  const velocity = new Float64Array(dim + 1);
  const grad = new Float64Array(dim + 1);
  const n = train.length;
  for (let it = 0; it < options.iterations; it++) {
    grad.fill(0);
    for (const i of train) {
      const row = x[i]!;
      let z = w[dim]!;
      for (let j = 0; j < dim; j++) z += w[j]! * row[j]!;
      const err = sigmoid(z) - y[i]!;
      for (let j = 0; j < dim; j++) grad[j] = grad[j]! + err * row[j]!;
      grad[dim] = grad[dim]! + err;
    }
    for (let j = 0; j <= dim; j++) {
      const g = grad[j]! / n + (j < dim ? options.l2 * w[j]! : 0);
      velocity[j] = 0.9 * velocity[j]! - options.learningRate * g;
      w[j] = w[j]! + velocity[j]!;
    }
  }
  return w;
}

export function predictLogistic(w: Float64Array, row: Float64Array): number {
  const dim = row.length;
  let z = w[dim]!;
  for (let j = 0; j < dim; j++) z += w[j]! * row[j]!;
  return sigmoid(z);
}

/** Out-of-fold ROC AUC of a classifier separating `current` from `reference`; null when a set is too small. */
export function domainClassifierAuc(reference: Vectors, current: Vectors, options: DomainClassifierOptions = {}): number | null {
  const folds = options.folds ?? 5;
  if (reference.length < folds || current.length < folds) return null;
  const x = standardize([...reference, ...current]);
  const y = new Uint8Array(x.length);
  y.fill(1, reference.length);
  const order = Array.from({ length: x.length }, (_, i) => i);
  shuffleInPlace(order, createRng(options.seed ?? 0));
  const fold = new Int32Array(x.length);
  order.forEach((row, k) => (fold[row] = k % folds));
  const train = { iterations: options.iterations ?? 150, learningRate: options.learningRate ?? 0.1, l2: options.l2 ?? 1e-3 };
  const scores = new Array<number>(x.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const trainRows = order.filter((i) => fold[i] !== f);
    const w = trainLogistic(x, y, trainRows, train);
    for (const i of order) if (fold[i] === f) scores[i] = predictLogistic(w, x[i]!);
  }
  return rocAuc(scores, Array.from(y, (v) => v === 1));
}
