// Vector helpers for embedding drift: distances, centroids, and seeded subsampling of large sets.
import { createRng, sampleIndices } from '../../stats/prng';

export type Vectors = ReadonlyArray<ArrayLike<number>>;
export type Metric = 'cosine' | 'euclidean';

export function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    s += d * d;
  }
  return Math.sqrt(s);
}

/** 1 - cosine similarity (the distance hnswlib's 'cosine' space reports); 1 when either vector is zero. */
export function cosineDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? 1 - dot / Math.sqrt(na * nb) : 1;
}

export function distance(metric: Metric): (a: ArrayLike<number>, b: ArrayLike<number>) => number {
  return metric === 'cosine' ? cosineDistance : euclidean;
}

export function centroid(vectors: Vectors): Float64Array {
  const dim = vectors[0]?.length ?? 0;
  const c = new Float64Array(dim);
  for (const v of vectors) for (let i = 0; i < dim; i++) c[i] = c[i]! + v[i]!;
  for (let i = 0; i < dim; i++) c[i] = c[i]! / Math.max(1, vectors.length);
  return c;
}

/** At most `max` vectors chosen reproducibly; all of them when the set is smaller. */
export function subsample(vectors: Vectors, max: number, seed: number): { vectors: Vectors; indices: number[] } {
  const indices = sampleIndices(vectors.length, max, createRng(seed));
  return { vectors: indices.map((i) => vectors[i]!), indices };
}

/** Checks every vector has the same dimension; returns it. */
export function dimensionOf(...sets: Vectors[]): number {
  const dim = sets.find((s) => s.length)?.[0]?.length ?? 0;
  for (const s of sets) for (const v of s) if (v.length !== dim) throw new RangeError(`vectors differ in dimension (${v.length} vs ${dim})`);
  return dim;
}
