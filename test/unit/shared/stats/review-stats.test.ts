// Audit sampling sizes, proportion intervals and agreement coefficients against SciPy (fixtures written by
// scripts/gen-scipy-fixtures.py), the AICPA textbook answers and published worked examples.
import { describe, expect, it } from 'vitest';
import { binomCdf } from '../../../../shared/stats/binomial';
import { hypergeomCdf, hypergeomUpperLimit } from '../../../../shared/stats/hypergeometric';
import { clopperPearson, clopperPearsonUpper, wilsonInterval } from '../../../../shared/stats/proportions';
import { attributeSampleSize } from '../../../../shared/stats/sample-size';
import { cohenKappa, krippendorffAlphaNominal } from '../../../../shared/stats/agreement';
import { expectRel, loadCases } from './fixtures';

interface ReviewCases {
  sizes: { confidence: number; tolerable: number; expected: number; n: number; k: number }[];
  finite: { population: number; confidence: number; tolerable: number; expected: number; n: number }[];
  intervals: { k: number; n: number; confidence: number; wilson: [number, number]; clopper_pearson: [number, number]; upper_one_sided: number }[];
  binom_cdf: { k: number; n: number; p: number; binom_cdf: number }[];
  hypergeom_cdf: { k: number; N: number; K: number; n: number; cdf: number }[];
}

const cases = loadCases<ReviewCases>('review.json');

describe('attribute sample size', () => {
  it('gives the AICPA textbook answers', () => {
    const n = (confidence: number, tolerable: number, expected: number) => attributeSampleSize({ confidence, tolerable, expected }).n;
    expect(n(0.95, 0.05, 0)).toBe(59);
    expect(n(0.95, 0.05, 0.01)).toBe(93);
    expect(n(0.95, 0.04, 0.01)).toBe(156);
    expect(n(0.95, 0.05, 0.02)).toBe(181);
    expect(n(0.9, 0.07, 0.03)).toBe(94);
    expect(n(0.9, 0.08, 0.04)).toBe(98);
  });

  it(`equals SciPy's search on a grid of ${cases.sizes.length} plans`, () => {
    for (const c of cases.sizes) {
      const got = attributeSampleSize(c);
      expect([got.n, got.expectedDeviations], JSON.stringify(c)).toEqual([c.n, c.k]);
    }
  });

  it('uses the hypergeometric model for a stated population, as SciPy does', () => {
    for (const c of cases.finite) expect(attributeSampleSize(c).n, JSON.stringify(c)).toBe(c.n);
    expect(attributeSampleSize({ confidence: 0.95, tolerable: 0.05, expected: 0, population: 100 }).n).toBe(45);
  });

  it('refuses plans that cannot work', () => {
    expect(() => attributeSampleSize({ confidence: 0.95, tolerable: 0.05, expected: 0.05 })).toThrow(/below the tolerable/);
    expect(() => attributeSampleSize({ confidence: 1.2, tolerable: 0.05, expected: 0 })).toThrow(/confidence/);
    expect(() => attributeSampleSize({ confidence: 0.99, tolerable: 0.02, expected: 0.019 })).toThrow(/too close/);
  });
});

describe('distributions', () => {
  it('binomial and hypergeometric CDFs match SciPy', () => {
    for (const c of cases.binom_cdf) expectRel(binomCdf(c.k, c.n, c.p), c.binom_cdf, 1e-9);
    for (const c of cases.hypergeom_cdf) expectRel(hypergeomCdf(c.k, c.N, c.K, c.n), c.cdf, 1e-9);
  });
});

