import { describe, expect, it } from 'vitest';
import { compareVersionsParallel, resampleMeansParallel } from '../../../../main/compare/parallel-resample';
import type { CompareItem } from '../../../../shared/compare/compare-item';
import { compareVersions } from '../../../../shared/compare/compare-versions';
import { denseMeans, resampleMeans } from '../../../../shared/stats/bootstrap';
import { poissonOneWeight } from '../../../../shared/stats/poisson-weights';
import { createRng } from '../../../../shared/stats/prng';

// Two dense metrics (continuous) with gaps, and one few-valued metric drawn per distinct value.
function matrix(n: number) {
  const rng = createRng(3);
  const k = 3;
  const values = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    values[i * k] = rng() - 0.4;
    values[i * k + 1] = i % 9 === 0 ? Number.NaN : rng() * 2;
    values[i * k + 2] = i % 5;
  }
  return { values, k };
}

describe('the comparison bootstrap split over threads', () => {
  it('gives the same resampled means for 1, 2 and 3 threads as the single-thread pass', async () => {
    const m = matrix(3000);
    const reference = resampleMeans(m, 301, 42);
    for (const threads of [1, 2, 3]) {
      // minWork 0: split even this small job over worker threads.
      expect(await resampleMeansParallel(m, 301, 42, threads, 0)).toEqual(reference);
    }
    expect(resampleMeans(m, 301, 43)[0]).not.toEqual(reference[0]);
  });

  it('a whole comparison is identical on worker threads and on one', async () => {
    const side = (shift: number): CompareItem[] => Array.from({ length: 400 }, (_, i) => ({
      recordId: i + 1 + shift * 1000, input: `q${i}`, pairKey: null, itemId: null,
      flags: { hallucination: i % 7 === 0, toxic: false, injection: false, pii: (i + shift) % 11 === 0 },
      grounding: Math.sin(i + shift) / 2 + 0.5, answerRelevance: Math.cos(i * 3 + shift) / 2 + 0.5, contextRelevance: 0.5, reviewPass: null,
      tokensIn: 100 + (i % 13), tokensOut: 40 + ((i + shift) % 7), latencyMs: 900 + Math.sin(i * shift + 1) * 300, cost: 0.001 * (1 + Math.cos(i + shift)), estimated: false,
    }));
    const options = { by: 'prompt_version', a: 'v1', b: 'v2', correction: 'holm', seed: 9, resamples: 500, bucketFlag: 'any' } as const;
    const here = compareVersions(side(0), side(1), options);
    expect(await compareVersionsParallel(side(0), side(1), options, 2, 0)).toEqual(here);
    // Unpaired (no shared input): both sides' resamples split too.
    const other = side(1).map((x) => ({ ...x, input: `other ${x.recordId}` }));
    expect(await compareVersionsParallel(side(0), other, options, 2, 0)).toEqual(compareVersions(side(0), other, options));
    expect(here.metrics.find((r) => r.name === 'latency_ms_mean')!.ci_low).not.toBeNull();
  });
});

describe('resample weights', () => {
  it('resample r weighs items 4q..4q+3 by the bytes of draw r*ceil(n/4) + q of the seeded createRng stream', () => {
    // Five items valued 1, 0, 0, 0, 0: each resample's mean is w0 / (w0 + ... + w4); the fifth item takes the high
    // byte of a second draw. A byte outside a straddling slice is the Poisson(1) quantile of any 32-bit value
    // starting with it, which is what the byte table holds.
    const rng = createRng(77);
    const weight = (byte: number) => poissonOneWeight(byte * 2 ** 24);
    const straddles = (byte: number) => weight(byte) !== poissonOneWeight(byte * 2 ** 24 + 2 ** 24 - 1);
    let checked = 0;
    const expected = Array.from({ length: 200 }, () => {
      const t = Math.floor(rng() * 2 ** 32);
      const u = Math.floor(rng() * 2 ** 32);
      const bytes = [t >>> 24, (t >>> 16) & 255, (t >>> 8) & 255, t & 255, u >>> 24];
      if (bytes.some(straddles)) return null;
      checked++;
      const w = bytes.map(weight);
      return w[0]! / w.reduce((s, x) => s + x, 0);
    });
    const [means] = denseMeans([Float64Array.from([1, 0, 0, 0, 0])], 77, 0, 200);
    expected.forEach((e, r) => { if (e !== null) expect(means![r]).toBe(e); });
    expect(checked).toBeGreaterThan(150);
    // A later range starts where the stream is at that resample, whichever thread computes it.
    expect(Array.from(denseMeans([Float64Array.from([1, 0, 0, 0, 0])], 77, 150, 200)[0]!)).toEqual(Array.from(means!.slice(150)));
  });

  it('weights are Poisson(1) across tiles and straddling slices: mean 1, P(0) = e^-1', () => {
    // One item valued 1 among n - 1 zeros has mean w_i / total; summing the ones column gives the total itself.
    const n = 5000;
    const cols = [new Float64Array(n).fill(1), Float64Array.from({ length: n }, (_, i) => (i === 4097 ? 1 : 0))];
    const [ones, single] = denseMeans(cols, 3, 0, 4000);
    expect(Array.from(ones!).every((m) => m === 1)).toBe(true);
    // single[r] = w / total with total within ~2% of n, so single[r] * n rounds to w; zeros are counted exactly.
    const zeros = Array.from(single!).filter((m) => m === 0).length / 4000;
    expect(Math.abs(zeros - Math.exp(-1))).toBeLessThan(0.03);
    const w = Array.from(single!, (m) => Math.round(m * n));
    const mean = w.reduce((s, x) => s + x, 0) / w.length;
    expect(Math.abs(mean - 1)).toBeLessThan(0.08);
  });

  it('every column gets the same weights: six columns with gaps resample as each does alone', () => {
    const cols = Array.from({ length: 6 }, (_, c) => Float64Array.from({ length: 500 }, (_, i) => ((i + c) % (c + 3) === 0 ? Number.NaN : Math.sin(i * (c + 1)))));
    const together = denseMeans(cols, 5, 10, 60);
    cols.forEach((col, c) => expect(together[c]).toEqual(denseMeans([col], 5, 10, 60)[0]));
  });

  it('Poisson(1) weights are exact quantiles on 32 bits', () => {
    let cdf = 0;
    let p = Math.exp(-1);
    for (let w = 0; w < 8; w++) {
      cdf += p;
      p /= w + 1;
      const edge = cdf * 2 ** 32;
      expect(poissonOneWeight(Math.floor(edge) - 1)).toBe(w);
      expect(poissonOneWeight(Math.ceil(edge) + 1)).toBe(w + 1);
    }
    expect(poissonOneWeight(0)).toBe(0);
    expect(poissonOneWeight(2 ** 32 - 1)).toBeGreaterThan(9);
  });
});
