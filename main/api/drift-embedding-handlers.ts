// drift.embeddings: text drift between two sets of LLM log records (e.g. prompt v1's inputs against v2's, or
// last month's against this month's). Both sets are embedded with the built-in hashed TF-IDF provider, its IDF
// fitted on the two sets together so neither side's vocabulary is favoured; kNN novelty searches an in-memory
// HNSW graph over the reference vectors (the same cosine HNSW the search indexes use).
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import type { EmbeddingDriftReport, NovelRecord } from '../../shared/contract/drift-schemas';
import type { LogRecord } from '../../shared/contract/schemas';
import { embeddingDrift } from '../../shared/drift/embedding/embedding-drift';
import type { NeighbourIndex } from '../../shared/drift/embedding/knn-novelty';
import { DEFAULT_HASHED_TFIDF, DfCounter, HashedTfidf } from '../../shared/text/embed/hashed-tfidf';
import { describeProvider } from '../../shared/text/embed/provider';
import { HnswShard } from '../indexes/hnsw-shard';
import type { Workspace } from '../storage/workspace';
import { DEFAULT_HNSW } from '../indexes/build-job';
import { loadRecordSet, type RecordSet } from './drift-records';

const EXCERPT_CHARS = 240;
/** hnswlib settings as the search indexes use them. */
const HNSW = { m: DEFAULT_HNSW.m, efConstruction: DEFAULT_HNSW.efConstruction, efSearch: DEFAULT_HNSW.efSearch, seed: DEFAULT_HNSW.seed };

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

interface Embedded { vectors: Float32Array[]; records: LogRecord[]; empty: number }

function embedSet(provider: HashedTfidf, set: RecordSet, field: 'input' | 'output'): Embedded {
  const vectors: Float32Array[] = [];
  const records: LogRecord[] = [];
  let empty = 0;
  for (const r of set.records) {
    const v = new Float32Array(provider.params.dimension);
    // A text with no words or characters to embed is a zero vector: it has no direction to compare.
    if (!provider.embedInto(r[field], v)) empty++;
    else {
      vectors.push(v);
      records.push(r);
    }
  }
  return { vectors, records, empty };
}

function hnswIndex(vectors: readonly Float32Array[]): NeighbourIndex {
  const shard = HnswShard.create({ dimension: vectors[0]!.length, m: HNSW.m, efConstruction: HNSW.efConstruction, seed: HNSW.seed }, vectors.length);
  vectors.forEach((v, i) => shard.add(v, i));
  shard.setEf(HNSW.efSearch);
  return {
    nearest(query, k) {
      const hit = shard.search(Array.from(query), k);
      return hit.labels.map((index, i) => ({ index, distance: hit.distances[i]! }));
    },
  };
}

export function createEmbeddingDriftHandlers(ws: Workspace): Pick<Handlers, 'drift.embeddings'> {
  return {
    async 'drift.embeddings'({ reference, current, field, maxRecords, top }) {
      const sets = { reference: loadRecordSet(ws, reference, 'reference', maxRecords, 1), current: loadRecordSet(ws, current, 'current', maxRecords, 2) };
      for (const [side, set] of Object.entries(sets)) {
        if (set.matched === 0) throw new ApiError('bad_request', `the ${side} set (${set.label}) matches no records`);
      }
      const df = new DfCounter(DEFAULT_HASHED_TFIDF);
      for (const set of [sets.reference, sets.current]) for (const r of set.records) df.add(r[field]);
      const provider = new HashedTfidf(DEFAULT_HASHED_TFIDF, df.result());
      const ref = embedSet(provider, sets.reference, field);
      const cur = embedSet(provider, sets.current, field);
      if (ref.vectors.length < 2) throw new ApiError('bad_request', `the reference set (${sets.reference.label}) has ${ref.vectors.length} record${ref.vectors.length === 1 ? '' : 's'} with ${field} text to embed; at least 2 are needed`);
      if (cur.vectors.length === 0) throw new ApiError('bad_request', `the current set (${sets.current.label}) has no record with ${field} text to embed`);
      const notes: string[] = [];
      for (const [side, set] of Object.entries(sets)) {
        if (set.matched > set.records.length) notes.push(`${side}: a seeded sample of ${set.records.length} of ${set.matched} matching records was embedded`);
      }
      for (const [side, e] of [['reference', ref], ['current', cur]] as const) {
        if (e.empty) notes.push(`${side}: ${e.empty} record${e.empty > 1 ? 's' : ''} with no ${field} text to embed left out`);
      }
      const result = embeddingDrift(ref.vectors, cur.vectors, { metric: 'cosine', index: hnswIndex(ref.vectors), top, seed: 0 });
      const novel = (n: { index: number; distance: number; nearest_reference: number }): NovelRecord => {
        const r = cur.records[n.index]!;
        const near = n.nearest_reference >= 0 ? ref.records[n.nearest_reference] : undefined;
        return {
          record_id: r.id, distance: n.distance, excerpt: excerpt(r[field]),
          nearest_reference_id: near?.id ?? null, nearest_reference_excerpt: near ? excerpt(near[field]) : null,
          timestamp: r.timestamp, model: r.model, prompt_version: r.promptVersion,
        };
      };
      const report: EmbeddingDriftReport = {
        field,
        reference: { matched: sets.reference.matched, embedded: ref.vectors.length, label: sets.reference.label },
        current: { matched: sets.current.matched, embedded: cur.vectors.length, label: sets.current.label },
        provider: describeProvider(provider.spec),
        dimension: result.dimension,
        centroid: result.centroid,
        mmd: result.mmd,
        classifier: result.classifier,
        novelty: result.novelty && {
          threshold: result.novelty.threshold, share_novel: result.novelty.share_novel, drifted: result.novelty.drifted,
          search: 'hnsw', most_novel: result.novelty.most_novel.map(novel),
        },
        thresholds: result.thresholds,
        drifted: result.drifted,
        notes: [...notes, ...result.notes],
      };
      return report;
    },
  };
}
