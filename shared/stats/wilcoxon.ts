// Wilcoxon signed-rank test on paired differences, two-sided, as scipy.stats.wilcoxon(d) with its defaults:
// zero_method='wilcox' (zero differences are dropped before ranking), no continuity correction, method='auto'
// (more than 50 differences: normal approximation with the tie correction; up to 50 with no ties or zeros: the
// exact null distribution; up to 13 with ties or zeros: all 2^n sign flips; otherwise the normal approximation).
import { averageRanks } from './ranks';
import { normalSf } from './special';

export type WilcoxonMethod = 'exact' | 'permutation' | 'asymptotic';

export interface WilcoxonResult {
  /** Sum of the ranks of the positive differences. */
  rPlus: number;
  /** min(R+, R-), the statistic scipy reports for a two-sided test. */
  statistic: number;
  /** Non-zero differences that were ranked. */
  n: number;
  zeros: number;
  method: WilcoxonMethod;
  /** 1 when every difference is zero (scipy returns NaN there: there is nothing to test). */
  pValue: number;
}

export const WILCOXON_ZERO_METHOD = 'wilcox';

/** P(R+ = r) for r = 0..n(n+1)/2 with n untied, non-zero differences (scipy's _get_wilcoxon_distr). */
export function signedRankDistribution(n: number): Float64Array {
  let c = new Float64Array([1]);
  for (let k = 1; k <= n; k++) {
    const next = new Float64Array((k * (k + 1)) / 2 + 1);
    const m = c.length;
    for (let i = 0; i < m; i++) next[i] = c[i]! * 0.5;
    for (let i = 0; i < m; i++) next[next.length - m + i] = next[next.length - m + i]! + c[i]! * 0.5;
    c = next;
  }
  return c;
}

function exactPValue(rPlus: number, n: number): number {
  const pmf = signedRankDistribution(n);
  let sf = 0; // P(R+ >= floor(r))
  for (let k = Math.floor(rPlus); k < pmf.length; k++) sf += pmf[k]!;
  let cdf = 0; // P(R+ <= ceil(r))
  for (let k = 0; k <= Math.ceil(rPlus) && k < pmf.length; k++) cdf += pmf[k]!;
  return Math.min(1, 2 * Math.min(sf, cdf));
}

// scipy's permutation_test over every sign assignment; zeros contribute to no sign, so only the ranked values vary.
function permutationPValue(rPlus: number, ranks: Float64Array): number {
  const n = ranks.length;
  const total = 2 ** n;
  const gamma = Math.abs(rPlus) * Number.EPSILON * 100;
  let less = 0;
  let greater = 0;
  for (let mask = 0; mask < total; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s += ranks[i]!;
    if (s <= rPlus + gamma) less++;
    if (s >= rPlus - gamma) greater++;
  }
  return Math.min(1, (2 * Math.min(less, greater)) / total);
}

export function wilcoxonSignedRank(differences: ArrayLike<number>): WilcoxonResult {
  const nonZero: number[] = [];
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i]!;
    if (Number.isNaN(d)) throw new RangeError(`difference ${i} is NaN`);
    if (d !== 0) nonZero.push(d);
  }
  const total = differences.length;
  const zeros = total - nonZero.length;
  const n = nonZero.length;
  const { ranks, tieTerm, hasTies } = averageRanks(nonZero.map(Math.abs));
  let rPlus = 0;
  let rMinus = 0;
  for (let i = 0; i < n; i++) {
    if (nonZero[i]! > 0) rPlus += ranks[i]!;
    else rMinus += ranks[i]!;
  }
  const base = { rPlus, statistic: Math.min(rPlus, rMinus), n, zeros };
  if (n === 0) return { ...base, method: 'asymptotic', pValue: 1 };
  if (total <= 50 && !hasTies && zeros === 0) return { ...base, method: 'exact', pValue: exactPValue(rPlus, n) };
  if (total <= 13) return { ...base, method: 'permutation', pValue: permutationPValue(rPlus, ranks) };
  const mean = (n * (n + 1)) / 4;
  const se = Math.sqrt((n * (n + 1) * (2 * n + 1) - tieTerm / 2) / 24);
  const z = (rPlus - mean) / se;
  return { ...base, method: 'asymptotic', pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}
