import { describe, it, expect } from 'vitest';
import { embeddingDrift } from '../../../../shared/drift/embedding/embedding-drift';
import { domainClassifierAuc } from '../../../../shared/drift/embedding/domain-classifier';
import { exactIndex, knnNovelty, type NeighbourIndex } from '../../../../shared/drift/embedding/knn-novelty';
import { cosineDistance, euclidean } from '../../../../shared/drift/embedding/vectors';
import { createRng } from '../../../../shared/stats/prng';

function cloud(n: number, dim: number, seed: number, shift = 0, shiftDims = dim): Float64Array[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Float64Array.from({ length: dim }, (_, j) => rng() + rng() + rng() - 1.5 + (j < shiftDims ? shift : 0)));
}

describe('vector distances', () => {
  it('cosine distance is 1 - cosine similarity; euclidean is the L2 norm of the difference', () => {
    expect(cosineDistance([1, 0], [0, 1])).toBe(1);
    expect(cosineDistance([1, 1], [2, 2])).toBeCloseTo(0, 15);
    expect(euclidean([0, 0], [3, 4])).toBe(5);
  });
});

describe('domainClassifierAuc', () => {
  it('about 0.5 for one distribution, near 1 for separable sets', () => {
    const same = domainClassifierAuc(cloud(200, 8, 1), cloud(200, 8, 2), { seed: 3 })!;
    expect(Math.abs(same - 0.5)).toBeLessThan(0.1);
    expect(domainClassifierAuc(cloud(200, 8, 1), cloud(200, 8, 2, 1.0), { seed: 3 })!).toBeGreaterThan(0.95);
  });
  it('null when a set is smaller than the number of folds', () => {
    expect(domainClassifierAuc(cloud(3, 2, 1), cloud(50, 2, 2))).toBeNull();
  });
});

describe('knnNovelty', () => {
  it('about 5% novel without change; lists far-away items first', () => {
    const ref = cloud(400, 4, 1);
    const calm = knnNovelty(ref, cloud(300, 4, 2), { metric: 'euclidean' })!;
    expect(calm.share_novel).toBeLessThan(0.15);
    const outliers = cloud(5, 4, 3, 6);
    const r = knnNovelty(ref, [...cloud(95, 4, 4), ...outliers], { metric: 'euclidean' })!;
    expect(r.most_novel.slice(0, 5).map((m) => m.index).sort((a, b) => a - b)).toEqual([95, 96, 97, 98, 99]);
    expect(r.most_novel[0]!.distance).toBeGreaterThan(r.threshold);
  });
  it('uses a host index through the NeighbourIndex interface', () => {
    const ref = cloud(50, 3, 1);
    const exact = exactIndex(ref, 'cosine');
    let calls = 0;
    const counting: NeighbourIndex = { nearest: (q, k) => (calls++, exact.nearest(q, k)) };
    const viaHost = knnNovelty(ref, cloud(20, 3, 2), { index: counting, referenceSample: 30 })!;
    expect(calls).toBe(50);
    expect(viaHost).toEqual(knnNovelty(ref, cloud(20, 3, 2), { metric: 'cosine', referenceSample: 30 }));
  });
});

describe('embeddingDrift', () => {
  it('no drift between two samples of one distribution', () => {
    const r = embeddingDrift(cloud(150, 6, 1), cloud(150, 6, 2), { metric: 'euclidean', permutations: 100 });
    expect(r.dimension).toBe(6);
    expect(r.drifted).toBe(false);
    expect(r.mmd!.p_value).toBeGreaterThan(0.05);
  });
  it('every method sees a shift, and the report is reproducible by seed', () => {
    const a = embeddingDrift(cloud(150, 6, 1), cloud(150, 6, 2, 0.6), { metric: 'euclidean', permutations: 100, seed: 5 });
    expect(a.centroid.drifted && a.mmd!.drifted && a.classifier!.drifted).toBe(true);
    expect(a.drifted).toBe(true);
    expect(embeddingDrift(cloud(150, 6, 1), cloud(150, 6, 2, 0.6), { metric: 'euclidean', permutations: 100, seed: 5 })).toEqual(a);
  });
  it('rejects vectors of different dimensions with a clear error', () => {
    expect(() => embeddingDrift([[1, 2]], [[1, 2, 3]])).toThrow(/differ in dimension/);
  });
});
