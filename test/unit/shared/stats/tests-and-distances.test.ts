import { describe, it, expect } from 'vitest';
import { chi2Contingency, chi2Homogeneity } from '../../../../shared/stats/chi2';
import { twoProportionZ } from '../../../../shared/stats/z-test';
import { wasserstein, wassersteinNormalized } from '../../../../shared/stats/wasserstein';
import { jensenShannonDistance } from '../../../../shared/stats/jensen-shannon';
import { std } from '../../../../shared/stats/descriptive';
import { expectRel, loadCases, sample, type SampleSpec } from './fixtures';

describe('chi2Contingency matches scipy.stats.chi2_contingency', () => {
  const cases = loadCases<{ table: number[][]; correction: boolean; statistic: number; pvalue: number; dof: number }[]>('chi2.json');
  for (const c of cases) {
    it(`${JSON.stringify(c.table)} correction=${c.correction}`, () => {
      const r = chi2Contingency(c.table, c.correction);
      expect(r.dof).toBe(c.dof);
      expectRel(r.statistic, c.statistic, 1e-10);
      expectRel(r.pValue, c.pvalue);
    });
  }
  it('ignores categories absent from both samples instead of dividing by zero', () => {
    const r = chi2Homogeneity([10, 0, 20], [12, 0, 18]);
    expect(r.dof).toBe(1);
    expect(Number.isFinite(r.statistic)).toBe(true);
  });
  it('returns p = 1 when there is a single category', () => {
    expect(chi2Homogeneity([5], [9])).toEqual({ statistic: 0, pValue: 1, dof: 0 });
  });
});

describe('twoProportionZ', () => {
  const cases = loadCases<{ x1: number; n1: number; x2: number; n2: number; statistic: number; pvalue: number }[]>('z-test.json');
  it('matches the pooled two-proportion Z with p = 2 norm.sf(|z|)', () => {
    for (const c of cases) {
      const r = twoProportionZ(c.x1, c.n1, c.x2, c.n2);
      expectRel(r.statistic, c.statistic, 1e-12);
      expectRel(r.pValue, c.pvalue);
    }
  });
  it('treats two constant samples with the same value as no evidence of change', () => {
    expect(twoProportionZ(10, 10, 7, 7)).toEqual({ statistic: 0, pValue: 1 });
  });
});

describe('wasserstein matches scipy.stats.wasserstein_distance', () => {
  const cases = loadCases<{ a: SampleSpec; b: SampleSpec; distance: number; normalized: number }[]>('wasserstein.json');
  it('on ties, tiny and unequal samples', () => {
    for (const c of cases) {
      const a = sample(c.a);
      const d = wasserstein(a, sample(c.b));
      expectRel(d, c.distance, 1e-9);
      expectRel(wassersteinNormalized(d, std(a)), c.normalized, 1e-9);
    }
  });
});

describe('jensenShannonDistance matches scipy.spatial.distance.jensenshannon', () => {
  const cases = loadCases<{ p: number[]; q: number[]; base?: number; distance: number }[]>('jensen-shannon.json');
  it('normalizes counts, handles zeros, and supports a base', () => {
    for (const c of cases) expectRel(jensenShannonDistance(c.p, c.q, c.base), c.distance, 1e-10);
  });
  it('is zero for identical distributions and symmetric', () => {
    expect(jensenShannonDistance([1, 2, 3], [2, 4, 6])).toBe(0);
    expect(jensenShannonDistance([1, 0, 3], [0, 5, 1])).toBe(jensenShannonDistance([0, 5, 1], [1, 0, 3]));
  });
});
