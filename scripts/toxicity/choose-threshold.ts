// Picks the toxicity flag threshold from the training sources only: the one with the best mean Youden J
// (recall minus false-positive rate, which does not depend on how much of a source is toxic: 28% to 83% here)
// across those sources, each counting once, among thresholds that flag at most `maxBenignFpr` of benign
// assistant text. Used for the shipped threshold (scripts/train-toxicity.ts) and for each
// leave-one-source-out run, so the out-of-source figures use a threshold that never saw their source.
import { atThreshold } from '../../bench/eval/binary-metrics';

export interface ScoredSource {
  scores: number[];
  labels: boolean[];
}

export function chooseThreshold(sources: readonly ScoredSource[], benignScores: readonly number[], maxBenignFpr = 0.005): number {
  let best = 0.5;
  let bestJ = -Infinity;
  for (let k = 5; k <= 95; k++) {
    const t = k / 100;
    const flaggedBenign = benignScores.filter((s) => s >= t).length;
    if (benignScores.length > 0 && flaggedBenign / benignScores.length > maxBenignFpr) continue;
    const meanJ = sources.reduce((sum, s) => {
      const m = atThreshold(s.scores, s.labels, t);
      return sum + m.recall - m.fpr;
    }, 0) / Math.max(1, sources.length);
    if (meanJ > bestJ) {
      bestJ = meanJ;
      best = t;
    }
  }
  return best;
}
