// Seeded bootstrap of mean differences with percentile intervals. Paired: items are resampled with their A and
// B values together (Koehn 2004), so the interval reflects per-item differences. Resampling uses Poisson(1)
// weights per item (the Poisson bootstrap: Hanley & MacGibbon 2006; Chamandy et al. 2012) rather than n draws
// with replacement: both resample items i.i.d. with mean weight 1, but Poisson weights are drawn in item order,
// so 100k items x 10,000 resamples walk memory sequentially instead of gathering a billion random rows.
// Every item-by-item metric shares the same weights, summed column by column (Float64Array columns). Each
// resample draws from its own stretch of the seeded stream, so main/compare/parallel-resample.ts can split
// resamples over threads and still get the same numbers.
//
// A metric with few distinct values (token counts, flags, scores on a grid) needs no pass over the items: the
// weights of the c items sharing a value sum to a Poisson(c) draw, so a resample costs one draw per distinct
// value. Each such metric then gets its own weights (its interval is exact, only the coupling between metrics'
// resamples, which no result uses, is dropped). These are cheap and always run on the calling thread.
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

/** Poisson(lambda) by inversion for small lambda, else Hörmann's PTRS transformed rejection (as numpy draws it). */
export function poissonDraw(lambda: number, rng: Rng): number {
  if (lambda < 10) {
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = rng();
    while (u > cdf && k < 1000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1)) return k;
  }
}

/** Distinct present values of column j and how often each occurs, or null when there are more than `cap`. */
function distinctValues(m: MetricMatrix, j: number, cap: number): { values: Float64Array; counts: Float64Array } | null {
  const seen = new Map<number, number>();
  for (let i = j; i < m.values.length; i += m.k) {
    const v = m.values[i]!;
    if (v !== v) continue;
    seen.set(v, (seen.get(v) ?? 0) + 1);
    if (seen.size > cap) return null;
  }
  return { values: Float64Array.from(seen.keys()), counts: Float64Array.from(seen.values()) };
}

function groupedMeans(g: { values: Float64Array; counts: Float64Array }, resamples: number, rng: Rng): Float64Array {
  const out = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let num = 0;
    let den = 0;
    for (let d = 0; d < g.values.length; d++) {
      const w = poissonDraw(g.counts[d]!, rng);
      num += w * g.values[d]!;
      den += w;
    }
    out[r] = num / den;
  }
  return out;
}

/** The weight of item i in resample r is draw r*n + i of mulberry32 seeded with `seed`; this is that draw's state. */
function streamStart(seed: number, n: number, r: number): number {
  return (seed + Math.imul(Math.imul(r, n), MULBERRY32_STEP)) >>> 0;
}

/** Which metrics are resampled by distinct value (few values) and which item by item, as columns. */
export interface ResamplePlan {
  /** Per metric: its distinct values and their counts, or null for an item-by-item (dense) metric. */
  distinct: ({ values: Float64Array; counts: Float64Array } | null)[];
  /** Metric index of each dense column. */
  denseMetrics: number[];
  /** The dense metrics' values, one Float64Array column per metric (NaN = missing). */
  columns: Float64Array[];
}

export function planResamples(m: MetricMatrix): ResamplePlan {
  const n = m.values.length / m.k;
  const cap = Math.max(16, Math.floor(n / 16));
  const distinct = Array.from({ length: m.k }, (_, j) => distinctValues(m, j, cap));
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
 * from its own stretch of the seeded stream, starting at streamStart(seed, n, r), so any split of the
 * resamples over threads gives the same numbers as one pass. (With n * resamples beyond 2^32, the generator's
 * period, later resamples reuse shifted stretches of the stream.)
 */
export function denseMeans(columns: readonly Float64Array[], seed: number, from: number, to: number): Float64Array[] {
  const n = columns[0]?.length ?? 0;
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
  const zero = new Float64Array(n);
  const groups: Float64Array[][] = [];
  for (let g = 0; g < all.length; g += 4) groups.push([0, 1, 2, 3].map((c) => all[g + c] ?? zero));
  const out = columns.map(() => new Float64Array(to - from));
  const sums = new Float64Array(groups.length * 4 + 1);
  for (let r = from; r < to; r++) {
    const start = streamStart(seed, n, r);
    groups.forEach((g, gi) => weightedSums4(g[0]!, g[1]!, g[2]!, g[3]!, n, start, sums, gi * 4));
    const total = sums[groups.length * 4]!;
    for (let c = 0; c < columns.length; c++) {
      const p = presentAt[c]!;
      out[c]![r - from] = sums[c]! / (p < 0 ? total : sums[p]!);
    }
  }
  return out;
}

/**
 * One resample's weighted sums of four columns (at out[at..at+3]) and the total weight (at out's last slot),
 * weights drawn from the stream starting at `state`. Four running sums in one loop stay in registers; a column
 * group beyond four redraws the same weights, which is cheaper than storing and reloading them.
 */
function weightedSums4(c0: Float64Array, c1: Float64Array, c2: Float64Array, c3: Float64Array, n: number, state: number, out: Float64Array, at: number): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    // mulberry32 (prng.ts createRng) inlined: a closure call per item costs more than the item.
    state = (state + MULBERRY32_STEP) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    t = (t ^ (t >>> 14)) >>> 0;
    let w = POISSON_TABLE[t >>> 16]!;
    if (w === STRADDLES) w = poissonOneWeight(t);
    total += w;
    s0 += w * c0[i]!;
    s1 += w * c1[i]!;
    s2 += w * c2[i]!;
    s3 += w * c3[i]!;
  }
  out[at] = s0;
  out[at + 1] = s1;
  out[at + 2] = s2;
  out[at + 3] = s3;
  out[out.length - 1] = total;
}

/** Resampled means of the few-valued metrics (metric-major; a dense metric's slot is left empty to fill). */
export function groupedResamples(plan: ResamplePlan, resamples: number, seed: number): Float64Array[] {
  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  return plan.distinct.map((g) => (g ? groupedMeans(g, resamples, rng) : new Float64Array(0)));
}

/** Fills the dense metrics' slots with denseMeans(plan.columns, seed, 0, resamples), however it was split. */
export function withDense(plan: ResamplePlan, grouped: Float64Array[], dense: readonly Float64Array[]): Float64Array[] {
  const out = grouped.slice();
  plan.denseMetrics.forEach((j, c) => { out[j] = dense[c]!; });
  return out;
}

/** resamples x k bootstrap means on this thread (metric-major: out[j][r]). */
export function resampleMeans(m: MetricMatrix, resamples: number, seed: number): Float64Array[] {
  const plan = planResamples(m);
  return withDense(plan, groupedResamples(plan, resamples, seed), denseMeans(plan.columns, seed, 0, resamples));
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
