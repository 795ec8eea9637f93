// Metrics of a probability score for the positive class of a binary target: ROC AUC (Mann-Whitney),
// average precision (PR AUC, as scikit-learn's average_precision_score: sum over score thresholds of
// (R_k - R_{k-1}) P_k), log loss (probabilities clipped to [eps, 1 - eps], eps = 2^-52) and Brier score.
import { rocAuc } from '../stats/roc-auc';

export function averagePrecision(scores: readonly number[], positive: readonly boolean[]): number | null {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const totalPos = positive.reduce((s, p) => s + (p ? 1 : 0), 0);
  if (totalPos === 0) return null;
  let tp = 0;
  let seen = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    seen++;
    if (positive[i]) tp++;
    // Only close a threshold after the last of a run of tied scores.
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    const recall = tp / totalPos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
  }
  return ap;
}

export function logLoss(scores: readonly number[], positive: readonly boolean[]): number {
  const eps = Number.EPSILON;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = Math.min(Math.max(scores[i]!, eps), 1 - eps);
    sum += positive[i] ? Math.log(p) : Math.log(1 - p);
  }
  return -sum / scores.length;
}

export function brierScore(scores: readonly number[], positive: readonly boolean[]): number {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += (scores[i]! - (positive[i] ? 1 : 0)) ** 2;
  return sum / scores.length;
}

export { rocAuc };
