import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  corpusRowsByIds, corpusStats, getVectorIndex, insertItems, itemShards, listShards, markItemsDeleted, unindexedIds,
  updateIndexCounts, upsertShard, vanishedItemIds, type ShardRow, type VectorIndexRow,
} from '../storage/indexes-repo';
import type { Workspace } from '../storage/workspace';
import { removeIndexFiles } from './index-files';
import { indexStamp, type LoadedIndex } from './loaded-index';

/** Changes up to this size are applied in place on the calling thread; larger ones are worth a rebuild. */
export const SYNC_LIMIT = 5000;

export type SyncResult =
  | { status: 'updated'; added: number; deleted: number; row: VectorIndexRow; loaded: LoadedIndex }
  | { status: 'too_large'; added: number; deleted: number };

/**
 * Brings an index up to date with its corpus without a rebuild: rows deleted since (their labels are marked
 * deleted in the graph) and rows added since (embedded with the index's own provider and frozen IDF, then
 * inserted into the smallest shard). Changed shards are written under new names and swapped in by one
 * transaction with its audit entry, like a build.
 */
export function syncIndex(ws: Workspace, ix: LoadedIndex): SyncResult {
  const { row } = ix;
  const added = unindexedIds(ws.db, row.id, row.source, row.assetId);
  const gone = vanishedItemIds(ws.db, row.id, row.source, row.assetId);
  if (added.length + gone.length > SYNC_LIMIT) return { status: 'too_large', added: added.length, deleted: gone.length };
  const changed = new Set<number>();
  const goneShards = itemShards(ws.db, row.id, gone);
  for (const [id, shard] of goneShards) {
    if (shard < 0) continue;
    ix.shards[shard]?.markDeleted(id);
    changed.add(shard);
  }
  const placed: (readonly [number, number])[] = [];
  const vec = new Float32Array(row.dimension);
  const embedder = ix.provider;
  let addedVectors = 0;
  let skipped = 0;
  for (const r of corpusRowsByIds(ws.db, row.source, added)) {
    vec.set(embedder.embed(r.text));
    if (!vec.some((x) => x !== 0)) {
      placed.push([r.id, -1]);
      skipped++;
      continue;
    }
    let target = 0;
    for (let s = 1; s < ix.shards.length; s++) if (ix.shards[s]!.count < ix.shards[target]!.count) target = s;
    ix.shards[target]!.add(vec, r.id);
    placed.push([r.id, target]);
    changed.add(target);
    addedVectors++;
  }
  const nonce = randomBytes(6).toString('hex');
  const rewritten: ShardRow[] = [];
  for (const s of changed) {
    const file = `${row.source}-${row.assetId ?? 'all'}-${nonce}-s${s}.hnsw`;
    const saved = ix.shards[s]!.save(path.join(ws.indexesDir, file));
    rewritten.push({ shard: s, file, sha256: saved.sha256, bytes: saved.bytes, itemCount: ix.shards[s]!.count, maxElements: ix.shards[s]!.capacity });
  }
  const stats = corpusStats(ws.db, row.source, row.assetId);
  const deletedVectors = [...goneShards.values()].filter((s) => s >= 0).length;
  const deletedSkipped = gone.length - deletedVectors;
  try {
    ws.mutate('index.updated', (db) => {
      for (const s of rewritten) upsertShard(db, row.id, s);
      insertItems(db, row.id, placed);
      markItemsDeleted(db, row.id, gone);
      updateIndexCounts(db, row.id, {
        itemCount: row.itemCount + addedVectors - deletedVectors,
        deletedCount: row.deletedCount + deletedVectors,
        skippedCount: row.skippedCount + skipped - deletedSkipped,
        corpusCount: stats.count,
        corpusMaxId: stats.maxId,
      });
    }, () => ({ indexId: row.id, added: added.length, deleted: gone.length, shards: rewritten.map((s) => ({ file: s.file, sha256: s.sha256 })) }));
  } catch (err) {
    removeIndexFiles(ws.indexesDir, rewritten.map((s) => s.file));
    throw err;
  }
  removeIndexFiles(ws.indexesDir, rewritten.map((s) => ix.shardRows[s.shard]!.file));
  const fresh = getVectorIndex(ws.db, row.id)!;
  const shardRows = listShards(ws.db, row.id);
  const loaded: LoadedIndex = { ...ix, row: fresh, shardRows, stamp: indexStamp(fresh, shardRows) };
  return { status: 'updated', added: added.length, deleted: gone.length, row: fresh, loaded };
}
