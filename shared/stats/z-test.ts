// Two-proportion Z-test with a pooled standard error (the test Evidently picks for two-valued columns).
import { erfc } from './special';

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

/** H0: the share of `successes1` of `n1` equals `successes2` of `n2`; two-sided p-value. */
export function twoProportionZ(successes1: number, n1: number, successes2: number, n2: number): ZTestResult {
  if (n1 <= 0 || n2 <= 0) return { statistic: 0, pValue: 1 };
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const pooled = (successes1 + successes2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Both samples all-success or all-failure: identical proportions, nothing to test.
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (p1 - p2) / se;
  return { statistic: z, pValue: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}
