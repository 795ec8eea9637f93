import type { Db } from './db';
import type { KbChunkRow } from './kb-repo';

/** What an index covers: the chunks of one KB asset version, or all log records. */
export type IndexSource = 'kb' | 'records';

export interface VectorIndexRow {
  id: number;
  source: IndexSource;
  assetId: number | null;
  assetSha256: string | null;
  providerId: string;
  providerVersion: string;
  providerParams: string;
  providerKey: string;
  /** Where the provider's files are (an ONNX model folder); null for the built-in provider. */
  providerSource: string | null;
  dimension: number;
  idfDocs: number;
  space: 'cosine' | 'ip' | 'l2';
  m: number;
  efConstruction: number;
  efSearch: number;
  seed: number;
  itemCount: number;
  deletedCount: number;
  skippedCount: number;
  corpusCount: number;
  corpusMaxId: number;
  buildMs: number;
  createdAt: string;
  updatedAt: string;
}

export interface ShardRow {
  shard: number;
  file: string;
  sha256: string;
  bytes: number;
  itemCount: number;
  maxElements: number;
}

export type NewVectorIndex = Omit<VectorIndexRow, 'id' | 'createdAt' | 'updatedAt'> & { idfDf: Uint8Array | null };

const INDEX_COLUMNS = `id, source, asset_id AS assetId, asset_sha256 AS assetSha256, provider_id AS providerId,
  provider_version AS providerVersion, provider_params AS providerParams, provider_key AS providerKey, provider_source AS providerSource, dimension,
  idf_docs AS idfDocs, space, m, ef_construction AS efConstruction, ef_search AS efSearch, seed, item_count AS itemCount,
  deleted_count AS deletedCount, skipped_count AS skippedCount, corpus_count AS corpusCount, corpus_max_id AS corpusMaxId,
  build_ms AS buildMs, created_at AS createdAt, updated_at AS updatedAt`;

export function listVectorIndexes(db: Db): VectorIndexRow[] {
  return db.prepare(`SELECT ${INDEX_COLUMNS} FROM vector_indexes ORDER BY source, asset_id`).all() as VectorIndexRow[];
}

export function getVectorIndex(db: Db, id: number): VectorIndexRow | undefined {
  return db.prepare(`SELECT ${INDEX_COLUMNS} FROM vector_indexes WHERE id = ?`).get(id) as VectorIndexRow | undefined;
}

export function findVectorIndex(db: Db, source: IndexSource, assetId: number | null): VectorIndexRow | undefined {
  return db.prepare(`SELECT ${INDEX_COLUMNS} FROM vector_indexes WHERE source = ? AND coalesce(asset_id, 0) = ?`)
    .get(source, assetId ?? 0) as VectorIndexRow | undefined;
}

export function getIndexIdf(db: Db, id: number): Uint8Array | null {
  const row = db.prepare('SELECT idf_df AS df FROM vector_indexes WHERE id = ?').get(id) as { df: Buffer | null } | undefined;
  return row?.df ?? null;
}

export function listShards(db: Db, indexId: number): ShardRow[] {
  return db.prepare(`SELECT shard, file, sha256, bytes, item_count AS itemCount, max_elements AS maxElements
    FROM vector_index_shards WHERE index_id = ? ORDER BY shard`).all(indexId) as ShardRow[];
}

export function allShardFiles(db: Db): Set<string> {
  return new Set(db.prepare('SELECT file FROM vector_index_shards').pluck().all() as string[]);
}

