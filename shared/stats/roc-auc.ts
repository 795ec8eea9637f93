// ROC AUC as the Mann-Whitney U statistic of the positives over n_pos * n_neg, ties counted as one half
// (equal to scipy.stats.mannwhitneyu(pos, neg).statistic / (n_pos * n_neg) and to sklearn's roc_auc_score).
import { sortFloat64InPlace } from './sort';

/** U statistic of sample x against sample y: pairs with x > y, plus half the tied pairs. */
export function mannWhitneyU(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const a = sortFloat64InPlace(Float64Array.from(x));
  const b = sortFloat64InPlace(Float64Array.from(y));
  let u = 0;
  let below = 0; // values of b strictly below the current a value
  let j = 0;
  let i = 0;
  while (i < a.length) {
    const v = a[i]!;
    while (j < b.length && b[j]! < v) j++;
    below = j;
    let ties = 0;
    let k = j;
    while (k < b.length && b[k] === v) {
      ties++;
      k++;
    }
    let run = 0;
    while (i < a.length && a[i] === v) {
      run++;
      i++;
    }
    u += run * (below + ties / 2);
  }
  return u;
}

/** AUC of scores for a binary outcome; null when either class is absent. NaN scores must be removed first. */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number | null {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < scores.length; i++) (positive[i] ? pos : neg).push(scores[i]!);
  if (pos.length === 0 || neg.length === 0) return null;
  return mannWhitneyU(pos, neg) / (pos.length * neg.length);
}
