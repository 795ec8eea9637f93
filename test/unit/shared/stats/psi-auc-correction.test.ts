import { describe, it, expect } from 'vitest';
import { psiEdges, psiFromCounts, psiNumericSorted } from '../../../../shared/stats/psi';
import { mannWhitneyU, rocAuc } from '../../../../shared/stats/roc-auc';
import { benjaminiHochberg, bonferroni } from '../../../../shared/stats/multiple-testing';
import { sortFloat64 } from '../../../../shared/stats/sort';
import { expectRel, loadCases, sample, type SampleSpec } from './fixtures';

type PsiCase =
  | { kind: 'numeric'; a: SampleSpec; b: SampleSpec; psi: number; edges: number[] }
  | { kind: 'counts'; ref: number[]; cur: number[]; psi: number };

describe('PSI matches the numpy definition in the fixture script', () => {
  for (const [i, c] of loadCases<PsiCase[]>('psi.json').entries()) {
    it(`case ${i} (${c.kind})`, () => {
      if (c.kind === 'counts') {
        expectRel(psiFromCounts(c.ref, c.cur), c.psi, 1e-10);
        return;
      }
      const ref = sortFloat64(sample(c.a));
      expect(psiEdges(ref)).toEqual(c.edges);
      expectRel(psiNumericSorted(ref, sortFloat64(sample(c.b))), c.psi, 1e-10);
    });
  }
});

describe('ROC AUC by Mann-Whitney matches scipy.stats.mannwhitneyu U / (n1 n0)', () => {
  for (const [i, c] of loadCases<{ pos: SampleSpec; neg: SampleSpec; u: number; auc: number }[]>('roc-auc.json').entries()) {
    it(`case ${i}`, () => {
      const pos = sample(c.pos);
      const neg = sample(c.neg);
      expectRel(mannWhitneyU(pos, neg), c.u, 1e-12);
      const scores = [...pos, ...neg];
      const labels = scores.map((_, k) => k < pos.length);
      expectRel(rocAuc(scores, labels)!, c.auc, 1e-12);
    });
  }
  it('is null when one class is missing', () => {
    expect(rocAuc([0.1, 0.9], [true, true])).toBeNull();
  });
});

describe('multiple-testing corrections', () => {
  const cases = loadCases<{ p: number[]; bh: number[]; bonferroni: number[] }[]>('multiple-testing.json');
  it('Benjamini-Hochberg matches scipy.stats.false_discovery_control', () => {
    for (const c of cases) benjaminiHochberg(c.p).forEach((v, i) => expectRel(v, c.bh[i]!, 1e-12));
  });
  it('Bonferroni multiplies by the number of tests and caps at 1', () => {
    for (const c of cases) expect(bonferroni(c.p)).toEqual(c.bonferroni);
  });
});