/** Inserts a built index with its shards and item map; call inside the transaction that replaces the old one. */
export function insertVectorIndex(db: Db, ix: NewVectorIndex, shards: ShardRow[], items: Iterable<readonly [number, number]>): number {
  const now = new Date().toISOString();
  const info = db.prepare(`INSERT INTO vector_indexes (source, asset_id, asset_sha256, provider_id, provider_version, provider_params,
    provider_key, provider_source, dimension, idf_df, idf_docs, space, m, ef_construction, ef_search, seed, item_count, deleted_count,
    skipped_count, corpus_count, corpus_max_id, build_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(ix.source, ix.assetId, ix.assetSha256, ix.providerId, ix.providerVersion, ix.providerParams, ix.providerKey, ix.providerSource, ix.dimension,
      ix.idfDf, ix.idfDocs, ix.space, ix.m, ix.efConstruction, ix.efSearch, ix.seed, ix.itemCount, ix.deletedCount, ix.skippedCount,
      ix.corpusCount, ix.corpusMaxId, ix.buildMs, now, now);
  const id = Number(info.lastInsertRowid);
  for (const s of shards) upsertShard(db, id, s);
  insertItems(db, id, items);
  return id;
}

export function deleteVectorIndex(db: Db, id: number): ShardRow[] {
  const shards = listShards(db, id);
  db.prepare('DELETE FROM vector_indexes WHERE id = ?').run(id);
  return shards;
}

export function upsertShard(db: Db, indexId: number, s: ShardRow): void {
  db.prepare(`INSERT INTO vector_index_shards (index_id, shard, file, sha256, bytes, item_count, max_elements) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (index_id, shard) DO UPDATE SET file = excluded.file, sha256 = excluded.sha256, bytes = excluded.bytes,
    item_count = excluded.item_count, max_elements = excluded.max_elements`)
    .run(indexId, s.shard, s.file, s.sha256, s.bytes, s.itemCount, s.maxElements);
}

export function insertItems(db: Db, indexId: number, items: Iterable<readonly [number, number]>): void {
  const stmt = db.prepare(`INSERT INTO vector_index_items (index_id, item_id, shard, deleted) VALUES (?, ?, ?, 0)
    ON CONFLICT (index_id, item_id) DO UPDATE SET shard = excluded.shard, deleted = 0`);
  for (const [itemId, shard] of items) stmt.run(indexId, itemId, shard);
}

export function markItemsDeleted(db: Db, indexId: number, itemIds: readonly number[]): void {
  const stmt = db.prepare('UPDATE vector_index_items SET deleted = 1 WHERE index_id = ? AND item_id = ?');
  for (const id of itemIds) stmt.run(indexId, id);
}

export interface IndexCounts {
  itemCount: number;
  deletedCount: number;
  skippedCount: number;
  corpusCount: number;
  corpusMaxId: number;
}

export function updateIndexCounts(db: Db, indexId: number, c: IndexCounts): void {
  db.prepare(`UPDATE vector_indexes SET item_count = ?, deleted_count = ?, skipped_count = ?, corpus_count = ?, corpus_max_id = ?,
    updated_at = ? WHERE id = ?`).run(c.itemCount, c.deletedCount, c.skippedCount, c.corpusCount, c.corpusMaxId, new Date().toISOString(), indexId);
}

/** Item ids with their shard (live items only; shard -1 = stored without a vector). */
export function itemShards(db: Db, indexId: number, itemIds: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  const stmt = db.prepare('SELECT shard FROM vector_index_items WHERE index_id = ? AND item_id = ? AND deleted = 0').pluck();
  for (const id of itemIds) {
    const shard = stmt.get(indexId, id) as number | undefined;
    if (shard !== undefined) out.set(id, shard);
  }
  return out;
}

// ---- the corpus an index is built from -------------------------------------------------------------------

/** The text a records index embeds: the question and the answer, so a search finds either. */
const RECORD_TEXT = "input || char(10) || char(10) || output";

function corpusFrom(source: IndexSource): { table: string; text: string; scope: string } {
  return source === 'kb'
    ? { table: 'kb_chunks', text: 'text', scope: 'asset_id = @assetId' }
    : { table: 'records', text: RECORD_TEXT, scope: '1 = 1' };
}

export interface CorpusStats {
  count: number;
  maxId: number;
}

export function corpusStats(db: Db, source: IndexSource, assetId: number | null): CorpusStats {
  const c = corpusFrom(source);
  const row = db.prepare(`SELECT count(*) AS count, coalesce(max(id), 0) AS maxId FROM ${c.table} WHERE ${c.scope}`)
    .get({ assetId }) as CorpusStats;
  return row;
}

/** The rows of one shard (row id modulo shard count), in id order, so each build is reproducible. */
export function corpusShardRows(db: Db, source: IndexSource, assetId: number | null, shard: number, shards: number): IterableIterator<{ id: number; text: string }> {
  const c = corpusFrom(source);
  return db.prepare(`SELECT id, ${c.text} AS text FROM ${c.table} WHERE ${c.scope} AND id % @shards = @shard ORDER BY id`)
    .iterate({ assetId, shard, shards }) as IterableIterator<{ id: number; text: string }>;
}

export function corpusRowsByIds(db: Db, source: IndexSource, ids: readonly number[]): { id: number; text: string }[] {
  const c = corpusFrom(source);
  const stmt = db.prepare(`SELECT id, ${c.text} AS text FROM ${c.table} WHERE id = ?`);
  const out: { id: number; text: string }[] = [];
  for (const id of ids) {
    const row = stmt.get(id) as { id: number; text: string } | undefined;
    if (row) out.push(row);
  }
  return out;
}

/** Corpus rows the index does not hold yet. */
export function unindexedIds(db: Db, indexId: number, source: IndexSource, assetId: number | null): number[] {
  const c = corpusFrom(source);
  return db.prepare(`SELECT id FROM ${c.table} WHERE ${c.scope} AND id NOT IN
    (SELECT item_id FROM vector_index_items WHERE index_id = @indexId AND deleted = 0) ORDER BY id`).pluck().all({ assetId, indexId }) as number[];
}

/** Live index items whose corpus row is gone. */
export function vanishedItemIds(db: Db, indexId: number, source: IndexSource, assetId: number | null): number[] {
  const c = corpusFrom(source);
  return db.prepare(`SELECT item_id FROM vector_index_items WHERE index_id = @indexId AND deleted = 0 AND item_id NOT IN
    (SELECT id FROM ${c.table} WHERE ${c.scope}) ORDER BY item_id`).pluck().all({ assetId, indexId }) as number[];
}

// ---- query-time filters and hit rows ---------------------------------------------------------------------

export interface RecordFilterSpec {
  assetId?: number;
  model?: string;
  from?: string;
  to?: string;
}

/** Ids of records that pass the filter (timestamps compare as ISO-8601 text, `to` inclusive). */
export function filteredRecordIds(db: Db, f: RecordFilterSpec): number[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.assetId !== undefined) { where.push('asset_id = ?'); args.push(f.assetId); }
  if (f.model !== undefined) { where.push('model = ?'); args.push(f.model); }
  if (f.from !== undefined) { where.push('timestamp >= ?'); args.push(f.from); }
  if (f.to !== undefined) { where.push('timestamp <= ?'); args.push(f.to); }
  return db.prepare(`SELECT id FROM records ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().all(...args) as number[];
}

/** A stored chunk as search hits show it: the KB row plus its id and asset. */
export interface KbChunkHitRow extends KbChunkRow {
  id: number;
  assetId: number;
}

export function kbChunkRows(db: Db, ids: readonly number[]): Map<number, KbChunkHitRow> {
  const stmt = db.prepare(`SELECT id, asset_id AS assetId, doc_id AS docId, title, chunk_index AS chunkIndex, start_offset AS startOffset,
    end_offset AS endOffset, text FROM kb_chunks WHERE id = ?`);
  const out = new Map<number, KbChunkHitRow>();
  for (const id of ids) {
    const row = stmt.get(id) as KbChunkHitRow | undefined;
    if (row) out.set(id, row);
  }
  return out;
}

export interface RecordHitRow {
  id: number;
  assetId: number;
  externalId: string | null;
  timestamp: string | null;
  model: string | null;
  input: string;
  output: string;
}

export function recordHitRows(db: Db, ids: readonly number[]): Map<number, RecordHitRow> {
  const stmt = db.prepare(`SELECT id, asset_id AS assetId, external_id AS externalId, timestamp, model, input, output FROM records WHERE id = ?`);
  const out = new Map<number, RecordHitRow>();
  for (const id of ids) {
    const row = stmt.get(id) as RecordHitRow | undefined;
    if (row) out.set(id, row);
  }
  return out;
}

export interface KbAssetRef {
  id: number;
  name: string;
  version: number;
  sha256: string;
}

/** A KB asset by id, or the most recently imported one. */
export function kbAsset(db: Db, assetId?: number): KbAssetRef | undefined {
  return (assetId === undefined
    ? db.prepare("SELECT id, name, version, sha256 FROM assets WHERE kind = 'kb' ORDER BY id DESC LIMIT 1").get()
    : db.prepare("SELECT id, name, version, sha256 FROM assets WHERE kind = 'kb' AND id = ?").get(assetId)) as KbAssetRef | undefined;
}

export function kbDocIds(db: Db, assetId: number): Set<string> {
  return new Set(db.prepare('SELECT DISTINCT doc_id FROM kb_chunks WHERE asset_id = ?').pluck().all(assetId) as string[]);
}

/** Chunk id -> document id for one KB asset (retrieval evaluation ranks documents, not chunks). */
export function kbChunkDocIds(db: Db, assetId: number): Map<number, string> {
  const out = new Map<number, string>();
  const rows = db.prepare('SELECT id, doc_id AS docId FROM kb_chunks WHERE asset_id = ?').iterate(assetId) as IterableIterator<{ id: number; docId: string }>;
  for (const r of rows) out.set(r.id, r.docId);
  return out;
}
