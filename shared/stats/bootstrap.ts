// Seeded bootstrap of mean differences with percentile intervals. Paired: items are resampled with their A and
// B values together (Koehn 2004), so the interval reflects per-item differences. Resampling uses Poisson(1)
// weights per item (the Poisson bootstrap: Hanley & MacGibbon 2006; Chamandy et al. 2012) rather than n draws
// with replacement: both resample items i.i.d. with mean weight 1, but Poisson weights are drawn in item order,
// so 100k items x 10,000 resamples walk memory sequentially instead of gathering a billion random rows.
// Every item-by-item metric shares the same weights, summed column by column over tiles of items that stay in
// cache while every resample of a range passes over them; one 32-bit draw gives four weights (a byte each).
// Each resample draws from its own stretch of the seeded stream, so main/compare/parallel-resample.ts can split
// resamples over threads and still get the same numbers.
//
// A metric with few distinct values (token counts, flags, scores on a grid) needs no pass over the items: the
// weights of the c items sharing a value sum to a Poisson(c) draw, so a resample costs one draw per distinct
// value. Each such metric then gets its own weights (its interval is exact, only the coupling between metrics'
// resamples, which no result uses, is dropped).
import { quantileSorted } from './descriptive';
import { createRng, type Rng } from './prng';
import { lgamma } from './special';
import { sortFloat64InPlace } from './sort';

/** The state increment of mulberry32, the generator of prng.ts createRng (inlined below for speed). */
const MULBERRY32_STEP = 0x6d2b79f5;

export const DEFAULT_RESAMPLES = 10_000;

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
}

export interface BootstrapInterval {
  estimate: number;
  low: number;
  high: number;
  /**
   * Two-sided bootstrap p-value for "mean difference = 0": the share of resampled estimates at least as far from
   * the estimate as the estimate is from 0 (the null-centred distribution), with the +1 correction.
   */
  pValue: number;
}

/** n items x k metrics, row-major; NaN marks a missing value (left out of that metric's mean). */
export interface MetricMatrix {
  values: Float64Array;
  k: number;
}

// Poisson(1) weights by inverting its CDF on a 32-bit uniform: the top 16 bits index a table holding the weight
// at the start of that slice; the few slices a CDF step falls inside are marked (255) and resolved against the
// exact 32-bit bounds. So a weight costs one generator step and one lookup, and is exact to 2^-32.
const POISSON_BOUNDS = (() => {
  const bounds = new Float64Array(24);
  let p = Math.exp(-1);
  let cdf = 0;
  for (let w = 0; w < bounds.length; w++) {
    cdf += p;
    bounds[w] = Math.min(4294967296, Math.round(cdf * 4294967296));
    p /= w + 1;
  }
  return bounds;
})();
const STRADDLES = 255;
const POISSON_TABLE = (() => {
  const table = new Uint8Array(65536);
  let w = 0;
  for (let hi = 0; hi < 65536; hi++) {
    const lo = hi * 65536;
    while (lo >= POISSON_BOUNDS[w]!) w++;
    table[hi] = lo + 65535 >= POISSON_BOUNDS[w]! ? STRADDLES : w;
  }
  return table;
})();

/** The Poisson(1) quantile of a 32-bit uniform u (0 <= u < 2^32). */
export function poissonOneWeight(u: number): number {
  const w = POISSON_TABLE[u >>> 16]!;
  if (w !== STRADDLES) return w;
  let k = 0;
  while (u >= POISSON_BOUNDS[k]!) k++;
  return k;
}

function meansOf(m: MetricMatrix): Float64Array {
  const { values, k } = m;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      sums[i % k] = sums[i % k]! + v;
      counts[i % k] = counts[i % k]! + 1;
    }
  }
  return sums.map((s, j) => (counts[j] ? s / counts[j]! : Number.NaN));
}

/**
 * Poisson draws for a fixed set of lambdas: inversion for small lambda, else Hörmann's PTRS transformed rejection
 * (as numpy draws it). The constants that depend on lambda alone are worked out once, since the bootstrap draws
 * the same lambdas (distinct values' counts) once per resample.
 */
export class PoissonDraws {
  private readonly lambda: Float64Array;
  /** Per lambda: exp(-lambda) for inversion; b, a, vr, log(invalpha), log(lambda) for PTRS. */
  private readonly c: Float64Array;

