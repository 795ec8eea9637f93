-- Import: the run that produced each asset version (sources, hashes, the spec to repeat it, counts), the rows it
-- quarantined, tabular datasets, knowledge bases (shared contract with retrieval) and prompt templates.

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  asset_id INTEGER REFERENCES assets (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('logs', 'dataset', 'kb')),
  format TEXT NOT NULL,
  name TEXT NOT NULL,
  -- JSON array of {path, bytes, sha256}, one per source file, in the order read.
  sources TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  -- The resolved ImportSpec (format, mapping, schema, chunking) as JSON, so the import can be repeated.
  spec TEXT NOT NULL,
  input_count INTEGER NOT NULL,
  imported INTEGER NOT NULL,
  quarantined INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  stored INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  CHECK (input_count = imported + quarantined + duplicates)
) STRICT;

CREATE INDEX imports_asset ON imports (asset_id);
CREATE INDEX imports_content ON imports (kind, content_sha256);

CREATE TABLE import_quarantine (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  file TEXT NOT NULL,
  line INTEGER,
  byte_offset INTEGER,
  field TEXT,
  reason TEXT NOT NULL,
  -- The input as read, cut to a few KiB so one huge bad row cannot bloat the workspace.
  raw TEXT
) STRICT;

CREATE INDEX import_quarantine_import ON import_quarantine (import_id, id);

-- Tabular datasets are stored by column: drift and metrics read one or two columns over all rows, so each
-- column is kept as chunks of up to 4096 typed values (a JSON array), aligned across columns by chunk_index.
CREATE TABLE dataset_columns (
  asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('number', 'integer', 'boolean', 'datetime', 'categorical', 'text')),
  role TEXT NOT NULL CHECK (role IN ('feature', 'prediction', 'score', 'target', 'timestamp', 'segment', 'id', 'ignore')),
  PRIMARY KEY (asset_id, position),
  UNIQUE (asset_id, name)
) STRICT;

CREATE TABLE dataset_chunks (
  asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  chunk_index INTEGER NOT NULL,
  row_start INTEGER NOT NULL,
  row_count INTEGER NOT NULL,
  "values" TEXT NOT NULL,
  PRIMARY KEY (asset_id, position, chunk_index)
) STRICT;

-- Knowledge bases: the table contract shared with the retrieval side.
CREATE TABLE kb_documents (
  asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL,
  title TEXT,
  sha256 TEXT NOT NULL,
  char_count INTEGER NOT NULL,
  PRIMARY KEY (asset_id, doc_id)
) STRICT;

CREATE TABLE kb_chunks (
  id INTEGER PRIMARY KEY,
  asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL,
  title TEXT,
  chunk_index INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL
) STRICT;

CREATE INDEX kb_chunks_asset_doc ON kb_chunks (asset_id, doc_id, chunk_index);

-- What a KB version changed against the previous version of the same name.
CREATE TABLE kb_changes (
  asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  previous_asset_id INTEGER REFERENCES assets (id) ON DELETE SET NULL,
  doc_id TEXT NOT NULL,
  change TEXT NOT NULL CHECK (change IN ('added', 'removed', 'changed')),
  PRIMARY KEY (asset_id, doc_id)
) STRICT;

-- Prompt templates seen in logs; each distinct (prompt id, version label, template) is one prompt asset version.
CREATE TABLE prompt_templates (
  asset_id INTEGER PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
  prompt_id TEXT NOT NULL,
  prompt_version TEXT,
  template TEXT,
  first_import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX prompt_templates_id ON prompt_templates (prompt_id, prompt_version);
