// Population Stability Index. Definition used throughout Assay (and by scripts/gen-scipy-fixtures.py):
//   numeric:      bins are the reference deciles — edges numpy.quantile(reference, k/10, 'linear') for
//                 k = 1..9, duplicates removed — as right-closed intervals (-inf, e1], (e1, e2], ..., (e9, inf);
//   categorical:  one bin per category seen in either sample;
//   proportions:  count / n, floored at PSI_EPSILON = 1e-4 so an empty bin stays finite;
//   PSI = sum over bins of (cur - ref) * ln(cur / ref).  Rule of thumb: < 0.1 stable, >= 0.2 a major shift.
import { quantileSorted, upperBound } from './descriptive';

export const PSI_BINS = 10;
export const PSI_EPSILON = 1e-4;

/** PSI from two count vectors aligned by bin. */
export function psiFromCounts(reference: ArrayLike<number>, current: ArrayLike<number>, epsilon = PSI_EPSILON): number {
  let nr = 0;
  let nc = 0;
  for (let i = 0; i < reference.length; i++) nr += reference[i]!;
  for (let i = 0; i < current.length; i++) nc += current[i]!;
  if (!(nr > 0 && nc > 0)) return Number.NaN;
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i]! / nr, epsilon);
    const c = Math.max(current[i]! / nc, epsilon);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/** Deduplicated reference quantile edges. */
export function psiEdges(referenceSorted: Float64Array, bins = PSI_BINS): number[] {
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const e = quantileSorted(referenceSorted, k / bins);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

/** Counts of an ascending sample in the right-closed bins defined by `edges`. */
export function countInRightClosedBins(sorted: Float64Array, edges: readonly number[]): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let prev = 0;
  for (let b = 0; b < edges.length; b++) {
    const upto = upperBound(sorted, edges[b]!);
    counts[b] = upto - prev;
    prev = upto;
  }
  counts[edges.length] = sorted.length - prev;
  return counts;
}

/** PSI of two ascending numeric samples with reference-decile bins. */
export function psiNumericSorted(referenceSorted: Float64Array, currentSorted: Float64Array, bins = PSI_BINS): number {
  if (referenceSorted.length === 0 || currentSorted.length === 0) return Number.NaN;
  const edges = psiEdges(referenceSorted, bins);
  return psiFromCounts(countInRightClosedBins(referenceSorted, edges), countInRightClosedBins(currentSorted, edges));
}
