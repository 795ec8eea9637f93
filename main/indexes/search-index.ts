import type { SearchHit } from '../../shared/contract/retrieval-schemas';
import { normalizeInPlace } from '../../shared/text/embed/exact-knn';
import { describeProvider, providerKey } from '../../shared/text/embed/provider';
import type { Db } from '../storage/db';
import { filteredRecordIds, itemShards, kbChunkRows, recordHitRows, type RecordFilterSpec } from '../storage/indexes-repo';
import { IndexError } from './index-error';
import { indexLabel, scoreCandidates, searchShards, type LoadedIndex, type RawHit } from './loaded-index';

/** Filters at or below this many rows are scored exactly; HNSW with a very selective filter degrades. */
export const EXACT_FILTER_LIMIT = 2000;

export interface ExpectedProvider {
  id: string;
  version?: string;
  dimension?: number;
  key?: string;
}

/** Refuses a query that expects another embedding than the one the index was built with. */
export function checkExpectedProvider(ix: LoadedIndex, expected: ExpectedProvider | undefined): void {
  if (!expected) return;
  const spec = ix.provider.spec;
  const label = indexLabel(ix.row);
  const mismatch = expected.id !== spec.id ? 'provider'
    : expected.version !== undefined && expected.version !== spec.version ? 'provider version'
      : expected.dimension !== undefined && expected.dimension !== spec.dimension ? 'dimension'
        : expected.key !== undefined && expected.key !== providerKey(spec) ? 'provider parameters' : null;
  if (mismatch) {
    const code = mismatch === 'dimension' ? 'dimension_mismatch' : 'provider_mismatch';
    const asked = `${expected.id}${expected.version ? ` v${expected.version}` : ''}${expected.dimension ? `, ${expected.dimension} dims` : ''}`;
    throw new IndexError(code, `${label} was built with ${describeProvider(spec)}; the query expects ${asked} (${mismatch} differs). ` +
      'Query with the index\'s provider, or rebuild the index with the provider you want');
  }
}

export interface VectorQuery {
  vector: Float32Array;
  k: number;
  filter?: RecordFilterSpec;
}

/** Nearest neighbours for a query vector, honouring the records filters (asset, model, time range). */
export function searchVector(db: Db, ix: LoadedIndex, q: VectorQuery): RawHit[] {
  const vec = Float32Array.from(q.vector);
  if (vec.length !== ix.row.dimension) {
    throw new IndexError('dimension_mismatch', `query vector has ${vec.length} dimensions; ${indexLabel(ix.row)} has ${ix.row.dimension}`);
  }
  if (!normalizeInPlace(vec)) return [];
  const f = q.filter;
  if (!f || (f.assetId === undefined && f.model === undefined && f.from === undefined && f.to === undefined)) {
    return searchShards(ix, vec, q.k);
  }
  if (ix.row.source !== 'records') throw new IndexError('bad_query', 'model, time and asset filters apply to the records index');
  const allowed = filteredRecordIds(db, f);
  if (allowed.length === 0) return [];
  if (allowed.length <= EXACT_FILTER_LIMIT) {
    const live = itemShards(db, ix.row.id, allowed);
    for (const [id, shard] of live) if (shard < 0) live.delete(id);
    return scoreCandidates(ix, vec, live, q.k);
  }
  const set = new Set(allowed);
  return searchShards(ix, vec, q.k, (label) => set.has(label));
}

/** Turns raw hits into rows the user can read; rows deleted since the index was built are dropped. */
export function describeHits(db: Db, ix: LoadedIndex, hits: readonly RawHit[]): SearchHit[] {
  const ids = hits.map((h) => h.id);
  if (ix.row.source === 'kb') {
    const rows = kbChunkRows(db, ids);
    return hits.flatMap((h) => {
      const r = rows.get(h.id);
      return r ? [{ id: h.id, score: h.score, assetId: r.assetId, text: r.text, docId: r.docId, title: r.title, chunkIndex: r.chunkIndex, externalId: null, model: null, timestamp: null }] : [];
    });
  }
  const rows = recordHitRows(db, ids);
  return hits.flatMap((h) => {
    const r = rows.get(h.id);
    return r ? [{ id: h.id, score: h.score, assetId: r.assetId, text: `${r.input}\n\n${r.output}`, docId: null, title: null, chunkIndex: null, externalId: r.externalId, model: r.model, timestamp: r.timestamp }] : [];
  });
}
