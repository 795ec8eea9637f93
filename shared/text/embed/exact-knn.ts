/**
 * Exact nearest neighbours by inner product over a row-major Float32Array (cosine for normalized rows). Used for
 * small filtered candidate sets, as ground truth for recall, and as the speed baseline the HNSW index is
 * measured against, so it is written to be fast: a 4-way unrolled dot product and a partial selection that
 * keeps only the current top k (an insertion into a short sorted list, skipped for most rows).
 */

export interface Neighbours {
  /** Row indices, best first. */
  indices: Int32Array;
  scores: Float32Array;
}

export function dot(a: Float32Array, aOffset: number, b: Float32Array, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  const end4 = dim - (dim % 4);
  for (; i < end4; i += 4) {
    s0 += a[aOffset + i]! * b[i]!;
    s1 += a[aOffset + i + 1]! * b[i + 1]!;
    s2 += a[aOffset + i + 2]! * b[i + 2]!;
    s3 += a[aOffset + i + 3]! * b[i + 3]!;
  }
  for (; i < dim; i++) s0 += a[aOffset + i]! * b[i]!;
  return s0 + s1 + s2 + s3;
}

/**
 * The k rows of `matrix` (rows x dim) with the largest inner product with `query`. `accept` (row -> bool)
 * restricts the candidates. Ties keep the lower row index first.
 */
export function exactTopK(matrix: Float32Array, dim: number, query: Float32Array, k: number, accept?: (row: number) => boolean): Neighbours {
  const rows = Math.floor(matrix.length / dim);
  const keep = Math.max(0, Math.min(k, rows));
  const idx = new Int32Array(keep);
  const sc = new Float32Array(keep).fill(-Infinity);
  let filled = 0;
  for (let r = 0; r < rows; r++) {
    if (accept && !accept(r)) continue;
    const s = dot(matrix, r * dim, query, dim);
    if (filled === keep && !(s > sc[keep - 1]!)) continue;
    let pos = filled < keep ? filled++ : keep - 1;
    while (pos > 0 && sc[pos - 1]! < s) {
      sc[pos] = sc[pos - 1]!;
      idx[pos] = idx[pos - 1]!;
      pos--;
    }
    sc[pos] = s;
    idx[pos] = r;
  }
  return { indices: idx.subarray(0, filled), scores: sc.subarray(0, filled) };
}

/** Scales a vector to unit length in place; returns false (leaving it unchanged) for the zero vector. */
export function normalizeInPlace(v: Float32Array): boolean {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (sum === 0 || !Number.isFinite(sum)) return false;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return true;
}
