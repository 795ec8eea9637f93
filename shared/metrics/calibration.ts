// Calibration of a probability score: the reliability curve over equal-width bins of [0, 1] and the expected
// calibration error ECE = sum over bins of (n_bin / n) |positive rate - mean score|. Scores of exactly 1
// fall in the last bin.

export interface ReliabilityBin {
  bin: number;
  lower: number;
  upper: number;
  count: number;
  mean_score: number;
  positive_rate: number;
}

export interface Calibration {
  ece: number;
  bins: ReliabilityBin[];
}

export function calibration(scores: readonly number[], positive: readonly boolean[], nBins = 10): Calibration {
  const count = new Array<number>(nBins).fill(0);
  const sumScore = new Array<number>(nBins).fill(0);
  const sumPos = new Array<number>(nBins).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    const b = Math.min(Math.floor(s * nBins), nBins - 1);
    count[b]!++;
    sumScore[b]! += s;
    if (positive[i]) sumPos[b]!++;
  }
  const bins: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < nBins; b++) {
    const c = count[b]!;
    if (c === 0) continue;
    const meanScore = sumScore[b]! / c;
    const rate = sumPos[b]! / c;
    ece += (c / scores.length) * Math.abs(rate - meanScore);
    bins.push({ bin: b, lower: b / nBins, upper: (b + 1) / nBins, count: c, mean_score: meanScore, positive_rate: rate });
  }
  return { ece, bins };
}
