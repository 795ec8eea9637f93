// Maximum mean discrepancy between two sets of vectors with an RBF kernel, bandwidth by the median heuristic,
// and a seeded permutation p-value (as alibi-detect's MMDDrift does).
//   kernel:     k(a, b) = exp(-|a - b|^2 / (2 sigma^2)), with 2 sigma^2 = median of the pooled squared
//               pairwise distances (sigma^2 = median / 2), unless a bandwidth sigma is given;
//   statistic:  unbiased MMD^2 (diagonals excluded);
//   p-value:    (1 + #{permuted MMD^2 >= observed}) / (1 + permutations), never exactly 0.
import { createRng, shuffleInPlace } from './prng';

export type Vectors = ReadonlyArray<ArrayLike<number>>;

export interface MmdOptions {
  permutations?: number;
  seed?: number;
  /** Kernel width sigma; the median heuristic when omitted. */
  sigma?: number;
}

export interface MmdResult {
  mmd2: number;
  sigma: number;
  pValue: number;
  permutations: number;
}

function squaredDistances(pooled: Vectors): Float64Array {
  const n = pooled.length;
  const d2 = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = pooled[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = pooled[j]!;
      let s = 0;
      for (let k = 0; k < a.length; k++) {
        const t = a[k]! - b[k]!;
        s += t * t;
      }
      d2[i * n + j] = s;
      d2[j * n + i] = s;
    }
  }
  return d2;
}

/** Median of the off-diagonal upper triangle (numpy.median semantics: mean of the two middle values). */
export function medianPairwise(d2: Float64Array, n: number): number {
  const upper = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) upper[k++] = d2[i * n + j]!;
  upper.sort();
  const m = upper.length;
  if (m === 0) return 0;
  return m % 2 ? upper[(m - 1) / 2]! : (upper[m / 2 - 1]! + upper[m / 2]!) / 2;
}

/** Unbiased MMD^2 when the first `m` indices of `order` are sample X and the rest sample Y. */
function mmd2FromKernel(K: Float64Array, n: number, order: ArrayLike<number>, m: number): number {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let a = 0; a < n; a++) {
    const ia = order[a]!;
    const row = ia * n;
    for (let b = a + 1; b < n; b++) {
      const v = K[row + order[b]!]!;
      if (b < m) xx += v;
      else if (a >= m) yy += v;
      else xy += v;
    }
  }
  const ny = n - m;
  return (2 * xx) / (m * (m - 1)) + (2 * yy) / (ny * (ny - 1)) - (2 * xy) / (m * ny);
}

export function rbfMmd(x: Vectors, y: Vectors, options: MmdOptions = {}): MmdResult {
  const m = x.length;
  const n = m + y.length;
  if (m < 2 || y.length < 2) throw new RangeError('rbfMmd needs at least 2 vectors in each set');
  const pooled = [...x, ...y];
  const d2 = squaredDistances(pooled);
  const sigma = options.sigma ?? Math.sqrt(medianPairwise(d2, n) / 2);
  const gamma = sigma > 0 ? 1 / (2 * sigma * sigma) : 0;
  const K = new Float64Array(n * n);
  for (let i = 0; i < K.length; i++) K[i] = gamma > 0 ? Math.exp(-d2[i]! * gamma) : d2[i] === 0 ? 1 : 0;
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const mmd2 = mmd2FromKernel(K, n, identity, m);
  const permutations = options.permutations ?? 200;
  const rng = createRng(options.seed ?? 0);
  const order = identity.slice();
  let atLeast = 0;
  for (let p = 0; p < permutations; p++) {
    shuffleInPlace(order, rng);
    if (mmd2FromKernel(K, n, order, m) >= mmd2) atLeast++;
  }
  return { mmd2, sigma, pValue: (1 + atLeast) / (1 + permutations), permutations };
}