describe('proportion intervals', () => {
  it('Wilson and Clopper-Pearson match SciPy', () => {
    for (const c of cases.intervals) {
      const w = wilsonInterval(c.k, c.n, c.confidence);
      const cp = clopperPearson(c.k, c.n, c.confidence);
      expect(w.low).toBeCloseTo(c.wilson[0], 10);
      expect(w.high).toBeCloseTo(c.wilson[1], 10);
      expect(cp.low).toBeCloseTo(c.clopper_pearson[0], 10);
      expect(cp.high).toBeCloseTo(c.clopper_pearson[1], 10);
      expect(clopperPearsonUpper(c.k, c.n, c.confidence)).toBeCloseTo(c.upper_one_sided, 10);
    }
  });

  it('gives the audit guide upper limits', () => {
    expect(clopperPearsonUpper(5, 100, 0.95)).toBeCloseTo(0.1023, 4);
    expect(clopperPearsonUpper(0, 59, 0.95)).toBeCloseTo(0.0495, 4);
    expect(clopperPearsonUpper(2, 100, 0.95)).toBeCloseTo(0.0616, 4);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 3)).toThrow(RangeError);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('agreement', () => {
  it("Cohen's kappa: the textbook 2x2 example (20/5/10/15) gives 0.4", () => {
    const pairs: [string, string][] = [
      ...Array<[string, string]>(20).fill(['yes', 'yes']), ...Array<[string, string]>(5).fill(['yes', 'no']),
      ...Array<[string, string]>(10).fill(['no', 'yes']), ...Array<[string, string]>(15).fill(['no', 'no']),
    ];
    const k = cohenKappa(pairs);
    expect(k.kappa).toBeCloseTo(0.4, 12);
    expect(k.items).toBe(50);
  });

  it('kappa is undefined (null) when both raters used one category, 1 for perfect agreement', () => {
    expect(cohenKappa([['pass', 'pass'], ['pass', 'pass']]).kappa).toBeNull();
    expect(cohenKappa([['pass', 'pass'], ['fail', 'fail']]).kappa).toBe(1);
  });

  it("Krippendorff's alpha: the 2011 worked examples (nominal 4 coders with missing values 0.743, binary 0.095)", () => {
    const rows = [
      ['1', '2', '3', '3', '2', '1', '4', '1', '2', null, null, null],
      ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', null, '3'],
      [null, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', null],
      ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', null],
    ];
    const units = rows[0]!.map((_, i) => rows.map((r) => r[i]).filter((v): v is string => v !== null && v !== undefined));
    const a = krippendorffAlphaNominal(units);
    expect(a.alpha).toBeCloseTo(0.743, 3);
    expect(a.units).toBe(11);
    expect(a.values).toBe(40);
    const x = '0100000010'.split('');
    const y = '1110010000'.split('');
    expect(krippendorffAlphaNominal(x.map((v, i) => [v, y[i]!])).alpha).toBeCloseTo(0.095, 3);
  });

  it('alpha equals the pairwise (coincidence matrix) definition on a random panel', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const units = Array.from({ length: 60 }, () => Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => ['a', 'b', 'c'][Math.floor(rnd() * 3)]!));
    // Pairwise: o_ck = sum over units of ordered pairs (c, k) / (m_u - 1).
    const o = new Map<string, number>();
    for (const u of units) {
      if (u.length < 2) continue;
      for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) {
        if (i !== j) o.set(`${u[i]}|${u[j]}`, (o.get(`${u[i]}|${u[j]}`) ?? 0) + 1 / (u.length - 1));
      }
    }
    const nc = new Map<string, number>();
    let n = 0;
    let dis = 0;
    for (const [key, v] of o) {
      const [c, k] = key.split('|') as [string, string];
      nc.set(c, (nc.get(c) ?? 0) + v);
      n += v;
      if (c !== k) dis += v;
    }
    let de = 0;
    for (const [c, a] of nc) for (const [k, b] of nc) if (c !== k) de += a * b;
    const pairwise = 1 - (n - 1) * dis / de;
    expect(krippendorffAlphaNominal(units).alpha).toBeCloseTo(pairwise, 12);
  });
});

describe('finite-population upper limit', () => {
  it('matches a brute-force SciPy search and never exceeds Clopper-Pearson', () => {
    // Values from scipy: max(D for D in range(k, N-(n-k)+1) if hypergeom.cdf(k, N, D, n) > 0.05) / N.
    expect(hypergeomUpperLimit(0, 47, 120, 0.95)).toBeCloseTo(0.041666666666666664, 15);
    expect(hypergeomUpperLimit(2, 60, 2000, 0.95)).toBeCloseTo(0.1, 15);
    expect(hypergeomUpperLimit(5, 100, 100000, 0.95)).toBeCloseTo(0.10222, 15);
    expect(hypergeomUpperLimit(3, 30, 30, 0.95)).toBe(0.1);
    for (const [k, n, N] of [[0, 45, 100], [1, 78, 200], [4, 181, 5000]] as const) {
      expect(hypergeomUpperLimit(k, n, N, 0.95)).toBeLessThanOrEqual(clopperPearsonUpper(k, n, 0.95));
    }
  });

  it('a plan sized on a finite population concludes below the tolerable rate when deviations stay as expected', () => {
    for (const N of [100, 200, 500, 1000, 5000]) {
      const plan = attributeSampleSize({ confidence: 0.95, tolerable: 0.05, expected: 0.01, population: N });
      expect(hypergeomUpperLimit(plan.expectedDeviations, plan.n, N, 0.95)).toBeLessThan(0.05);
    }
  });
});
