import type { Db } from './db';

/**
 * The full-text index over records (records_fts, migration 0008) catches up after imports instead of growing
 * inside them, so an import's hot transaction pays nothing for it. Records with ids above the watermark are
 * indexed in batches; each batch and its new watermark commit together, so a catch-up killed at any point leaves
 * exactly the records up to the watermark indexed, and the next catch-up continues from there.
 */

export interface FtsBacklog {
  indexedThrough: number;
  maxId: number;
}

export function ftsBacklog(db: Db): FtsBacklog {
  const indexedThrough = db.prepare('SELECT indexed_through FROM records_fts_state WHERE id = 1').pluck().get() as number;
  const maxId = (db.prepare('SELECT max(id) FROM records').pluck().get() as number | null) ?? 0;
  return { indexedThrough, maxId };
}

export function ftsIsCurrent(db: Db): boolean {
  const { indexedThrough, maxId } = ftsBacklog(db);
  return maxId <= indexedThrough;
}

// Contexts are stored as a JSON array; the index gets their text joined by newlines, not JSON escapes.
const INSERT_BATCH = `INSERT INTO records_fts (rowid, input, output, contexts, external_id)
  SELECT id, input, output,
    CASE WHEN json_valid(contexts) THEN (SELECT group_concat(value, char(10)) FROM json_each(contexts)) ELSE contexts END,
    coalesce(external_id, '')
  FROM records WHERE id > ? AND id <= ? ORDER BY id`;

/**
 * Indexes the next records after the watermark, up to `maxRows` of them, in one transaction. Returns how many
 * were indexed (0 when the index is current).
 */
export function catchUpFtsBatch(db: Db, maxRows: number): number {
  return db.transaction(() => {
    const from = db.prepare('SELECT indexed_through FROM records_fts_state WHERE id = 1').pluck().get() as number;
    const through = db.prepare('SELECT max(id) FROM (SELECT id FROM records WHERE id > ? ORDER BY id LIMIT ?)').pluck().get(from, maxRows) as number | null;
    if (through === null) return 0;
    const { changes } = db.prepare(INSERT_BATCH).run(from, through);
    db.prepare('UPDATE records_fts_state SET indexed_through = ? WHERE id = 1').run(through);
    return changes;
  }).immediate();
}

/** Brings the index up to date now; for callers about to run a full-text query. */
export function catchUpFts(db: Db, batchRows = 5000): number {
  if (db.readonly) return 0;
  let total = 0;
  for (;;) {
    const n = catchUpFtsBatch(db, batchRows);
    if (n === 0) return total;
    total += n;
  }
}
