// Fisher's exact test on a 2x2 table, two-sided, as scipy.stats.fisher_exact: the p-value sums the hypergeometric
// probabilities of every table at most as likely as the observed one. Probabilities come from log-gamma, so
// "as likely" allows a relative 1e-7 (scipy's binomtest tolerance) rather than scipy's 1e-14: equal
// probabilities on either side of the mode must count as equal after rounding.
import { logChoose } from './binomial';

export interface FisherResult {
  oddsRatio: number;
  pValue: number;
}

const RELATIVE_TIE = 1e-7;

/** table = [[a, b], [c, d]]: rows are the two groups, columns positive / negative. */
export function fisherExact(a: number, b: number, c: number, d: number): FisherResult {
  for (const v of [a, b, c, d]) if (!Number.isInteger(v) || v < 0) throw new RangeError(`table cells must be non-negative integers (got ${[a, b, c, d].join(', ')})`);
  const oddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : Number.POSITIVE_INFINITY;
  const n1 = a + b;
  const n2 = c + d;
  const n = a + c;
  if (n1 === 0 || n2 === 0 || n === 0 || b + d === 0) return { oddsRatio: Number.NaN, pValue: 1 };
  const logTotal = logChoose(n1 + n2, n);
  const logPmf = (x: number) => logChoose(n1, x) + logChoose(n2, n - x) - logTotal;
  const observed = logPmf(a);
  const limit = observed + Math.log1p(RELATIVE_TIE);
  let p = 0;
  for (let x = Math.max(0, n - n2); x <= Math.min(n, n1); x++) {
    const lp = logPmf(x);
    if (lp <= limit) p += Math.exp(lp);
  }
  return { oddsRatio, pValue: Math.min(1, p) };
}
