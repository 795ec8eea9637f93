import { describe, expect, it } from 'vitest';
import { pairedBootstrap, unpairedBootstrap } from '../../../../shared/stats/bootstrap';
import { PoissonDraws } from '../../../../shared/stats/poisson-draws';
import { createRng } from '../../../../shared/stats/prng';
import { fisherExact } from '../../../../shared/stats/fisher';
import { mannWhitney } from '../../../../shared/stats/mann-whitney';
import { mcnemarExact } from '../../../../shared/stats/mcnemar';
import { holm } from '../../../../shared/stats/multiple-testing';
import { newcombePaired, newcombeUnpaired } from '../../../../shared/stats/proportion-difference';
import { lgamma } from '../../../../shared/stats/special';
import { wilcoxonSignedRank } from '../../../../shared/stats/wilcoxon';
import { expectRel, loadCases, sample, type SampleSpec } from './fixtures';

interface CompareCases {
  mcnemar: { b: number; c: number; p: number }[];
  wilcoxon: { d: SampleSpec; p: number; statistic: number }[];
  mannwhitney: { x: SampleSpec; y: SampleSpec; u: number; p: number }[];
  fisher: { table: [[number, number], [number, number]]; p: number }[];
  holm: { p: number[]; holm: number[] }[];
}

const cases = loadCases<CompareCases>('compare.json');

describe('version-comparison tests match SciPy to 1e-6 relative', () => {
  it('exact McNemar = scipy.stats.binomtest(b, b + c, 0.5)', () => {
    for (const c of cases.mcnemar) expectRel(mcnemarExact(c.b, c.c).pValue, c.p);
  });
  for (const [i, c] of cases.wilcoxon.entries()) {
    it(`Wilcoxon signed-rank case ${i} (scipy.stats.wilcoxon defaults)`, () => {
      const r = wilcoxonSignedRank(sample(c.d));
      expectRel(r.statistic, c.statistic, 1e-12);
      expectRel(r.pValue, c.p);
    });
  }
  for (const [i, c] of cases.mannwhitney.entries()) {
    it(`Mann-Whitney U case ${i} (scipy.stats.mannwhitneyu defaults)`, () => {
      const r = mannWhitney(sample(c.x), sample(c.y));
      expectRel(r.u, c.u, 1e-12);
      expectRel(r.pValue, c.p);
    });
  }
  it('Fisher exact 2x2 = scipy.stats.fisher_exact', () => {
    for (const c of cases.fisher) expectRel(fisherExact(c.table[0][0], c.table[0][1], c.table[1][0], c.table[1][1]).pValue, c.p);
  });
  it('Holm = statsmodels multipletests(method="holm")', () => {
    for (const c of cases.holm) holm(c.p).forEach((v, i) => expectRel(v, c.holm[i]!, 1e-12));
  });
});

