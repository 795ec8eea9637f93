import { describe, it, expect } from 'vitest';
import { countDistinctUnion, histogramSorted, quantileSorted, std, sturgesEdges } from '../../../../shared/stats/descriptive';
import { rbfMmd } from '../../../../shared/stats/mmd';
import { sortChunksFloat64, sortFloat64, sortFloat64InPlace } from '../../../../shared/stats/sort';
import { createRng, sampleIndices } from '../../../../shared/stats/prng';
import { expectRel, gen, loadCases, sample, type SampleSpec } from './fixtures';

describe('descriptive helpers match numpy', () => {
  const cases = loadCases<{ a: SampleSpec; q: number[]; values: number[]; sturges_edges: number[]; sturges_counts: number[]; std: number }[]>('descriptive.json');
  it('quantile (linear), std, and sturges histogram', () => {
    for (const c of cases) {
      const s = sortFloat64(sample(c.a));
      c.q.forEach((q, i) => expect(quantileSorted(s, q)).toBe(c.values[i]));
      expectRel(std(s), c.std, 1e-12);
      const edges = sturgesEdges(s[0]!, s[s.length - 1]!, s.length);
      expect(Array.from(edges)).toEqual(c.sturges_edges);
      expect(Array.from(histogramSorted(s, edges))).toEqual(c.sturges_counts);
    }
  });
  it('counts distinct values across two samples', () => {
    expect(countDistinctUnion(Float64Array.from([1, 1, 2]), Float64Array.from([2, 3, 3]))).toBe(3);
  });
});

describe('sortFloat64', () => {
  const same = (a: Float64Array): void => expect(Array.from(sortFloat64(a))).toEqual(Array.from(a.slice().sort()));
  it('fixed-decimal path (values with a few decimals, wide and narrow ranges) orders like the built-in sort', () => {
    same(gen({ seed: 5, n: 100_000, scale: 50, decimals: 3 }));
    same(gen({ seed: 6, n: 100_000, scale: 1000, decimals: 0 }));
    same(gen({ seed: 7, n: 50_000, scale: 3e4, shift: 1e6, decimals: 2 }));
  });
  it('keeps -0 before +0 on the fixed-decimal path, as the built-in sort does', () => {
    for (const decimals of [0, 3]) {
      const a = gen({ seed: 11, n: 70_000, scale: 2, decimals });
      for (const i of [5, 500, 60_000]) a[i] = -0;
      a[7] = 0;
      const sorted = sortFloat64(a);
      const reference = a.slice().sort();
      expect(Array.from(sorted).map((v) => Object.is(v, -0))).toEqual(Array.from(reference).map((v) => Object.is(v, -0)));
      expect(Array.from(sorted)).toEqual(Array.from(reference));
    }
  });
  it('falls back to the bit-pattern radix sort when a value is not fixed-decimal', () => {
    const a = gen({ seed: 8, n: 60_000, decimals: 2 });
    a[50_000] = Math.PI;
    same(a);
    const wide = gen({ seed: 9, n: 60_000, decimals: 0 });
    wide[10] = 1e15;
    same(wide);
  });
  it('in place: counting sort over ranges up to 4x the count, key radix sort beyond, both like the built-in sort', () => {
    const inPlace = (a: Float64Array): void => expect(Array.from(sortFloat64InPlace(a.slice()))).toEqual(Array.from(a.slice().sort()));
    inPlace(gen({ seed: 12, n: 100_000, scale: 1, decimals: 5 })); // range ~1e6 over 1e5 values: radix
    inPlace(gen({ seed: 13, n: 200_000, scale: 0.3, decimals: 5 })); // range ~2e5: counting
    inPlace(gen({ seed: 14, n: 100_000, scale: 50, decimals: 0 })); // range < 2^16: counting
    const zeros = gen({ seed: 15, n: 100_000, scale: 0.5, decimals: 4 });
    for (const i of [3, 40_000]) zeros[i] = -0;
    const sorted = sortFloat64InPlace(zeros.slice());
    expect(Array.from(sorted).map((v) => Object.is(v, -0))).toEqual(Array.from(zeros.slice().sort()).map((v) => Object.is(v, -0)));
  });
  it('sorts values held in pieces into one array like the built-in sort (counted from the pieces, or joined)', () => {
    const pieces = (a: Float64Array): Float64Array[] => [a.subarray(0, 1024), a.subarray(1024, 3072), a.subarray(3072, 70_000), a.subarray(70_000)];
    const check = (a: Float64Array): void => expect(Array.from(sortChunksFloat64(pieces(a), a.length))).toEqual(Array.from(a.slice().sort()));
    check(gen({ seed: 16, n: 200_000, scale: 0.3, decimals: 5 })); // counted
    check(gen({ seed: 17, n: 100_000, scale: 1, decimals: 5 })); // range over 4n: joined, key radix
    const mixed = gen({ seed: 18, n: 100_000, scale: 2, decimals: 2 });
    mixed[80_000] = Math.E; // not fixed-decimal: joined, bit-pattern radix
    mixed[5] = -0;
    check(mixed);
    const zeros = gen({ seed: 19, n: 100_000, scale: 0.5, decimals: 3 });
    zeros[90_000] = -0;
    const sorted = sortChunksFloat64(pieces(zeros), zeros.length);
    expect(Array.from(sorted).map((v) => Object.is(v, -0))).toEqual(Array.from(zeros.slice().sort()).map((v) => Object.is(v, -0)));
    expect(Array.from(sortChunksFloat64([Float64Array.from([3, 1]), Float64Array.from([2])], 3))).toEqual([1, 2, 3]);
  });
  it('radix path orders like the built-in numeric sort, negatives and -0 included', () => {
    const a = gen({ seed: 3, n: 100_000, scale: 1e6 });
    a[10] = -0;
    a[11] = 0;
    a[12] = -Infinity;
    a[13] = Infinity;
    expect(Array.from(sortFloat64(a))).toEqual(Array.from(a.slice().sort()));
  });
});

