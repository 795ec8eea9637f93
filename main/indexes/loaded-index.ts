import path from 'node:path';
import { dot, exactTopK } from '../../shared/text/embed/exact-knn';
import type { EmbeddingProvider } from '../../shared/text/embed/provider';
import { getIndexIdf, listShards, type ShardRow, type VectorIndexRow } from '../storage/indexes-repo';
import type { Workspace } from '../storage/workspace';
import { describeScope } from './build-job';
import { HnswShard } from './hnsw-shard';
import { IndexError } from './index-error';
import { providerForIndex } from './providers';

/**
 * Indexes up to this size are searched exactly over their stored vectors (well under a millisecond a query):
 * the answer is then the true nearest neighbours, which an HNSW graph over many near-duplicates (repeated
 * questions in logs) can miss.
 */
export const EXACT_SEARCH_MAX = 1000;

/** An index in memory: its row, one HNSW graph per shard, and the provider that embeds its queries. */
export interface LoadedIndex {
  row: VectorIndexRow;
  shardRows: ShardRow[];
  shards: HnswShard[];
  provider: EmbeddingProvider;
  /** Changes whenever the index's files or counts change, so a cached copy can tell it is out of date. */
  stamp: string;
}

export interface RawHit {
  id: number;
  score: number;
}

export function indexStamp(row: VectorIndexRow, shardRows: readonly ShardRow[]): string {
  return `${row.id}:${row.updatedAt}:${shardRows.map((s) => s.sha256).join(',')}`;
}

export function indexLabel(row: VectorIndexRow): string {
  return `${describeScope(row.source, row.assetId)} (index ${row.id})`;
}

/** Loads and verifies every shard file (sha256 and structure) and rebuilds the index's query provider. */
export function loadIndex(ws: Workspace, row: VectorIndexRow): LoadedIndex {
  const label = indexLabel(row);
  const shardRows = listShards(ws.db, row.id);
  if (shardRows.length === 0) throw new IndexError('corrupt', `${label} has no shard files recorded`);
  const provider = providerForIndex(row, getIndexIdf(ws.db, row.id), label);
  const exact = row.itemCount <= EXACT_SEARCH_MAX;
  const shards = shardRows.map((s) => HnswShard.load(path.join(ws.indexesDir, s.file), { sha256: s.sha256, dimension: row.dimension }, label, exact));
  return { row, shardRows, shards, provider, stamp: indexStamp(row, shardRows) };
}

/** Approximate k nearest neighbours over every shard, merged by score; `accept` filters labels. */
export function searchShards(ix: LoadedIndex, query: Float32Array, k: number, accept?: (label: number) => boolean): RawHit[] {
  checkQuery(ix, query);
  return searchGraphs(ix.shards, query, k, Math.max(ix.row.efSearch, k), accept);
}

/**
 * The query-time merge of shards built in parallel: each graph returns its own k best and the union is cut
 * to k by score (cosine similarity = 1 - hnswlib's cosine distance). A label present in two shards (a row
 * re-added after a delete) counts once, with its best score.
 */
export function searchGraphs(shards: readonly HnswShard[], query: Float32Array, k: number, ef: number, accept?: (label: number) => boolean): RawHit[] {
  if (shards.every((s) => s.exact)) return searchStored(shards, query, k, accept);
  if (shards.length === 1) {
    shards[0]!.setEf(ef);
    const r = shards[0]!.search(query, k, accept);
    return r.labels.map((id, i) => ({ id, score: 1 - r.distances[i]! }));
  }
  const best = new Map<number, number>();
  for (const shard of shards) {
    shard.setEf(ef);
    const r = shard.search(query, k, accept);
    for (let i = 0; i < r.labels.length; i++) {
      const score = 1 - r.distances[i]!;
      const id = r.labels[i]!;
      if (!(best.get(id)! >= score)) best.set(id, score);
    }
  }
  return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

function searchStored(shards: readonly HnswShard[], query: Float32Array, k: number, accept?: (label: number) => boolean): RawHit[] {
  const hits: RawHit[] = [];
  for (const shard of shards) {
    const { matrix, labels } = shard.exact!;
    const r = exactTopK(matrix, query.length, query, k, accept && ((row) => accept(labels[row]!)));
    r.indices.forEach((row, i) => hits.push({ id: labels[row]!, score: r.scores[i]! }));
  }
  return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

/** Exact scores for a small candidate set (ids with their shard), read back from the graphs' stored vectors. */
export function scoreCandidates(ix: LoadedIndex, query: Float32Array, candidates: ReadonlyMap<number, number>, k: number): RawHit[] {
  checkQuery(ix, query);
  const hits: RawHit[] = [];
  for (const [id, shard] of candidates) {
    const graph = ix.shards[shard];
    if (!graph) continue;
    hits.push({ id, score: dot(graph.vector(id), 0, query, query.length) });
  }
  return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

function checkQuery(ix: LoadedIndex, query: Float32Array): void {
  if (query.length !== ix.row.dimension) {
    throw new IndexError('dimension_mismatch', `query vector has ${query.length} dimensions; ${indexLabel(ix.row)} has ${ix.row.dimension}`);
  }
  for (let i = 0; i < query.length; i++) {
    if (!Number.isFinite(query[i]!)) throw new IndexError('bad_query', `query vector holds a non-finite value at position ${i}`);
  }
}
