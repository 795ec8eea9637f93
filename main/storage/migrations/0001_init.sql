-- Initial schema: workspace identity, versioned assets, LLM interaction records and the hash-chained audit log.
CREATE TABLE workspace (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE assets (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('logs', 'dataset', 'kb', 'prompt')),
  name TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  sha256 TEXT NOT NULL,
  source_path TEXT,
  created_at TEXT NOT NULL,
  row_count INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, name, version)
) STRICT;

CREATE INDEX assets_sha256 ON assets (sha256);

CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  external_id TEXT,
  timestamp TEXT,
  model TEXT,
  model_version TEXT,
  prompt_id TEXT,
  prompt_version TEXT,
  input TEXT NOT NULL,
  output TEXT NOT NULL,
  contexts TEXT NOT NULL DEFAULT '[]',
  tokens_in INTEGER,
  tokens_out INTEGER,
  latency_ms REAL,
  cost REAL,
  metadata TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX records_asset ON records (asset_id, id);
CREATE INDEX records_timestamp ON records (timestamp);
CREATE INDEX records_model ON records (model, prompt_version);
CREATE UNIQUE INDEX records_external_id ON records (asset_id, external_id) WHERE external_id IS NOT NULL;

-- Append-only by convention; tampering is detected by `assay audit-log verify`, which recomputes the chain.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
