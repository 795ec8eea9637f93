import type { Handlers } from '../../shared/contract/api';
import { ApiError, type ApiErrorCode } from '../../shared/contract/bridge';
import { indexMatchesRequest } from '../indexes/embedder-choice';
import { dropIndex, verifyIndexes } from '../indexes/index-admin';
import { IndexError, type IndexErrorCode } from '../indexes/index-error';
import { toIndexInfo } from '../indexes/index-info';
import { indexService } from '../indexes/index-service';
import { evaluateRetrieval } from '../indexes/retrieval-eval';
import { runSearch } from '../indexes/run-search';
import { listVectorIndexes } from '../storage/indexes-repo';
import type { Workspace } from '../storage/workspace';
import type { EventBus } from './event-bus';

export type RetrievalMethod = 'indexes.list' | 'indexes.build' | 'indexes.cancel' | 'indexes.update' | 'indexes.verify' | 'indexes.drop'
  | 'search.query' | 'retrieval.evaluate';

const API_CODE: Record<IndexErrorCode, ApiErrorCode> = {
  empty_corpus: 'bad_request', bad_query: 'bad_request', provider_mismatch: 'bad_request', dimension_mismatch: 'bad_request',
  cancelled: 'bad_request', missing: 'not_found', not_found: 'not_found', missing_file: 'workspace', hash_mismatch: 'workspace',
  corrupt: 'workspace', provider_unavailable: 'workspace', build_failed: 'internal',
};

/** Index problems reach callers as API errors with the index's own message (which says how to rebuild). */
async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof IndexError) throw new ApiError(API_CODE[err.code], err.message);
    throw err;
  }
}

/** Vector indexes, search and retrieval evaluation; spread into createHandlers. */
export function createRetrievalHandlers(ws: Workspace, events: EventBus): Pick<Handlers, RetrievalMethod> {
  const service = indexService(ws);
  const emit = (e: Parameters<EventBus['emit']>[0]) => events.emit(e);
  return {
    async 'indexes.list'() {
      return listVectorIndexes(ws.db).map((row) => toIndexInfo(ws.db, row));
    },
    'indexes.build': (req) => mapped(async () => {
      const scope = service.resolveScope(req.source, req.assetId);
      const existing = service.current(scope);
      const fits = existing && indexMatchesRequest(existing, req.embedder);
      if (existing && fits && !req.rebuild && !service.runningJob(scope)) return { jobId: null, index: toIndexInfo(ws.db, existing), reused: true };
      const { handle, joined } = service.build(scope, { embedder: req.embedder, hnsw: req.hnsw, emit });
      if (!req.wait) return { jobId: handle.jobId, index: null, reused: joined };
      const row = await handle.promise;
      return { jobId: handle.jobId, index: toIndexInfo(ws.db, row), reused: joined };
    }),
    async 'indexes.cancel'({ jobId }) {
      return { cancelled: service.cancel(jobId) };
    },
    'indexes.update': (req) => mapped(async () => {
      await ws.writes.idle();
      const scope = service.resolveScope(req.source, req.assetId);
      const row = service.current(scope);
      if (!row) throw new IndexError('missing', `there is no ${req.source} index to update; build one first`);
      const synced = service.sync(row);
      if (synced.status === 'updated') {
        if (synced.added || synced.deleted) events.emit({ type: 'workspace.changed', reason: 'index.updated' });
        return { added: synced.added, deleted: synced.deleted, rebuilt: false, index: toIndexInfo(ws.db, synced.row) };
      }
      const rebuilt = await service.build(scope, { emit }).handle.promise;
      return { added: synced.added, deleted: synced.deleted, rebuilt: true, index: toIndexInfo(ws.db, rebuilt) };
    }),
    async 'indexes.verify'() {
      return verifyIndexes(ws);
    },
    'indexes.drop': ({ indexId }) => mapped(async () => {
      service.forget(indexId);
      const dropped = dropIndex(ws, indexId);
      if (dropped) events.emit({ type: 'workspace.changed', reason: 'index.dropped' });
      return { dropped };
    }),
    'search.query': (q) => mapped(() => runSearch(service, q, emit)),
    'retrieval.evaluate': (req) => mapped(() => evaluateRetrieval(service, req, emit)),
  };
}