  constructor(lambdas: ArrayLike<number>) {
    this.lambda = Float64Array.from(lambdas);
    this.c = new Float64Array(this.lambda.length * 6);
    this.lambda.forEach((lambda, i) => {
      const b = 0.931 + 2.53 * Math.sqrt(lambda);
      const invalpha = 1.1239 + 1.1328 / (b - 3.4);
      this.c.set([Math.exp(-lambda), b, -0.059 + 0.02483 * b, 0.9277 - 3.6224 / (b - 2), Math.log(invalpha), Math.log(lambda)], i * 6);
    });
  }

  draw(i: number, rng: Rng): number {
    const lambda = this.lambda[i]!;
    const c = this.c;
    const at = i * 6;
    if (lambda < 10) {
      let k = 0;
      let p = c[at]!;
      let cdf = p;
      const u = rng();
      while (u > cdf && k < 1000) {
        k++;
        p *= lambda / k;
        cdf += p;
      }
      return k;
    }
    const b = c[at + 1]!;
    const a = c[at + 2]!;
    const vr = c[at + 3]!;
    for (;;) {
      const u = rng() - 0.5;
      const v = rng();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + c[at + 4]! - Math.log(a / (us * us) + b) <= -lambda + k * c[at + 5]! - lgamma(k + 1)) return k;
    }
  }
}

export function poissonDraw(lambda: number, rng: Rng): number {
  return new PoissonDraws([lambda]).draw(0, rng);
}

/** A few-valued metric: its distinct values, how often each occurs, and where its stream starts (see groupedMeans). */
export interface DistinctValues {
  values: Float64Array;
  counts: Float64Array;
  stream: number;
}

/** Distinct present values of column j and how often each occurs, or null when there are more than `cap`. */
function distinctValues(m: MetricMatrix, j: number, cap: number): DistinctValues | null {
  const seen = new Map<number, number>();
  for (let i = j; i < m.values.length; i += m.k) {
    const v = m.values[i]!;
    if (v !== v) continue;
    seen.set(v, (seen.get(v) ?? 0) + 1);
    if (seen.size > cap) return null;
  }
  // Each metric's stream starts at its own offset from the seed (a golden-ratio step apart, away from denseMeans').
  return { values: Float64Array.from(seen.keys()), counts: Float64Array.from(seen.values()), stream: Math.imul(j + 1, 0x9e3779b9) ^ 0x5bd1e995 };
}

/**
 * Resampled means of a few-valued metric for resamples [from, to): per resample one Poisson(count) draw per
 * distinct value. Resample r draws from its own stretch of a stream seeded for this metric (`stream` from
 * planResamples), `stride` draws apart, so any split of the resamples gives the same numbers. (A draw takes one
 * or two uniforms, rarely more; a resample that overruns its stretch shares a few uniforms with the next one.)
 */
function groupedMeans(g: DistinctValues, seed: number, from: number, to: number): Float64Array {
  const out = new Float64Array(to - from);
  const poisson = new PoissonDraws(g.counts);
  const stride = 4 * g.values.length + 16;
  for (let r = from; r < to; r++) {
    const rng = createRng((g.stream + seed + Math.imul(Math.imul(r, stride), MULBERRY32_STEP)) >>> 0);
    let num = 0;
    let den = 0;
    for (let d = 0; d < g.values.length; d++) {
      const w = poisson.draw(d, rng);
      num += w * g.values[d]!;
      den += w;
    }
    out[r - from] = num / den;
  }
  return out;
}

/**
 * Items per tile. Every resample passes over one tile before the next, so the tile's columns (8 bytes per value)
 * and weights stay in the core's cache instead of streaming all n items from memory once per resample.
 */
const TILE = 2048;

/**
 * Resample r's weights for items 4q..4q+3 come from draw r*draws + q of mulberry32 seeded with `seed` (draws =
 * ceil(n / 4)); this is the state before resample r's first draw. The generator is a counter run through a
 * mixing function, so any (resample, item) is reachable directly: tiles and threads start anywhere.
 */
function streamStart(seed: number, draws: number, r: number): number {
  return (seed + Math.imul(Math.imul(r, draws), MULBERRY32_STEP)) >>> 0;
}

