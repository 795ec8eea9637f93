import { describe, it, expect } from 'vitest';
import { ks2Samp, ks2SampSorted, KS_MAX_EXACT_N } from '../../../../shared/stats/ks';
import { sortFloat64 } from '../../../../shared/stats/sort';
import { expectRel, loadCases, sample, type SampleSpec } from './fixtures';

interface KsCase {
  name: string;
  a: SampleSpec;
  b: SampleSpec;
  statistic: number;
  pvalue: number;
}

describe('ks2Samp matches scipy.stats.ks_2samp(method="auto")', () => {
  for (const c of loadCases<KsCase[]>('ks.json')) {
    it(c.name, () => {
      const a = sample(c.a);
      const b = sample(c.b);
      const r = ks2Samp(a, b);
      expectRel(r.statistic, c.statistic, 1e-12);
      expectRel(r.pValue, c.pvalue);
      expect(r.method).toBe(Math.max(a.length, b.length) <= KS_MAX_EXACT_N ? 'exact' : 'asymp');
    });
  }

  it('gives the same answer whichever sample comes first', () => {
    const a = sortFloat64(Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6]));
    const b = sortFloat64(Float64Array.from([2, 7, 1, 8, 2, 8]));
    const ab = ks2SampSorted(a, b);
    const ba = ks2SampSorted(b, a);
    expect(ab.statistic).toBe(ba.statistic);
    expect(ab.pValue).toBeCloseTo(ba.pValue, 14);
  });

  it('rejects an empty sample instead of returning NaN', () => {
    expect(() => ks2Samp([], [1, 2])).toThrow(RangeError);
  });
});
