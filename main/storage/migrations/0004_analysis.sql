-- Workspace analysis: each run records exactly what produced its numbers (analyzer ids, versions, params and
-- their hash, the KB index used); findings keep scores, spans and evidence per record and analyzer.
CREATE TABLE analysis_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
  -- JSON array of {id, version, params, paramsHash}.
  analyzers TEXT NOT NULL,
  -- JSON {assetId, indexId, provider} of the KB index used for evidence, or NULL.
  kb_index TEXT,
  total INTEGER NOT NULL,
  scored INTEGER NOT NULL DEFAULT 0,
  message TEXT
) STRICT;

CREATE TABLE findings (
  record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  analyzer_id TEXT NOT NULL,
  analyzer_version TEXT NOT NULL,
  params_hash TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
  scores TEXT NOT NULL,
  spans TEXT NOT NULL,
  explanation TEXT NOT NULL,
  details TEXT,
  PRIMARY KEY (record_id, analyzer_id, analyzer_version, params_hash)
) STRICT;

CREATE INDEX findings_analyzer ON findings (analyzer_id, analyzer_version, params_hash);

-- One row per record with the latest headline scores, so the records table can sort and filter on them.
CREATE TABLE record_scores (
  record_id INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
  run_id INTEGER NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
  grounding REAL,
  answer_relevance REAL,
  context_relevance REAL,
  toxicity REAL,
  input_toxicity REAL,
  injection REAL,
  context_injection REAL,
  pii INTEGER,
  flag_hallucination INTEGER NOT NULL DEFAULT 0,
  flag_toxic INTEGER NOT NULL DEFAULT 0,
  flag_injection INTEGER NOT NULL DEFAULT 0,
  flag_pii INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX record_scores_flags ON record_scores (flag_hallucination, flag_toxic, flag_injection, flag_pii);