describe('rbfMmd', () => {
  const cases = loadCases<{ seed: number; nx: number; ny: number; dim: number; shift: number; sigma: number; mmd2: number }[]>('mmd.json');
  const rows = (flat: Float64Array, dim: number): Float64Array[] =>
    Array.from({ length: flat.length / dim }, (_, i) => flat.subarray(i * dim, (i + 1) * dim));
  it('statistic and median-heuristic bandwidth match numpy', () => {
    for (const c of cases) {
      const x = rows(gen({ seed: c.seed, n: c.nx * c.dim }), c.dim);
      const y = rows(gen({ seed: c.seed + 100, n: c.ny * c.dim, shift: c.shift }), c.dim);
      const r = rbfMmd(x, y, { permutations: 10 });
      expectRel(r.sigma, c.sigma, 1e-12);
      expectRel(r.mmd2, c.mmd2, 1e-9);
    }
  });
  it('permutation p-value is reproducible by seed, small for a shift, large without one', () => {
    const x = rows(gen({ seed: 1, n: 60 * 4 }), 4);
    const same = rows(gen({ seed: 2, n: 60 * 4 }), 4);
    const shifted = rows(gen({ seed: 2, n: 60 * 4, shift: 0.6 }), 4);
    const a = rbfMmd(x, shifted, { seed: 9, permutations: 200 });
    expect(rbfMmd(x, shifted, { seed: 9, permutations: 200 })).toEqual(a);
    expect(a.pValue).toBeLessThan(0.01);
    expect(rbfMmd(x, same, { seed: 9, permutations: 200 }).pValue).toBeGreaterThan(0.05);
  });
});

describe('prng', () => {
  it('sampleIndices returns k distinct sorted indices reproducibly', () => {
    const s = sampleIndices(1000, 50, createRng(4));
    expect(new Set(s).size).toBe(50);
    expect(s).toEqual([...s].sort((a, b) => a - b));
    expect(sampleIndices(1000, 50, createRng(4))).toEqual(s);
  });
});
