-- Vector indexes: HNSW files under indexes/ are rebuildable caches; these rows say what each file holds, how it
-- was built (provider, parameters, fitted IDF) and its sha256, so a changed or truncated file is refused.

CREATE TABLE vector_indexes (
  id INTEGER PRIMARY KEY,
  -- 'kb': the chunks of one KB asset version; 'records': all log records (filtered at query time).
  source TEXT NOT NULL CHECK (source IN ('kb', 'records')),
  asset_id INTEGER REFERENCES assets (id) ON DELETE CASCADE,
  -- The asset version's sha256 at build time, so a report can name exactly what was indexed.
  asset_sha256 TEXT,
  provider_id TEXT NOT NULL,
  provider_version TEXT NOT NULL,
  -- Canonical JSON of the provider's params (including the IDF fingerprint); provider_key hashes the whole spec.
  provider_params TEXT NOT NULL,
  provider_key TEXT NOT NULL,
  dimension INTEGER NOT NULL CHECK (dimension > 0),
  -- Document frequencies per feature hash (Uint32, little-endian) for providers that fit IDF; NULL otherwise.
  idf_df BLOB,
  idf_docs INTEGER NOT NULL DEFAULT 0,
  space TEXT NOT NULL CHECK (space IN ('cosine', 'ip', 'l2')),
  m INTEGER NOT NULL,
  ef_construction INTEGER NOT NULL,
  ef_search INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  -- Live vectors (added minus deleted) and rows that had nothing to embed (empty text).
  item_count INTEGER NOT NULL,
  deleted_count INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  -- Corpus watermark at the last build or update: a cheap staleness check for the records index.
  corpus_count INTEGER NOT NULL,
  corpus_max_id INTEGER NOT NULL,
  build_ms INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- One current index per source and asset (asset 0 stands for "all records").
CREATE UNIQUE INDEX vector_indexes_scope ON vector_indexes (source, coalesce(asset_id, 0));

CREATE TABLE vector_index_shards (
  index_id INTEGER NOT NULL REFERENCES vector_indexes (id) ON DELETE CASCADE,
  shard INTEGER NOT NULL,
  -- File name inside the workspace's indexes/ folder.
  file TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  item_count INTEGER NOT NULL,
  max_elements INTEGER NOT NULL,
  PRIMARY KEY (index_id, shard)
) STRICT;

-- Which row (kb_chunks.id or records.id, also the HNSW label) lives in which shard; shard -1 = nothing to embed.
CREATE TABLE vector_index_items (
  index_id INTEGER NOT NULL REFERENCES vector_indexes (id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL,
  shard INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  PRIMARY KEY (index_id, item_id)
) STRICT, WITHOUT ROWID;
