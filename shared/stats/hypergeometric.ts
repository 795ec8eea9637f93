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
