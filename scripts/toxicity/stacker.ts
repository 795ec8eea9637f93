// The combination of the lexicon and the model, learned instead of fixed (noisy-OR): a logistic regression over
// [logit of the model's score, lexicon score], fitted on out-of-source scores only: each training source scored
// by a model trained without it (nested leave-one-source-out), each source weighing 1 with its classes balanced.
// In-source scores would teach it to trust the model far more than the model deserves on a new source.
// Experiment (bench/eval/toxicity-loso.ts --nested), not shipped: it learned from the three tweet sources that a
// model trained on two of them hardly transfers to the third, and so leaned on the lexicon (ToxiGen: 0.396).
import { buildRows, fitLogistic } from './logistic-regression';

/** toxicity = sigmoid(bias + model x logit(model score) + lexicon x lexicon score). */
export interface ToxicityStacker {
  bias: number;
  model: number;
  lexicon: number;
}

export function combineStacked(lexicon: number, model: number, s: ToxicityStacker): number {
  const m = Math.min(1 - 1e-6, Math.max(1e-6, model));
  return 1 / (1 + Math.exp(-(s.bias + s.model * Math.log(m / (1 - m)) + s.lexicon * lexicon)));
}

export interface StackRow {
  source: string;
  model: number;
  lexicon: number;
  toxic: boolean;
}

const logit = (p: number): number => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

export function fitStacker(rows: readonly StackRow[]): ToxicityStacker {
  const counts = new Map<string, { pos: number; neg: number }>();
  for (const r of rows) {
    const c = counts.get(r.source) ?? { pos: 0, neg: 0 };
    if (r.toxic) c.pos++;
    else c.neg++;
    counts.set(r.source, c);
  }
  const weight = (r: StackRow): number => {
    const c = counts.get(r.source)!;
    return r.toxic ? 0.5 / c.pos : 0.5 / c.neg;
  };
  const fit = fitLogistic(
    buildRows(rows.map((r) => ({ indices: [0, 1], values: [logit(r.model), r.lexicon] })), 2),
    Float64Array.from(rows, (r) => (r.toxic ? 1 : 0)),
    Float64Array.from(rows, weight),
    { lambda: 1e-4, maxIter: 300 },
  );
  return { bias: fit.bias, model: fit.weights[0]!, lexicon: fit.weights[1]! };
}
