// Exact McNemar test: under "no difference" each discordant pair is equally likely to go either way, so the
// count b of pairs flagged only on side A is Binomial(b + c, 1/2). Same p-value as
// scipy.stats.binomtest(b, b + c, 0.5) (two-sided) and statsmodels mcnemar(exact=True).
import { binomCdf } from './binomial';

export interface McNemarResult {
  /** Pairs positive on A only. */
  b: number;
  /** Pairs positive on B only. */
  c: number;
  pValue: number;
}

/** Two-sided exact binomial test of k successes in n trials against p = 1/2 (symmetric, so twice the smaller tail). */
export function binomTestHalf(k: number, n: number): number {
  if (n === 0) return 1;
  const low = Math.min(k, n - k);
  if (2 * low === n) return 1;
  return Math.min(1, 2 * binomCdf(low, n, 0.5));
}

export function mcnemarExact(b: number, c: number): McNemarResult {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) throw new RangeError(`discordant counts must be non-negative integers (got ${b}, ${c})`);
  return { b, c, pValue: binomTestHalf(b, b + c) };
}
