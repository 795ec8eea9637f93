/**
 * Why an index cannot answer. Every message names the index and what is wrong; `rebuildable` problems end
 * with how to rebuild, because an index is a cache of the workspace's own rows and can always be rebuilt.
 */
export type IndexErrorCode =
  | 'empty_corpus'
  | 'missing'
  | 'missing_file'
  | 'hash_mismatch'
  | 'corrupt'
  | 'provider_unavailable'
  | 'provider_mismatch'
  | 'dimension_mismatch'
  | 'bad_query'
  | 'not_found'
  | 'cancelled'
  | 'build_failed';

const REBUILDABLE: ReadonlySet<IndexErrorCode> = new Set(['missing', 'missing_file', 'hash_mismatch', 'corrupt', 'provider_unavailable']);

export const REBUILD_HINT = 'rebuild it with `assay search <workspace> "<text>" --rebuild` (or the indexes.build API method with rebuild: true)';

export class IndexError extends Error {
  constructor(readonly code: IndexErrorCode, message: string) {
    super(REBUILDABLE.has(code) ? `${message}; ${REBUILD_HINT}` : message);
    this.name = 'IndexError';
  }
}
