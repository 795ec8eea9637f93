// Weighted column sums over one tile of items for the bootstrap's item-by-item pass (bootstrap.ts denseMeans):
// out[at + c] += sum_i w[i] * column_c[i]. Several running sums per loop keep the floating-point adds from
// waiting on one another; the order of the additions is fixed, so results do not depend on how work is split.

/**
 * Adds the weighted sums of four columns (views of one tile, as long as w) to out[at..at+3]. Two running sums
 * per column (even and odd items) in registers: a floating-point add waits several cycles for the previous one,
 * so one chain per column would hold the loop to that latency.
 */
export function addWeightedSums4(w: Float64Array, c0: Float64Array, c1: Float64Array, c2: Float64Array, c3: Float64Array, out: Float64Array, at: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  const len = w.length;
  let i = 0;
  for (; i + 1 < len; i += 2) {
    const x = w[i]!;
    const y = w[i + 1]!;
    s0 += x * c0[i]!;
    s1 += x * c1[i]!;
    s2 += x * c2[i]!;
    s3 += x * c3[i]!;
    t0 += y * c0[i + 1]!;
    t1 += y * c1[i + 1]!;
    t2 += y * c2[i + 1]!;
    t3 += y * c3[i + 1]!;
  }
  if (i < len) {
    const x = w[i]!;
    s0 += x * c0[i]!;
    s1 += x * c1[i]!;
    s2 += x * c2[i]!;
    s3 += x * c3[i]!;
  }
  out[at] = out[at]! + (s0 + t0);
  out[at + 1] = out[at + 1]! + (s1 + t1);
  out[at + 2] = out[at + 2]! + (s2 + t2);
  out[at + 3] = out[at + 3]! + (s3 + t3);
}

/** As addWeightedSums4 for two columns, two running sums each. */
export function addWeightedSums2(w: Float64Array, c0: Float64Array, c1: Float64Array, out: Float64Array, at: number): void {
  let s0 = 0;
  let s1 = 0;
  let t0 = 0;
  let t1 = 0;
  const len = w.length;
  let i = 0;
  for (; i + 1 < len; i += 2) {
    const x = w[i]!;
    const y = w[i + 1]!;
    s0 += x * c0[i]!;
    s1 += x * c1[i]!;
    t0 += y * c0[i + 1]!;
    t1 += y * c1[i + 1]!;
  }
  if (i < len) {
    s0 += w[i]! * c0[i]!;
    s1 += w[i]! * c1[i]!;
  }
  out[at] = out[at]! + (s0 + t0);
  out[at + 1] = out[at + 1]! + (s1 + t1);
}

/** One column, four running sums. */
export function addWeightedSum(w: Float64Array, c: Float64Array, out: Float64Array, at: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const len = w.length;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    s0 += w[i]! * c[i]!;
    s1 += w[i + 1]! * c[i + 1]!;
    s2 += w[i + 2]! * c[i + 2]!;
    s3 += w[i + 3]! * c[i + 3]!;
  }
  for (; i < len; i++) s0 += w[i]! * c[i]!;
  out[at] = out[at]! + ((s0 + s1) + (s2 + s3));
}
