// Mann-Whitney U test, two-sided, as scipy.stats.mannwhitneyu(x, y) with its defaults: method='auto' uses the
// exact distribution when either sample has at most 8 values and there are no ties, otherwise the normal
// approximation with the tie correction and a continuity correction.
import { mannWhitneyU } from './roc-auc';
import { tieTermOf } from './ranks';
import { normalSf } from './special';

export interface MannWhitneyResult {
  /** U of x: pairs with x > y plus half the ties (scipy's statistic). */
  u: number;
  method: 'exact' | 'asymptotic';
  pValue: number;
}

/**
 * Counts of arrangements by U for samples of sizes m <= n: the coefficients of the Gaussian binomial
 * [m + n choose m]_q = Π (1 - q^(n+i)) / (1 - q^i), built one factor at a time (each partial product is a
 * polynomial with non-negative integer coefficients).
 */
export function uFrequencies(m: number, n: number): Float64Array {
  const size = m * n + 1;
  const poly = new Float64Array(size);
  poly[0] = 1;
  for (let i = 1; i <= m; i++) {
    const shift = n + i;
    for (let k = size - 1; k >= shift; k--) poly[k] = poly[k]! - poly[k - shift]!;
    for (let k = i; k < size; k++) poly[k] = poly[k]! + poly[k - i]!;
  }
  return poly;
}

function exactPValue(u: number, m: number, n: number): number {
  const freq = uFrequencies(Math.min(m, n), Math.max(m, n));
  let total = 0;
  for (const f of freq) total += f;
  let tail = 0;
  for (let k = Math.ceil(u); k < freq.length; k++) tail += freq[k]!;
  return Math.min(1, (2 * tail) / total);
}

export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('Mann-Whitney needs at least one value in each sample');
  const u1 = mannWhitneyU(x, y);
  const u = Math.max(u1, n1 * n2 - u1);
  const tieTerm = tieTermOf(x, y);
  if ((n1 <= 8 || n2 <= 8) && tieTerm === 0) return { u: u1, method: 'exact', pValue: exactPValue(u, n1, n2) };
  const n = n1 + n2;
  const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (s === 0) return { u: u1, method: 'asymptotic', pValue: 1 };
  const z = (u - (n1 * n2) / 2 - 0.5) / s;
  return { u: u1, method: 'asymptotic', pValue: Math.min(1, 2 * normalSf(z)) };
}