describe('test choice and edge cases', () => {
  it('Wilcoxon says which method it used, as scipy chooses it', () => {
    expect(wilcoxonSignedRank([0.3, -1.2, 2.5, 0.7]).method).toBe('exact');
    expect(wilcoxonSignedRank([1, 1, -2, 0]).method).toBe('permutation');
    expect(wilcoxonSignedRank(Array.from({ length: 60 }, (_, i) => i - 20.5)).method).toBe('asymptotic');
  });
  it('all-zero differences give p = 1 instead of NaN', () => {
    const r = wilcoxonSignedRank([0, 0, 0]);
    expect(r.pValue).toBe(1);
    expect(r.n).toBe(0);
    expect(mcnemarExact(0, 0).pValue).toBe(1);
  });
  it('Newcombe intervals contain the difference and are zero-centred for identical sides', () => {
    const p = newcombePaired(10, 5, 15, 70);
    expect(p.low).toBeLessThan(0.1);
    expect(p.high).toBeGreaterThan(0.1);
    const same = newcombeUnpaired(20, 100, 20, 100);
    expect(same.low).toBeCloseTo(-same.high, 12);
  });
  it('a fixed seed gives the same bootstrap interval; another seed a different one', () => {
    const rows = { values: Float64Array.from({ length: 400 }, (_, i) => Math.sin(i) + 0.1), k: 2 };
    const one = pairedBootstrap(rows, { seed: 7, resamples: 500 });
    expect(pairedBootstrap(rows, { seed: 7, resamples: 500 })).toEqual(one);
    expect(pairedBootstrap(rows, { seed: 8, resamples: 500 })[0]!.low).not.toBe(one[0]!.low);
    expect(one[0]!.low).toBeLessThan(one[0]!.estimate);
    expect(one[0]!.high).toBeGreaterThan(one[0]!.estimate);
  });
  it('bootstrap of zero differences is a zero-width interval with p = 1', () => {
    const [r] = pairedBootstrap({ values: new Float64Array(50), k: 1 }, { seed: 1, resamples: 200 });
    expect(r).toEqual({ estimate: 0, low: 0, high: 0, pValue: 1 });
    const same = { values: Float64Array.from([1, 2, 3, 4, 5, 6]), k: 1 };
    const [u] = unpairedBootstrap(same, same, { seed: 3, resamples: 300 });
    expect(u!.estimate).toBe(0);
    expect(u!.pValue).toBe(1);
  });
  it('the bootstrap interval covers a known mean difference and leaves missing values out', () => {
    // 2,000 pairs whose differences average 0.5 with sd ~0.29: the 95% interval is about 0.5 ± 0.013.
    const k = 2;
    const values = new Float64Array(2000 * k);
    for (let i = 0; i < 2000; i++) {
      values[i * k] = (i % 100) / 99;
      values[i * k + 1] = i % 4 === 0 ? Number.NaN : 1;
    }
    const [d, withGaps] = pairedBootstrap({ values, k }, { seed: 5, resamples: 2000 });
    expect(d!.estimate).toBeCloseTo(0.5, 12);
    expect(d!.low).toBeGreaterThan(0.47);
    expect(d!.high).toBeLessThan(0.53);
    expect(d!.pValue).toBeLessThan(0.001);
    expect(withGaps).toMatchObject({ estimate: 1, low: 1, high: 1 });
  });
  it('Poisson draws invert the CDF: a uniform just below P(X <= k) gives k, just above it k + 1', () => {
    for (const lambda of [0.7, 37, 900, 5000]) {
      const poisson = new PoissonDraws([lambda]);
      let cdf = 0;
      const mode = Math.floor(lambda);
      for (let k = 0; k <= mode + 4 * Math.sqrt(lambda) + 3; k++) {
        cdf += Math.exp(k * Math.log(lambda) - lambda - lgamma(k + 1));
        if (k < mode - 4 * Math.sqrt(lambda) || cdf < 1e-6 || cdf > 1 - 1e-6) continue;
        expect(poisson.draw(0, () => cdf - 1e-9)).toBe(k);
        expect(poisson.draw(0, () => cdf + 1e-9)).toBe(k + 1);
      }
    }
  });

  it('Poisson draws have mean and variance lambda, small and large (tabled inversion)', () => {
    for (const lambda of [0.7, 4, 37, 5000]) {
      const rng = createRng(11);
      const poisson = new PoissonDraws([3, lambda]);
      const draws = Array.from({ length: 20_000 }, () => poisson.draw(1, rng));
      const m = draws.reduce((s, x) => s + x, 0) / draws.length;
      const v = draws.reduce((s, x) => s + (x - m) ** 2, 0) / (draws.length - 1);
      // Standard error of the mean is sqrt(lambda / 20000); allow five of them.
      expect(Math.abs(m - lambda)).toBeLessThan(5 * Math.sqrt(lambda / 20_000));
      expect(v / lambda).toBeGreaterThan(0.93);
      expect(v / lambda).toBeLessThan(1.07);
      expect(draws.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
  });
});
