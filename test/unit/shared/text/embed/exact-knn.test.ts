import { describe, expect, it } from 'vitest';
import { exactTopK, normalizeInPlace } from '../../../../../shared/text/embed/exact-knn';

function randomMatrix(rows: number, dim: number, seed: number): Float32Array {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296) - 0.5;
  return Float32Array.from({ length: rows * dim }, rand);
}

function naive(matrix: Float32Array, dim: number, q: Float32Array, k: number, accept?: (r: number) => boolean): number[] {
  const scores: [number, number][] = [];
  for (let r = 0; r < matrix.length / dim; r++) {
    if (accept && !accept(r)) continue;
    let s = 0;
    for (let d = 0; d < dim; d++) s += matrix[r * dim + d]! * q[d]!;
    scores.push([s, r]);
  }
  return scores.sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, k).map((x) => x[1]);
}

describe('exactTopK', () => {
  it('returns the same neighbours as a full sort, best first', () => {
    for (const dim of [7, 64, 383]) {
      const m = randomMatrix(500, dim, dim);
      const q = randomMatrix(1, dim, 99);
      const r = exactTopK(m, dim, q, 10);
      expect(Array.from(r.indices)).toEqual(naive(m, dim, q, 10));
      for (let i = 1; i < r.scores.length; i++) expect(r.scores[i - 1]!).toBeGreaterThanOrEqual(r.scores[i]!);
    }
  });

  it('honours a row filter and returns fewer rows when fewer pass or exist', () => {
    const m = randomMatrix(50, 16, 3);
    const q = randomMatrix(1, 16, 4);
    const even = (r: number) => r % 2 === 0;
    expect(Array.from(exactTopK(m, 16, q, 5, even).indices)).toEqual(naive(m, 16, q, 5, even));
    expect(exactTopK(m, 16, q, 80).indices).toHaveLength(50);
    expect(exactTopK(m, 16, q, 5, () => false).indices).toHaveLength(0);
  });

  it('normalizes in place and leaves the zero vector alone', () => {
    const v = Float32Array.of(3, 4);
    expect(normalizeInPlace(v)).toBe(true);
    expect(Array.from(v)).toEqual([0.6000000238418579, 0.800000011920929]);
    const z = new Float32Array(3);
    expect(normalizeInPlace(z)).toBe(false);
    expect(Array.from(z)).toEqual([0, 0, 0]);
  });
});
