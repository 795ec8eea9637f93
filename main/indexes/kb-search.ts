import type { Evidence } from '../../shared/engine/analyzer';
import { providerKey } from '../../shared/text/embed/provider';
import { kbChunkRows } from '../storage/indexes-repo';
import type { Workspace } from '../storage/workspace';
import { indexService, type Emit } from './index-service';
import { searchShards } from './loaded-index';

export interface KbSearchHandle {
  /** Synchronous nearest-chunk search for analyzers (AnalyzerContext.searchKb). */
  searchKb: (text: string, k: number) => Evidence[];
  /** What a result should record about where its evidence came from. */
  source: { assetId: number; indexId: number; provider: { id: string; version: string; dimension: number; key: string } };
}

export interface KbSearchOptions {
  /** Build the KB's index when it does not exist yet (default true). */
  autoBuild?: boolean;
  emit?: Emit;
}

const CHUNK_CACHE_LIMIT = 20_000;

/** A chunk as a reader finds it again: its document and the heading it sits under ("returns.md › Holidays"). */
export function chunkName(docId: string, title: string | null): string {
  return title && title.trim() && title.trim() !== docId ? `${docId} › ${title.trim()}` : docId;
}

/**
 * Prepares evidence search over one KB asset version (default: the latest KB) for workspace analysis and
 * `assay score --kb`: makes sure the index exists and is verified, then returns a synchronous function, since
 * analyzers run without I/O of their own. Chunk texts are cached because claims of one answer hit the same chunks.
 */
export async function createKbSearch(ws: Workspace, assetId?: number, options: KbSearchOptions = {}): Promise<KbSearchHandle> {
  const service = indexService(ws);
  const scope = service.resolveScope('kb', assetId);
  const { row } = await service.ensure(scope, { autoBuild: options.autoBuild ?? true, rebuild: false, emit: options.emit });
  const ix = service.open(row);
  const chunks = new Map<number, { text: string; name: string }>();
  const searchKb = (text: string, k: number): Evidence[] => {
    const query = ix.provider.embed(text);
    if (k <= 0 || !query.some((x) => x !== 0)) return [];
    const hits = searchShards(ix, query, k);
    const missing = hits.filter((h) => !chunks.has(h.id)).map((h) => h.id);
    if (missing.length) {
      if (chunks.size + missing.length > CHUNK_CACHE_LIMIT) chunks.clear();
      for (const [id, r] of kbChunkRows(ws.db, missing)) chunks.set(id, { text: r.text, name: chunkName(r.docId, r.title) });
    }
    return hits.flatMap((h) => {
      const chunk = chunks.get(h.id);
      return chunk === undefined ? [] : [{ source: 'kb' as const, ref: String(h.id), name: chunk.name, text: chunk.text, score: h.score }];
    });
  };
  const spec = ix.provider.spec;
  return {
    searchKb,
    source: { assetId: scope.assetId!, indexId: row.id, provider: { id: spec.id, version: spec.version, dimension: spec.dimension, key: providerKey(spec) } },
  };
}
