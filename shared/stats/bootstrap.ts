// Seeded bootstrap of differences in means (Efron percentile intervals). Paired: items are resampled with their
// A and B values together (Koehn 2004), so the interval reflects the per-item differences. Every metric of a
// comparison is resampled with the same item draws in one pass over a row-major matrix, so the random index is
// drawn once per item and the metric values of that item share a cache line.
import { quantileSorted } from './descriptive';
import { createRng } from './prng';
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

function intervalOf(means: Float64Array, estimate: number, confidence: number): BootstrapInterval {
  let extreme = 0;
  const distance = Math.abs(estimate);
  for (const m of means) if (Math.abs(m - estimate) >= distance) extreme++;
  sortFloat64InPlace(means);
  const alpha = (1 - confidence) / 2;
  return {
    estimate,
    low: quantileSorted(means, alpha),
    high: quantileSorted(means, 1 - alpha),
    pValue: Math.min(1, (extreme + 1) / (means.length + 1)),
  };
}

/**
 * Paired bootstrap: `rows` is n items x k metrics of per-item differences (B - A), row-major. Returns one
 * interval per metric for the mean difference.
 */
export function pairedBootstrap(rows: Float64Array, k: number, options: BootstrapOptions = {}): BootstrapInterval[] {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const confidence = options.confidence ?? 0.95;
  const n = rows.length / k;
  if (!Number.isInteger(n) || n === 0) throw new RangeError(`paired bootstrap needs a non-empty n x ${k} matrix`);
  const estimates = new Float64Array(k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) estimates[j] += rows[i * k + j]!;
  for (let j = 0; j < k; j++) estimates[j]! /= n;
  const means = Array.from({ length: k }, () => new Float64Array(resamples));
  const sums = new Float64Array(k);
  // mulberry32 inlined (the same sequence as createRng(seed)): a billion draws for 100k items x 10,000
  // resamples, where a closure call per draw costs more than the draw.
  let state = (options.seed ?? 0) >>> 0;
  for (let r = 0; r < resamples; r++) {
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const base = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) * k;
      for (let j = 0; j < k; j++) sums[j] += rows[base + j]!;
    }
    for (let j = 0; j < k; j++) means[j]![r] = sums[j]! / n;
  }
  return means.map((m, j) => intervalOf(m, estimates[j]!, confidence));
}

/** Unpaired bootstrap of mean(b) - mean(a): each side resampled on its own. */
export function unpairedBootstrap(a: Float64Array, b: Float64Array, options: BootstrapOptions = {}): BootstrapInterval {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  if (a.length === 0 || b.length === 0) throw new RangeError('unpaired bootstrap needs values on both sides');
  const rng = createRng(options.seed ?? 0);
  const meanOf = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;
  const resampleMean = (v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[Math.floor(rng() * v.length)]!;
    return s / v.length;
  };
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) diffs[r] = resampleMean(b) - resampleMean(a);
  return intervalOf(diffs, meanOf(b) - meanOf(a), options.confidence ?? 0.95);
}
