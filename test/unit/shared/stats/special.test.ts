import { describe, it } from 'vitest';
import { chi2Sf, erfc, gammaincP, gammaincQ, lgamma, normalCdf, normalSf } from '../../../../shared/stats/special';
import { kolmogorovSf, kstwoSf } from '../../../../shared/stats/kolmogorov';
import { smirnovSf } from '../../../../shared/stats/smirnov';
import { expectRel, loadCases } from './fixtures';

interface SpecialCases {
  lgamma: { x: number; value: number }[];
  gammainc: { a: number; x: number; p: number; q: number }[];
  erfc: { x: number; value: number }[];
  chi2: { x: number; df: number; sf: number }[];
  norm: { z: number; sf: number; cdf: number }[];
  kstwo: { n: number; x: number; sf: number }[];
  smirnov: { n: number; x: number; sf: number }[];
  kolmogorov: { x: number; sf: number }[];
}

const cases = loadCases<SpecialCases>('special.json');

describe('special functions match scipy.special', () => {
  it('lgamma = gammaln', () => {
    // Near the roots of ln Γ (x = 1, 2) only absolute accuracy is meaningful.
    for (const c of cases.lgamma) expectRel(lgamma(c.x) + 10, c.value + 10, 1e-12);
  });
  it('regularized incomplete gamma P and Q', () => {
    for (const c of cases.gammainc) {
      expectRel(gammaincP(c.a, c.x), c.p, 1e-9);
      expectRel(gammaincQ(c.a, c.x), c.q, 1e-9);
    }
  });
  it('erfc, including deep tails', () => {
    for (const c of cases.erfc) expectRel(erfc(c.x), c.value, 1e-10);
  });
  it('chi-square survival function', () => {
    for (const c of cases.chi2) expectRel(chi2Sf(c.x, c.df), c.sf, 1e-9);
  });
  it('normal sf and cdf', () => {
    for (const c of cases.norm) {
      expectRel(normalSf(c.z), c.sf, 1e-10);
      expectRel(normalCdf(c.z), c.cdf, 1e-10);
    }
  });
  it('kstwo.sf across all of its computation regimes', () => {
    for (const c of cases.kstwo) expectRel(kstwoSf(c.n, c.x), c.sf);
  });
  it('smirnov (one-sided) survival function', () => {
    for (const c of cases.smirnov) expectRel(smirnovSf(c.n, c.x), c.sf);
  });
  it('kolmogorov (limiting distribution) survival function', () => {
    for (const c of cases.kolmogorov) expectRel(kolmogorovSf(c.x), c.sf, 1e-10);
  });
});
