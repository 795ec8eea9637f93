// First Wasserstein (earth mover's) distance between two 1-D samples, as scipy.stats.wasserstein_distance:
// the area between the two empirical CDFs, by one merge walk over both sorted samples.
import { sortFloat64 } from './sort';

/** Distance between two ascending samples. */
export function wassersteinSorted(u: Float64Array, v: Float64Array): number {
  const nu = u.length;
  const nv = v.length;
  if (nu === 0 || nv === 0) return Number.NaN;
  let i = 0;
  let j = 0;
  let total = 0;
  let prev = Math.min(u[0]!, v[0]!);
  let gap = 0;
  // Between consecutive values of the merged sample the CDF gap is constant; add gap * width for each step.
  while (i < nu || j < nv) {
    const x = j >= nv || (i < nu && u[i]! <= v[j]!) ? u[i]! : v[j]!;
    total += gap * (x - prev);
    if (i < nu && u[i] === x) i++;
    else j++;
    gap = Math.abs(i / nu - j / nv);
    prev = x;
  }
  return total;
}

export function wasserstein(u: ArrayLike<number>, v: ArrayLike<number>): number {
  return wassersteinSorted(sortFloat64(Float64Array.from(u)), sortFloat64(Float64Array.from(v)));
}

/** Evidently's drift score: distance divided by the reference standard deviation (floored at 0.001). */
export function wassersteinNormalized(distance: number, referenceStd: number): number {
  return distance / Math.max(referenceStd, 0.001);
}
