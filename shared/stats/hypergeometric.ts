// Hypergeometric distribution: deviations found in a sample drawn without replacement from a finite population.
import { logChoose } from './binomial';

/** P(X = k): k marked items in a sample of n from N items of which K are marked (scipy hypergeom.pmf(k, N, K, n)). */
export function hypergeomPmf(k: number, N: number, K: number, n: number): number {
  if (!Number.isInteger(k) || k < Math.max(0, n + K - N) || k > Math.min(n, K)) return 0;
  return Math.exp(logChoose(K, k) + logChoose(N - K, n - k) - logChoose(N, n));
}

/** P(X <= k) (scipy hypergeom.cdf(k, N, K, n)). */
export function hypergeomCdf(k: number, N: number, K: number, n: number): number {
  const hi = Math.min(Math.floor(k), n, K);
  let s = 0;
  for (let i = Math.max(0, n + K - N); i <= hi; i++) s += hypergeomPmf(i, N, K, n);
  return Math.min(1, s);
}

/**
 * Exact one-sided upper limit of the deviation rate in a finite population of N after finding k deviations in a
 * sample of n drawn without replacement: the largest D with HypergeomCDF(k; N, D, n) > 1 - confidence, over N.
 * It is the finite-population counterpart of Clopper-Pearson (never above it), and it matches how the hypergeometric
 * sample size was chosen: a plan's n with at most its expected deviations gives a limit below the tolerable rate.
 */
export function hypergeomUpperLimit(k: number, n: number, N: number, confidence: number): number {
  if (n >= N) return k / N;
  const risk = 1 - confidence;
  // HypergeomCDF(k; N, D, n) falls as D grows: binary search the last D that still keeps it above the risk.
  let lo = k;
  let hi = N - (n - k);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (hypergeomCdf(k, N, mid, n) > risk) lo = mid;
    else hi = mid - 1;
  }
  return lo / N;
}
