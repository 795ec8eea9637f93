// Seeded bootstrap of mean differences with percentile intervals. Paired: items are resampled with their A and
// B values together (Koehn 2004), so the interval reflects per-item differences. Resampling uses Poisson(1)
// weights per item (the Poisson bootstrap: Hanley & MacGibbon 2006; Chamandy et al. 2012) rather than n draws
// with replacement: both resample items i.i.d. with mean weight 1, but Poisson weights are drawn in item order,
// so 100k items x 10,000 resamples walk memory sequentially instead of gathering a billion random rows
// (measured 4.5x faster here). Every metric shares the same weights in one pass over a row-major matrix.
//
// A metric with few distinct values (token counts, flags, scores on a grid) needs no pass over the items: the
// weights of the c items sharing a value sum to a Poisson(c) draw, so a resample costs one draw per distinct
// value. Each such metric then gets its own weights (its interval is exact, only the coupling between metrics'
// resamples, which no result uses, is dropped).
import { quantileSorted } from './descriptive';
import { createRng, type Rng } from './prng';
import { lgamma } from './special';
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

// Poisson(1) quantiles on 16 bits: one 32-bit draw gives the weights of two items.
const POISSON_TABLE = (() => {
  const bounds: number[] = [];
  let p = Math.exp(-1);
  let cdf = 0;
  for (let w = 0; w < 16; w++) {
    cdf += p;
    bounds.push(Math.round(cdf * 65536));
    p /= w + 1;
  }
  const table = new Uint8Array(65536);
  let w = 0;
  for (let u = 0; u < 65536; u++) {
    while (w < 15 && u >= bounds[w]!) w++;
    table[u] = w;
  }
  return table;
})();

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

/** resamples x k bootstrap means (metric-major: out[j][r]): few-valued metrics by value, the rest in one pass. */
function resampleMeans(m: MetricMatrix, resamples: number, seed: number): Float64Array[] {
  const n = m.values.length / m.k;
  const cap = Math.max(16, Math.floor(n / 16));
  const grouped = Array.from({ length: m.k }, (_, j) => distinctValues(m, j, cap));
  const dense = grouped.flatMap((g, j) => (g ? [] : [j]));
  const out = new Array<Float64Array>(m.k);
  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  grouped.forEach((g, j) => { if (g) out[j] = groupedMeans(g, resamples, rng); });
  if (dense.length) {
    const k = dense.length;
    const values = new Float64Array(n * k);
    for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) values[i * k + c] = m.values[i * m.k + dense[c]!]!;
    denseMeans({ values, k }, resamples, seed).forEach((means, c) => { out[dense[c]!] = means; });
  }
  return out;
}

/** The sequential pass: Poisson weights per item, every metric summed with the same weights. */
function denseMeans(m: MetricMatrix, resamples: number, seed: number): Float64Array[] {
  const { k } = m;
  const n = m.values.length / k;
  let missing = false;
  const values = new Float64Array(m.values.length);
  const present = new Float64Array(m.values.length);
  for (let i = 0; i < values.length; i++) {
    const v = m.values[i]!;
    if (v === v) {
      values[i] = v;
      present[i] = 1;
    } else {
      missing = true;
    }
  }
  const out = Array.from({ length: k }, () => new Float64Array(resamples));
  const sums = new Float64Array(k);
  const dens = new Float64Array(k);
  // mulberry32, the generator of prng.ts createRng, inlined: a closure call per item costs more than the item.
  let state = seed >>> 0;
  for (let r = 0; r < resamples; r++) {
    sums.fill(0);
    dens.fill(0);
    let total = 0;
    for (let i = 0; i < n; i += 2) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      t = (t ^ (t >>> 14)) >>> 0;
      const w1 = POISSON_TABLE[t & 0xffff]!;
      const w2 = i + 1 < n ? POISSON_TABLE[t >>> 16]! : 0;
      total += w1 + w2;
      if (w1) {
        const b = i * k;
        for (let j = 0; j < k; j++) sums[j] = sums[j]! + w1 * values[b + j]!;
        if (missing) for (let j = 0; j < k; j++) dens[j] = dens[j]! + w1 * present[b + j]!;
      }
      if (w2) {
        const b = (i + 1) * k;
        for (let j = 0; j < k; j++) sums[j] = sums[j]! + w2 * values[b + j]!;
        if (missing) for (let j = 0; j < k; j++) dens[j] = dens[j]! + w2 * present[b + j]!;
      }
    }
    for (let j = 0; j < k; j++) out[j]![r] = sums[j]! / (missing ? dens[j]! : total);
  }
  return out;
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

/** Paired bootstrap: `differences` holds per-item B - A values (NaN where either side lacks the metric). */
export function pairedBootstrap(differences: MetricMatrix, options: BootstrapOptions = {}): BootstrapInterval[] {
  if (differences.values.length === 0) throw new RangeError('paired bootstrap needs at least one pair');
  const estimates = meansOf(differences);
  const means = resampleMeans(differences, options.resamples ?? DEFAULT_RESAMPLES, options.seed ?? 0);
  return means.map((m, j) => intervalOf(m, estimates[j]!, options.confidence ?? 0.95));
}

/** Unpaired bootstrap of mean(B) - mean(A) per metric: each side resampled on its own. */
export function unpairedBootstrap(a: MetricMatrix, b: MetricMatrix, options: BootstrapOptions = {}): BootstrapInterval[] {
  if (a.k !== b.k) throw new RangeError('both sides need the same metrics');
  if (a.values.length === 0 || b.values.length === 0) throw new RangeError('unpaired bootstrap needs items on both sides');
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? 0;
  const meanA = meansOf(a);
  const meanB = meansOf(b);
  const resA = resampleMeans(a, resamples, seed);
  // A second, distinct stream for side B (a golden-ratio step keeps the seeds apart).
  const resB = resampleMeans(b, resamples, (seed + 0x9e3779b9) >>> 0);
  return resA.map((ra, j) => {
    const diff = ra.map((v, r) => resB[j]![r]! - v);
    return intervalOf(diff, meanB[j]! - meanA[j]!, options.confidence ?? 0.95);
  });
}