/** mulberry32's output for a state (prng.ts createRng, as a 32-bit integer). */
function mix32(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * Poisson(1) quantiles of the 256 top-byte slices of a 32-bit uniform, with STRADDLES (>= 128) where a CDF step
 * falls inside the slice (5 of 256: about 2% of weights); those are settled with 24 more bits.
 */
const BYTE_TABLE = (() => {
  const table = new Uint8Array(256);
  let w = 0;
  for (let b = 0; b < 256; b++) {
    const lo = b * 16777216;
    while (lo >= POISSON_BOUNDS[w]!) w++;
    table[b] = lo + 16777215 >= POISSON_BOUNDS[w]! ? STRADDLES : w;
  }
  return table;
})();

/** The weight of byte `b` of a draw whose slice straddles a step: 24 more bits from a second mix of the state. */
function settleStraddle(top: number, state: number, b: number): number {
  return poissonOneWeight(top * 16777216 + (mix32((state ^ Math.imul(b + 1, 0x9e3779b9)) >>> 0) >>> 8));
}

/** BYTE_TABLE as the doubles the sums take, with -1024 where the slice straddles: a negative sum of four flags one. */
const BYTE_WEIGHTS = Float64Array.from(BYTE_TABLE, (w) => (w === STRADDLES ? -1024 : w));

/**
 * Poisson(1) weights of `len` items from the stream state before the tile's first draw, into w[0..len); returns
 * their sum. Each draw serves four items, one byte each (high byte first): the byte indexes the quantile table;
 * in the rare slice that straddles a step the weight is the quantile of that byte and 24 further bits, so every
 * weight is the Poisson(1) quantile of a 32-bit uniform (exact to 2^-32, as poissonOneWeight).
 */
function drawTileWeights(w: Float64Array, len: number, state: number): number {
  let total = 0;
  const full = len & ~3;
  for (let i = 0; i < len; i += 4) {
    // mix32 inlined (a call per draw costs as much as the draw), on int32 values: `>>> 0` would make V8 hold
    // the state as a double. The bytes taken below are the same either way.
    state = (state + MULBERRY32_STEP) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    t ^= t >>> 14;
    let w0 = BYTE_WEIGHTS[t >>> 24]!;
    let w1 = BYTE_WEIGHTS[(t >>> 16) & 255]!;
    let w2 = BYTE_WEIGHTS[(t >>> 8) & 255]!;
    let w3 = BYTE_WEIGHTS[t & 255]!;
    let sum = (w0 + w1) + (w2 + w3);
    if (sum < 0) {
      if (w0 < 0) w0 = settleStraddle(t >>> 24, state, 0);
      if (w1 < 0) w1 = settleStraddle((t >>> 16) & 255, state, 1);
      if (w2 < 0) w2 = settleStraddle((t >>> 8) & 255, state, 2);
      if (w3 < 0) w3 = settleStraddle(t & 255, state, 3);
      sum = (w0 + w1) + (w2 + w3);
    }
    if (i < full) {
      w[i] = w0;
      w[i + 1] = w1;
      w[i + 2] = w2;
      w[i + 3] = w3;
      total += sum;
    } else {
      // The stream's last, partial draw: its unused bytes weigh no item.
      w[i] = w0;
      total += w0;
      if (i + 1 < len) {
        w[i + 1] = w1;
        total += w1;
      }
      if (i + 2 < len) {
        w[i + 2] = w2;
        total += w2;
      }
    }
  }
  return total;
}

/**
 * Adds the weighted sums of four columns (views of one tile, as long as w) to out[at..at+3]. Two running sums
 * per column (even and odd items) in registers: a floating-point add waits several cycles for the previous one,
 * so one chain per column would hold the loop to that latency.
 */
function addWeightedSums4(w: Float64Array, c0: Float64Array, c1: Float64Array, c2: Float64Array, c3: Float64Array, out: Float64Array, at: number): void {
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

/** The same for two columns, two running sums each. */
function addWeightedSums2(w: Float64Array, c0: Float64Array, c1: Float64Array, out: Float64Array, at: number): void {
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
function addWeightedSum(w: Float64Array, c: Float64Array, out: Float64Array, at: number): void {
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

/** Which metrics are resampled by distinct value (few values) and which item by item, as columns. */
export interface ResamplePlan {
  /** Per metric: its distinct values and their counts, or null for an item-by-item (dense) metric. */
  distinct: (DistinctValues | null)[];
  /** Metric index of each dense column. */
  denseMetrics: number[];
  /** The dense metrics' values, one Float64Array column per metric (NaN = missing). */
  columns: Float64Array[];
}

/**
 * A metric with d distinct values drawn by value costs d Poisson(c) draws per resample (~20-40 ns each); drawn
 * item by item it costs a weight per item (~2-3 ns, shared by every such metric) plus a multiply-add per item
 * (~0.5-1 ns). So by value is cheaper below about n / 16 values when no metric is drawn item by item, and below
 * about n / 40 when some metric is anyway and this one would only add its multiply-adds.
 */
export function planResamples(m: MetricMatrix): ResamplePlan {
  const n = m.values.length / m.k;
  let distinct = Array.from({ length: m.k }, (_, j) => distinctValues(m, j, Math.max(16, Math.floor(n / 16))));
  if (distinct.some((g) => g === null)) {
    const cap = Math.max(16, Math.floor(n / 40));
    distinct = distinct.map((g) => (g && g.values.length <= cap ? g : null));
  }
  const denseMetrics = distinct.flatMap((g, j) => (g ? [] : [j]));
  const columns = denseMetrics.map((j) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = m.values[i * m.k + j]!;
    return col;
  });
  return { distinct, denseMetrics, columns };
}

/**
 * Bootstrap means of the dense columns for resamples [from, to) (out[c][r - from]). Resample r's weights come
 * from its own stretch of the seeded stream (streamStart), and its sums are added up tile by tile in item order
 * whatever the range, so any split of the resamples over threads gives the same numbers as one pass. (With
 * n / 2 * resamples beyond 2^32, the generator's period, later resamples reuse shifted stretches of the stream.)
 */
export function denseMeans(columns: readonly Float64Array[], seed: number, from: number, to: number): Float64Array[] {
  const n = columns[0]?.length ?? 0;
  const draws = Math.ceil(n / 4);
  // Summed columns: each metric's values (NaN as 0), then a presence column (1/0) per metric with gaps.
  const values: Float64Array[] = [];
  const presence: Float64Array[] = [];
  const presentAt: number[] = [];
  for (const col of columns) {
    const v = new Float64Array(n);
    let p: Float64Array | null = null;
    for (let i = 0; i < n; i++) {
      const x = col[i]!;
      if (x === x) v[i] = x;
      else (p ??= new Float64Array(n).fill(1))[i] = 0;
    }
    values.push(v);
    presentAt.push(p ? columns.length + presence.push(p) - 1 : -1);
  }
  const all = [...values, ...presence];
  const width = all.length + 1;
  const totalAt = all.length;
  const sums = new Float64Array((to - from) * width);
  const buffer = new Float64Array(TILE);
  for (let off = 0; off < n; off += TILE) {
    const len = Math.min(TILE, n - off);
    const skip = Math.imul(off / 4, MULBERRY32_STEP);
    // Views of this tile: the kernels index them from 0, so their loops need no offset arithmetic.
    const w = len === TILE ? buffer : buffer.subarray(0, len);
    const tile = all.map((col) => col.subarray(off, off + len));
    for (let r = from; r < to; r++) {
      const at = (r - from) * width;
      sums[at + totalAt] = sums[at + totalAt]! + drawTileWeights(w, len, (streamStart(seed, draws, r) + skip) >>> 0);
      let c = 0;
      for (; c + 4 <= tile.length; c += 4) addWeightedSums4(w, tile[c]!, tile[c + 1]!, tile[c + 2]!, tile[c + 3]!, sums, at + c);
      if (c + 2 <= tile.length) {
        addWeightedSums2(w, tile[c]!, tile[c + 1]!, sums, at + c);
        c += 2;
      }
      if (c < tile.length) addWeightedSum(w, tile[c]!, sums, at + c);
    }
  }
  return columns.map((_, c) => {
    const out = new Float64Array(to - from);
    const p = presentAt[c]!;
    for (let r = 0; r < to - from; r++) out[r] = sums[r * width + c]! / sums[r * width + (p < 0 ? totalAt : p)]!;
    return out;
  });
}

/** Resampled means of every metric for resamples [from, to) (metric-major: out[j][r - from]), however split. */
export function resampleRange(plan: ResamplePlan, seed: number, from: number, to: number): Float64Array[] {
  const dense = denseMeans(plan.columns, seed, from, to);
  return plan.distinct.map((g, j) => (g ? groupedMeans(g, seed, from, to) : dense[plan.denseMetrics.indexOf(j)]!));
}

/** resamples x k bootstrap means on this thread (metric-major: out[j][r]). */
export function resampleMeans(m: MetricMatrix, resamples: number, seed: number): Float64Array[] {
  return resampleRange(planResamples(m), seed, 0, resamples);
}

function intervalOf(means: Float64Array, estimate: number, confidence: number): BootstrapInterval {
  // A resample that drew no item with a value has no mean; it carries no information about the spread.
  const finite = means.filter((m) => m === m && Number.isFinite(m));
  if (finite.length === 0 || Number.isNaN(estimate)) return { estimate, low: Number.NaN, high: Number.NaN, pValue: Number.NaN };
  let extreme = 0;
  const distance = Math.abs(estimate);
  for (const m of finite) if (Math.abs(m - estimate) >= distance) extreme++;
  sortFloat64InPlace(finite);
  const alpha = (1 - confidence) / 2;
  return {
    estimate,
    low: quantileSorted(finite, alpha),
    high: quantileSorted(finite, 1 - alpha),
    pValue: Math.min(1, (extreme + 1) / (finite.length + 1)),
  };
}

/** The seeds of the two sides of an unpaired bootstrap: a golden-ratio step keeps the streams apart. */
export function unpairedSeeds(seed: number): [number, number] {
  return [seed >>> 0, (seed + 0x9e3779b9) >>> 0];
}

/** Intervals of a paired bootstrap from its resampled means (resampleMeans of the same matrix). */
export function pairedIntervals(differences: MetricMatrix, means: readonly Float64Array[], confidence = 0.95): BootstrapInterval[] {
  if (differences.values.length === 0) throw new RangeError('paired bootstrap needs at least one pair');
  const estimates = meansOf(differences);
  return means.map((m, j) => intervalOf(m, estimates[j]!, confidence));
}

/** Intervals of mean(B) - mean(A) from each side's resampled means (seeds from unpairedSeeds). */
export function unpairedIntervals(a: MetricMatrix, b: MetricMatrix, meansA: readonly Float64Array[], meansB: readonly Float64Array[], confidence = 0.95): BootstrapInterval[] {
  if (a.k !== b.k) throw new RangeError('both sides need the same metrics');
  if (a.values.length === 0 || b.values.length === 0) throw new RangeError('unpaired bootstrap needs items on both sides');
  const meanA = meansOf(a);
  const meanB = meansOf(b);
  return meansA.map((ra, j) => {
    const diff = ra.map((v, r) => meansB[j]![r]! - v);
    return intervalOf(diff, meanB[j]! - meanA[j]!, confidence);
  });
}

/** Paired bootstrap: `differences` holds per-item B - A values (NaN where either side lacks the metric). */
export function pairedBootstrap(differences: MetricMatrix, options: BootstrapOptions = {}): BootstrapInterval[] {
  if (differences.values.length === 0) throw new RangeError('paired bootstrap needs at least one pair');
  const means = resampleMeans(differences, options.resamples ?? DEFAULT_RESAMPLES, options.seed ?? 0);
  return pairedIntervals(differences, means, options.confidence);
}

/** Unpaired bootstrap of mean(B) - mean(A) per metric: each side resampled on its own. */
export function unpairedBootstrap(a: MetricMatrix, b: MetricMatrix, options: BootstrapOptions = {}): BootstrapInterval[] {
  if (a.k !== b.k) throw new RangeError('both sides need the same metrics');
  if (a.values.length === 0 || b.values.length === 0) throw new RangeError('unpaired bootstrap needs items on both sides');
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const [seedA, seedB] = unpairedSeeds(options.seed ?? 0);
  return unpairedIntervals(a, b, resampleMeans(a, resamples, seedA), resampleMeans(b, resamples, seedB), options.confidence);
}
