import { describe, expect, it } from 'vitest';
import { distinctInOrder, scoreRanking } from '../../../../main/indexes/retrieval-metrics';

describe('scoreRanking', () => {
  it('scores a single gold document found at rank 2', () => {
    const s = scoreRanking(['a', 'b', 'c'], new Set(['b']), 3);
    expect(s).toEqual({ hit: 1, reciprocalRank: 0.5, recall: 1, ndcg: expect.closeTo(1 / Math.log2(3), 12), firstRank: 2 });
  });

  it('computes nDCG against the ideal ordering of several gold documents', () => {
    const s = scoreRanking(['a', 'x', 'c'], new Set(['a', 'c']), 3);
    expect(s.ndcg).toBeCloseTo((1 + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3)), 12);
    expect(s.recall).toBe(1);
    expect(s.reciprocalRank).toBe(1);
  });

  it('ignores documents ranked beyond k and caps the ideal at k', () => {
    const s = scoreRanking(['x', 'y', 'a'], new Set(['a', 'b', 'c']), 2);
    expect(s).toEqual({ hit: 0, reciprocalRank: 0, recall: 0, ndcg: 0, firstRank: null });
    const perfect = scoreRanking(['a', 'b'], new Set(['a', 'b', 'c']), 2);
    expect(perfect.ndcg).toBeCloseTo(1, 12);
    expect(perfect.recall).toBeCloseTo(2 / 3, 12);
  });
});

describe('distinctInOrder', () => {
  it('keeps each document once at its first (best) position', () => {
    expect(distinctInOrder(['d1', 'd2', 'd1', 'd3', 'd2'])).toEqual(['d1', 'd2', 'd3']);
  });
});
