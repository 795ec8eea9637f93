// Multiple-testing corrections for per-column or per-metric p-values: Bonferroni and Holm (family-wise error;
// Holm's step-down is uniformly more powerful, statsmodels multipletests(method='holm')) and Benjamini-Hochberg
// (false discovery rate; same adjusted values as scipy.stats.false_discovery_control(method='bh')).

export type Correction = 'none' | 'bonferroni' | 'holm' | 'bh';

export function bonferroni(pValues: readonly number[]): number[] {
  const m = pValues.length;
  return pValues.map((p) => Math.min(1, p * m));
}

export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  if (m <= 1) return [...pValues];
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const adjusted = order.map((idx, rank) => pValues[idx]! * (m / (rank + 1)));
  for (let k = m - 2; k >= 0; k--) adjusted[k] = Math.min(adjusted[k]!, adjusted[k + 1]!);
  const out = new Array<number>(m);
  order.forEach((idx, rank) => {
    out[idx] = Math.min(1, Math.max(0, adjusted[rank]!));
  });
  return out;
}

/** Holm step-down: the k-th smallest p times (m - k + 1), made non-decreasing, capped at 1. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach((idx, rank) => {
    running = Math.max(running, Math.min(1, pValues[idx]! * (m - rank)));
    out[idx] = running;
  });
  return out;
}

export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  if (correction === 'bonferroni') return bonferroni(pValues);
  if (correction === 'holm') return holm(pValues);
  if (correction === 'bh') return benjaminiHochberg(pValues);
  return [...pValues];
}
