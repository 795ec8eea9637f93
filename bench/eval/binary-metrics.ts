/** AUROC (Mann-Whitney with ties averaged) of scores where a higher score means "positive". */
export function auroc(scores: number[], labels: boolean[]): number | null {
  const n = scores.length;
  const order = scores.map((s, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let pos = 0;
  let rankSumPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avgRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (labels[order[k]!]) { pos++; rankSumPos += avgRank; }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface AtThreshold { precision: number; recall: number; f1: number; fpr: number }

/** Precision, recall, F1 and false-positive rate when flagging score >= threshold. */
export function atThreshold(scores: number[], labels: boolean[], threshold: number): AtThreshold {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  scores.forEach((s, i) => {
    const flagged = s >= threshold;
    if (labels[i]) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, fpr: fp + tn === 0 ? 0 : fp / (fp + tn) };
}
