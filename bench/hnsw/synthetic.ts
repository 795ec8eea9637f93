/**
 * Seeded clustered vectors shaped like sentence embeddings: many clusters of uneven size, each spread over its
 * own low-rank subspace (decaying variances) plus isotropic noise, then L2-normalized. Real embedding sets have
 * this structure (a low intrinsic dimension per topic); pure Gaussian noise in 384 dimensions has none, and no
 * index can search it better than brute force.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(rand: () => number): () => number {
  return () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

export interface ClusteredOptions {
  dim: number;
  clusters: number;
  rank: number;
  noise: number;
  seed: number;
}

/** A generator of points from one fixed mixture; call `fill` for the index and again for held-out queries. */
export function clusteredMixture(o: ClusteredOptions): { fill: (out: Float32Array, count: number) => void } {
  const rand = mulberry32(o.seed);
  const gauss = gaussian(rand);
  const centers = new Float32Array(o.clusters * o.dim);
  const bases = new Float32Array(o.clusters * o.rank * o.dim);
  for (let i = 0; i < centers.length; i++) centers[i] = gauss();
  for (let i = 0; i < bases.length; i++) bases[i] = gauss() / Math.sqrt(o.dim);
  // Zipf-like cluster weights: a few big topics and a long tail.
  const weights = Array.from({ length: o.clusters }, (_, c) => 1 / Math.pow(c + 1, 0.6));
  const cumulative: number[] = [];
  weights.reduce((acc, w) => { cumulative.push(acc + w); return acc + w; }, 0);
  const total = cumulative[cumulative.length - 1]!;
  const pick = (): number => {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const centerNorm = Math.sqrt(o.dim);
  return {
    fill(out, count) {
      for (let p = 0; p < count; p++) {
        const c = pick();
        const row = out.subarray(p * o.dim, (p + 1) * o.dim);
        for (let d = 0; d < o.dim; d++) row[d] = (centers[c * o.dim + d]! / centerNorm) + o.noise * gauss() / Math.sqrt(o.dim);
        for (let r = 0; r < o.rank; r++) {
          const a = gauss() * 0.9 * Math.pow(0.85, r);
          const base = (c * o.rank + r) * o.dim;
          for (let d = 0; d < o.dim; d++) row[d]! += a * bases[base + d]!;
        }
        let norm = 0;
        for (let d = 0; d < o.dim; d++) norm += row[d]! * row[d]!;
        const inv = 1 / Math.sqrt(norm);
        for (let d = 0; d < o.dim; d++) row[d]! *= inv;
      }
    },
  };
}
