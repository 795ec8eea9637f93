// Weighted column sums over one tile of items for the bootstrap's item-by-item pass (resample-sums.ts), in JS:
// the reference the SIMD kernel (resample-kernels.ts) reproduces bit for bit, and the fallback without it.

/**
 * out[at] += sum_i w[i] * c[i] over i < len, in four running sums by i mod 4 combined as (s0 + s1) + (s2 + s3).
 * The order is fixed (the kernel's two f64x2 accumulators hold the same four sums), so results do not depend on
 * which path or how many threads computed them.
 */
export function addWeightedSum(w: Float64Array, c: Float64Array, len: number, out: Float64Array, at: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    s0 += w[i]! * c[i]!;
    s1 += w[i + 1]! * c[i + 1]!;
    s2 += w[i + 2]! * c[i + 2]!;
    s3 += w[i + 3]! * c[i + 3]!;
  }
  if (i < len) s0 += w[i]! * c[i]!;
  if (i + 1 < len) s1 += w[i + 1]! * c[i + 1]!;
  if (i + 2 < len) s2 += w[i + 2]! * c[i + 2]!;
  out[at] = out[at]! + ((s0 + s1) + (s2 + s3));
}
