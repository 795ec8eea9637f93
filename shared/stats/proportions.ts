// Confidence intervals for a proportion: Wilson (score interval, for precision/recall of analyzer flags) and
// Clopper-Pearson (exact, for audit deviation limits, where the limit must never be optimistic).
import { betaQuantile } from './binomial';
import { normalCdf } from './special';

export interface Interval {
  low: number;
  high: number;
}

/** Standard normal quantile (scipy.stats.norm.ppf): Acklam's approximation polished by two Newton steps. */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  let x: number;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - lowTail) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  for (let i = 0; i < 2; i++) {
    const err = normalCdf(x) - p;
    x -= err * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  }
  return x;
}

function checkCounts(successes: number, n: number, confidence: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in 0..n (got ${successes} of ${n})`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1) (got ${confidence})`);
}

/** Two-sided Wilson score interval (statsmodels proportion_confint method='wilson'). n = 0 gives [0, 1]. */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  checkCounts(successes, n, confidence);
  if (n === 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** Two-sided Clopper-Pearson interval (statsmodels method='beta'). n = 0 gives [0, 1]. */
export function clopperPearson(successes: number, n: number, confidence = 0.95): Interval {
  checkCounts(successes, n, confidence);
  const alpha = 1 - confidence;
  const low = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1);
  const high = successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes);
  return { low, high };
}

/**
 * One-sided Clopper-Pearson upper limit, the audit "upper deviation limit": BETA.INV(confidence, k + 1, n - k).
 * At 95% with 100 items and 5 deviations it is 10.23%.
 */
export function clopperPearsonUpper(successes: number, n: number, confidence = 0.95): number {
  checkCounts(successes, n, confidence);
  if (successes === n) return 1;
  return betaQuantile(confidence, successes + 1, n - successes);
}
