// Average ranks (ties share the mean of their positions, scipy.stats.rankdata 'average') and the tie-size sum
// Σ(t³ - t) that rank tests subtract from their variance.
import { sortFloat64InPlace } from './sort';

export interface Ranked {
  /** 1-based average rank of each input value, in input order. */
  ranks: Float64Array;
  /** Σ(t³ - t) over groups of equal values. */
  tieTerm: number;
  hasTies: boolean;
}

export function averageRanks(values: ArrayLike<number>): Ranked {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  let tieTerm = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[order[j]!] === values[order[i]!]) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]!] = rank;
    const t = j - i;
    tieTerm += t * t * t - t;
    i = j;
  }
  return { ranks, tieTerm, hasTies: tieTerm > 0 };
}

/** Σ(t³ - t) over groups of equal values in the concatenation of a and b. */
export function tieTermOf(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const all = new Float64Array(a.length + b.length);
  all.set(Array.from(a), 0);
  all.set(Array.from(b), a.length);
  sortFloat64InPlace(all);
  let term = 0;
  let i = 0;
  while (i < all.length) {
    let j = i + 1;
    while (j < all.length && all[j] === all[i]) j++;
    const t = j - i;
    term += t * t * t - t;
    i = j;
  }
  return term;
}
