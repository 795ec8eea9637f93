// The CPU-heavy part of drift.embeddings: embed two text sets with the built-in hashed TF-IDF (its IDF fitted on
// both sets together so neither side's vocabulary is favoured), then centroid distance, MMD, the domain
// classifier and kNN novelty over an in-memory HNSW graph of the reference vectors (the same cosine HNSW the
// search indexes use). Runs on a worker thread (embedding-drift-worker.ts) so the API stays responsive.
import { embeddingDrift, type EmbeddingDriftReport } from '../../shared/drift/embedding/embedding-drift';
import type { NeighbourIndex } from '../../shared/drift/embedding/knn-novelty';
import { DEFAULT_HASHED_TFIDF, DfCounter, HashedTfidf } from '../../shared/text/embed/hashed-tfidf';
import { describeProvider } from '../../shared/text/embed/provider';
import { DEFAULT_HNSW } from '../indexes/build-job';
import { HnswShard } from '../indexes/hnsw-shard';

export interface EmbeddingDriftInput {
  reference: readonly string[];
  current: readonly string[];
  top: number;
}

export interface EmbeddingDriftComputation {
  /** Indices into the input texts of the texts that had something to embed; report indices refer to these. */
  referenceKept: number[];
  currentKept: number[];
  provider: string;
  /** Null when a side has too few embeddable texts to compare (the caller says which). */
  result: EmbeddingDriftReport | null;
}

function embedAll(provider: HashedTfidf, texts: readonly string[]): { vectors: Float32Array[]; kept: number[] } {
  const vectors: Float32Array[] = [];
  const kept: number[] = [];
  texts.forEach((text, i) => {
    const v = new Float32Array(provider.params.dimension);
    // A text with no words or characters to embed is a zero vector: it has no direction to compare.
    if (provider.embedInto(text, v)) {
      vectors.push(v);
      kept.push(i);
    }
  });
  return { vectors, kept };
}

function hnswIndex(vectors: readonly Float32Array[]): NeighbourIndex {
  const shard = HnswShard.create({ dimension: vectors[0]!.length, m: DEFAULT_HNSW.m, efConstruction: DEFAULT_HNSW.efConstruction, seed: DEFAULT_HNSW.seed }, vectors.length);
  vectors.forEach((v, i) => shard.add(v, i));
  shard.setEf(DEFAULT_HNSW.efSearch);
  return {
    nearest(query, k) {
      const hit = shard.search(Array.from(query), k);
      return hit.labels.map((index, i) => ({ index, distance: hit.distances[i]! }));
    },
  };
}

export function computeEmbeddingDrift(input: EmbeddingDriftInput): EmbeddingDriftComputation {
  const df = new DfCounter(DEFAULT_HASHED_TFIDF);
  for (const text of input.reference) df.add(text);
  for (const text of input.current) df.add(text);
  const provider = new HashedTfidf(DEFAULT_HASHED_TFIDF, df.result());
  const ref = embedAll(provider, input.reference);
  const cur = embedAll(provider, input.current);
  const base = { referenceKept: ref.kept, currentKept: cur.kept, provider: describeProvider(provider.spec) };
  if (ref.vectors.length < 2 || cur.vectors.length === 0) return { ...base, result: null };
  return { ...base, result: embeddingDrift(ref.vectors, cur.vectors, { metric: 'cosine', index: hnswIndex(ref.vectors), top: input.top, seed: 0 }) };
}
