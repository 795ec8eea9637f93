// kNN novelty: the share of current items whose nearest reference neighbour is farther than the reference's
// own 95th-percentile nearest-neighbour distance (about 5% when nothing changed), and the most novel items.
// Search goes through a NeighbourIndex so the host can pass its HNSW index; exactIndex is the brute-force
// fallback (and the reference for tests).
import { quantileSorted } from '../../stats/descriptive';
import { createRng, sampleIndices } from '../../stats/prng';
import { distance, type Metric, type Vectors } from './vectors';

export interface Neighbour {
  index: number;
  distance: number;
}

/** Nearest reference items to a query, ascending by distance. */
export interface NeighbourIndex {
  nearest(query: ArrayLike<number>, k: number): Neighbour[];
}

export function exactIndex(reference: Vectors, metric: Metric): NeighbourIndex {
  const dist = distance(metric);
  return {
    nearest(query, k) {
      const best: Neighbour[] = [];
      for (let i = 0; i < reference.length; i++) {
        const d = dist(query, reference[i]!);
        if (best.length < k || d < best[best.length - 1]!.distance) {
          best.push({ index: i, distance: d });
          best.sort((a, b) => a.distance - b.distance || a.index - b.index);
          if (best.length > k) best.pop();
        }
      }
      return best;
    },
  };
}

export interface NoveltyOptions {
  metric?: Metric;
  /** The host's index over the same reference vectors (same order, same metric). Exact search when omitted. */
  index?: NeighbourIndex;
  percentile?: number;
  /** Reference items sampled to estimate the reference's own nearest-neighbour distances. */
  referenceSample?: number;
  top?: number;
  seed?: number;
}

export interface NoveltyResult {
  /** Reference nearest-neighbour distance at the percentile. */
  threshold: number;
  share_novel: number;
  /** Most novel current items, farthest first. */
  most_novel: { index: number; distance: number; nearest_reference: number }[];
}

export function knnNovelty(reference: Vectors, current: Vectors, options: NoveltyOptions = {}): NoveltyResult | null {
  if (reference.length < 2 || current.length === 0) return null;
  const index = options.index ?? exactIndex(reference, options.metric ?? 'cosine');
  const sample = sampleIndices(reference.length, options.referenceSample ?? 1000, createRng(options.seed ?? 0));
  const own = Float64Array.from(sample, (i) => {
    // The query itself comes back at distance 0; its nearest other neighbour is the one that counts.
    const hits = index.nearest(reference[i]!, 2);
    return (hits.find((h) => h.index !== i) ?? hits[0] ?? { distance: 0 }).distance;
  }).sort();
  const threshold = quantileSorted(own, options.percentile ?? 0.95);
  const scored = current.map((v, i) => {
    const hit = index.nearest(v, 1)[0];
    return { index: i, distance: hit?.distance ?? Infinity, nearest_reference: hit?.index ?? -1 };
  });
  const novel = scored.filter((s) => s.distance > threshold);
  novel.sort((a, b) => b.distance - a.distance || a.index - b.index);
  return { threshold, share_novel: novel.length / current.length, most_novel: novel.slice(0, options.top ?? 10) };
}
