// Two-sample Kolmogorov-Smirnov test, two-sided, matching scipy.stats.ks_2samp(method='auto'): exact p-value
// when both samples have at most 10,000 values, otherwise kstwo.sf(D, round(n1 n2 / (n1 + n2))).
import { gcd, outerProbInsideMethod, probOutsideSquare } from './ks-exact';
import { kstwoSf } from './kolmogorov';
import { roundHalfEven } from './special';
import { sortFloat64 } from './sort';

export const KS_MAX_EXACT_N = 10000;

export interface KsResult {
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymp';
}

/**
 * Largest gap between the two empirical CDFs, by one merge walk over both sorted samples. Within a run of a
 * value present in one sample only, the gap moves monotonically between two values that are evaluated anyway,
 * so stepping one element at a time finds the same extremes; a value present in both samples is consumed from
 * both before the gap is read, as SciPy's searchsorted(side='right') does.
 */
export function ksStatisticSorted(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  // Track the gap as the exact integer i*n2 - j*n1 (no division per step); the extremes are converted
  // back with SciPy's float expression i/n1 - j/n2 at the end.
  let maxGap = 0;
  let maxI = 0;
  let maxJ = 0;
  let minGap = 0;
  let minI = 0;
  let minJ = 0;
  while (i < n1 && j < n2) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      while (i < n1 && a[i] === x) i++;
      while (j < n2 && b[j] === x) j++;
    }
    const gap = i * n2 - j * n1;
    if (gap >= maxGap) {
      // Equal exact gaps can round differently as floats; keep the larger float, as SciPy's argmax does.
      if (gap > maxGap || i / n1 - j / n2 > maxI / n1 - maxJ / n2) {
        maxGap = gap;
        maxI = i;
        maxJ = j;
      }
    } else if (gap <= minGap) {
      if (gap < minGap || i / n1 - j / n2 < minI / n1 - minJ / n2) {
        minGap = gap;
        minI = i;
        minJ = j;
      }
    }
  }
  // Once one sample is exhausted the gap heads monotonically to 0, which both extremes already cover.
  const maxS = maxI / n1 - maxJ / n2;
  const minS = minI / n1 - minJ / n2;
  return Math.max(maxS, Math.min(-minS, 1));
}

/** Exact two-sided p-value for statistic d; returns the statistic rounded to the lattice as SciPy does. */
function exactP(n1: number, n2: number, d: number): { d: number; p: number } | null {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = roundHalfEven(d * lcm);
  const dl = h / lcm;
  if (h === 0) return { d: dl, p: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
  if (!(p >= 0 && p <= 1)) return null;
  return { d: dl, p };
}

/** KS test on two samples that are already sorted ascending (no NaN). */
export function ks2SampSorted(a: Float64Array, b: Float64Array): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ks2Samp needs two non-empty samples');
  const d = ksStatisticSorted(a, b);
  if (Math.max(n1, n2) <= KS_MAX_EXACT_N) {
    const exact = exactP(n1, n2, d);
    if (exact) return { statistic: exact.d, pValue: Math.min(1, Math.max(0, exact.p)), method: 'exact' };
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  return { statistic: d, pValue: Math.min(1, Math.max(0, kstwoSf(roundHalfEven(en), d))), method: 'asymp' };
}

/** KS test on two unsorted samples (copies, sorts, then tests). */
export function ks2Samp(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  return ks2SampSorted(sortFloat64(Float64Array.from(a)), sortFloat64(Float64Array.from(b)));
}
