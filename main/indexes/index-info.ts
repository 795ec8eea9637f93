import type { IndexInfo } from '../../shared/contract/retrieval-schemas';
import type { Db } from '../storage/db';
import { listShards, type VectorIndexRow } from '../storage/indexes-repo';

/** An index row as the API shows it: provider spec, HNSW settings, counts, and each shard file with its hash. */
export function toIndexInfo(db: Db, row: VectorIndexRow): IndexInfo {
  const shards = listShards(db, row.id);
  let params: Record<string, string | number | boolean> = {};
  try {
    params = JSON.parse(row.providerParams) as Record<string, string | number | boolean>;
  } catch {
    // Shown as empty; loading the index reports the damage with a way to rebuild.
  }
  return {
    id: row.id, source: row.source, assetId: row.assetId, assetSha256: row.assetSha256,
    provider: { id: row.providerId, version: row.providerVersion, dimension: row.dimension, params, key: row.providerKey, location: row.providerSource },
    space: row.space, m: row.m, efConstruction: row.efConstruction, efSearch: row.efSearch,
    itemCount: row.itemCount, deletedCount: row.deletedCount, skippedCount: row.skippedCount,
    shards: shards.map((s) => ({ shard: s.shard, file: s.file, sha256: s.sha256, bytes: s.bytes, itemCount: s.itemCount })),
    totalBytes: shards.reduce((a, s) => a + s.bytes, 0),
    buildMs: row.buildMs, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}
