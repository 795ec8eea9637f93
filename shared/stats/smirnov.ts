// One-sided Smirnov survival function P(D+_n >= x), as scipy.special.smirnov computes it (Birnbaum-Tingey sum).
// SciPy sums in double-double; every term here is positive, so summing logs in plain doubles stays well
// within 1e-9 relative, far inside what the p-value comparison needs.

const MIN_LOG = -708.3964185322641;
const MAX_COMPUTE_N = 1_000_000;

export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const nx = n * x;
  let nxfl = Math.floor(nx);
  let alpha = nx - nxfl;
  if (alpha === 1) {
    nxfl += 1;
    alpha = 0;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    const cdf = x * Math.pow(1 + x, n - 1);
    return Math.min(1, Math.max(0, 1 - cdf));
  }
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxfl >= n - 1) return Math.pow(1 - x, n);
  if (n > MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  // Lower sum: x * sum_v C(n,v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1), v while 1 - x - v/n > 0.
  let lastV = n - nxfl - (alpha === 0 ? 0 : 1);
  if (alpha === 0) lastV -= 1;
  const nTerms = lastV + 1;
  let logC = 0;
  let sum = 0;
  for (let v = 0; v < nTerms; v++) {
    if (v > 0) logC += Math.log((n - v + 1) / v);
    const base = (n - v) / n - x;
    if (base <= 0) break;
    const term = Math.exp(logC + (n - v) * Math.log(base) + (v - 1) * Math.log(x + v / n));
    sum += term;
    if (term !== 0 && 4 * (nTerms - v) * term < Number.EPSILON * sum && v !== nTerms - 1) break;
    if (term === 0 && v > n / 2) break;
  }
  return Math.min(1, Math.max(0, x * sum));
}
