import type { IndexCheck } from '../../shared/contract/retrieval-schemas';
import { deleteVectorIndex, getVectorIndex, listVectorIndexes } from '../storage/indexes-repo';
import type { Workspace } from '../storage/workspace';
import { IndexError } from './index-error';
import { removeIndexFiles } from './index-files';
import { loadIndex } from './loaded-index';

/** Loads every index as a query would (files present, sha256 as recorded, structure sound, provider runnable). */
export function verifyIndexes(ws: Workspace): IndexCheck[] {
  return listVectorIndexes(ws.db).map((row) => {
    try {
      loadIndex(ws, row);
      return { indexId: row.id, source: row.source, assetId: row.assetId, ok: true, problem: null };
    } catch (err) {
      if (!(err instanceof IndexError)) throw err;
      return { indexId: row.id, source: row.source, assetId: row.assetId, ok: false, problem: err.message };
    }
  });
}

/** Removes an index: its rows (with an audit entry) and then its files. */
export function dropIndex(ws: Workspace, indexId: number): boolean {
  if (!getVectorIndex(ws.db, indexId)) return false;
  const shards = ws.mutate('index.dropped', (db) => deleteVectorIndex(db, indexId), (s) => ({ indexId, files: s.map((x) => x.file) }));
  removeIndexFiles(ws.indexesDir, shards.map((s) => s.file));
  return true;
}
