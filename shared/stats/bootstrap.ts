// Seeded bootstrap of mean differences with percentile intervals. Paired: items are resampled with their A and
// B values together (Koehn 2004), so the interval reflects per-item differences. Resampling uses Poisson(1)
// weights per item (the Poisson bootstrap: Hanley & MacGibbon 2006; Chamandy et al. 2012) rather than n draws
// with replacement: both resample items i.i.d. with mean weight 1, but Poisson weights are drawn in item order,
// so 100k items x 10,000 resamples walk memory sequentially instead of gathering a billion random rows.
// So this is a Poisson bootstrap, not a multinomial one: the resample size varies (mean n), which is why each
// mean divides by the resample's own total weight. Every item-by-item metric shares the same weights, summed column
// by column over tiles of items that stay in cache while every resample of a range passes over them (resample-
// sums.ts, on WebAssembly SIMD kernels); one 32-bit draw gives four weights (a byte each). Each resample draws from
// its own stretch of the seeded stream, so main/compare/parallel-resample.ts can split resamples over threads and
// still get the same numbers.
//
// A metric with few distinct values (token counts, flags, scores on a grid) needs no pass over the items: the
// weights of the c items sharing a value sum to a Poisson(c) draw, so a resample costs one draw per distinct
// value. Each such metric then gets its own weights (its interval is exact, only the coupling between metrics'
// resamples, which no result uses, is dropped).
import { quantileSorted } from './descriptive';
import { PoissonDraws } from './poisson-draws';
import { MULBERRY32_STEP } from './poisson-weights';
import { createRng } from './prng';
import { resampleKernels, type ResampleKernels } from './resample-kernels';
import { resampleSums } from './resample-sums';
import { sortFloat64InPlace } from './sort';

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
  // Each metric's stream starts at its own offset from the seed, so two few-valued metrics do not share draws.
  return { values: Float64Array.from(seen.keys()), counts: Float64Array.from(seen.values()), stream: Math.imul(j + 1, 0x9e3779b9) ^ 0x5bd1e995 };
}

/**
 * Resampled means of a few-valued metric for resamples [from, to): per resample one Poisson(count) draw per
 * distinct value, each by inversion of one uniform. Resample r takes the uniforms r * d .. r * d + d - 1 of a
 * stream seeded for this metric (`stream` from planResamples), so any split of the resamples gives the same numbers.
 */
function groupedMeans(g: DistinctValues, seed: number, from: number, to: number): Float64Array {
  const out = new Float64Array(to - from);
  const poisson = new PoissonDraws(g.counts);
  const stride = g.values.length;
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
 * Costs in ns per resample, measured on 2 shared cores (only their ratios matter): a Poisson(1) weight per item on
 * the SIMD kernels (shared by every item-by-item metric), a multiply-add per item and item-by-item metric (more
 * than in cache alone: six columns of a tile spill to L2), and a tabled Poisson(count) draw per distinct value of
 * a metric drawn by value. The plan depends on the data alone, never on the runtime (kernels or JS), so every
 * machine gets the same numbers for the same seed.
 */
const WEIGHT_COST = 0.85;
const COLUMN_COST = 0.25;
const DRAW_COST = 18;

/**
 * Which metrics to draw by value and which item by item, at the least cost. A metric with more distinct values
 * costs more by value and the same item by item, so the best plan takes some number of the metrics with the most
 * distinct values item by item: try each number.
 */
export function planResamples(m: MetricMatrix): ResamplePlan {
  const n = m.values.length / m.k;
  const cap = Math.max(16, Math.floor((n * (WEIGHT_COST + COLUMN_COST)) / DRAW_COST));
  const found = Array.from({ length: m.k }, (_, j) => distinctValues(m, j, cap));
  const byValueCost = found.map((g) => (g ? g.values.length * DRAW_COST : Infinity));
  // Most distinct values first: the first `dense` of these go item by item.
  const order = found.map((_, j) => j).sort((x, y) => byValueCost[y]! - byValueCost[x]! || x - y);
  let best = { cost: Infinity, dense: 0 };
  for (let dense = 0; dense <= m.k; dense++) {
    const passCost = dense ? n * (WEIGHT_COST + dense * COLUMN_COST) : 0;
    const cost = passCost + order.slice(dense).reduce((s, j) => s + byValueCost[j]!, 0);
    if (cost < best.cost) best = { cost, dense };
  }
  const itemByItem = new Set(order.slice(0, best.dense));
  const distinct = found.map((g, j) => (itemByItem.has(j) ? null : g));
  const denseMetrics = distinct.flatMap((g, j) => (g ? [] : [j]));
  const columns = denseMetrics.map((j) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = m.values[i * m.k + j]!;
    return col;
  });
  return { distinct, denseMetrics, columns };
}

/**
 * Bootstrap means of the dense columns for resamples [from, to) (out[c][r - from]), from resample-sums.ts (which
 * says why any split of the resamples gives the same numbers). `kernels` null runs the JS reference.
 */
export function denseMeans(columns: readonly Float64Array[], seed: number, from: number, to: number,
  kernels: ResampleKernels | null = resampleKernels()): Float64Array[] {
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
  const width = all.length + 1;
  const totalAt = all.length;
  const sums = resampleSums(all, n, seed, from, to, kernels);
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
