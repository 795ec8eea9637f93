import type { z } from 'zod';
import type { SearchQuery, SearchResult } from '../../shared/contract/retrieval-schemas';
import { IndexError } from './index-error';
import { toIndexInfo } from './index-info';
import type { Emit, IndexService } from './index-service';
import { checkExpectedProvider, describeHits, searchVector } from './search-index';

export type ParsedSearchQuery = z.output<typeof SearchQuery>;

/** One search as the API and CLI run it: pick the index, make sure it is current, embed, search, describe hits. */
export async function runSearch(service: IndexService, q: ParsedSearchQuery, emit?: Emit): Promise<SearchResult> {
  const started = performance.now();
  if (q.index === 'kb' && (q.model !== undefined || q.from !== undefined || q.to !== undefined)) {
    throw new IndexError('bad_query', 'model and time filters apply to the records index (--index records), not to a KB');
  }
  const scope = service.resolveScope(q.index, q.index === 'kb' ? q.assetId : undefined);
  const ensured = await service.ensure(scope, { autoBuild: q.autoBuild, rebuild: q.rebuild, emit }, { embedder: q.embedder });
  const ix = service.open(ensured.row);
  checkExpectedProvider(ix, q.provider);
  let vector: Float32Array;
  let note = ensured.note;
  if (q.vector !== undefined) {
    vector = Float32Array.from(q.vector);
  } else {
    vector = ix.provider.embed(q.text ?? '');
    if (!vector.some((x) => x !== 0)) note = 'the query has no searchable words';
  }
  const filter = q.index === 'records' ? { assetId: q.assetId, model: q.model, from: q.from, to: q.to } : undefined;
  const raw = searchVector(service.ws.db, ix, { vector, k: q.k, filter });
  const hits = describeHits(service.ws.db, ix, raw);
  return { index: toIndexInfo(service.ws.db, ix.row), hits, tookMs: Math.round((performance.now() - started) * 100) / 100, built: ensured.built, note };
}
