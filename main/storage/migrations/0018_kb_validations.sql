-- Retrieval results of `assay kb validate`: the validated KB version's rank of the first gold document for each
-- question of a fixed set, so a release gate can test retrieval hit@k without running the questions again.
CREATE TABLE kb_validations (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  kb_asset_id INTEGER NOT NULL REFERENCES assets(id),
  against_asset_id INTEGER REFERENCES assets(id),
  k INTEGER NOT NULL CHECK (k >= 1),
  questions_path TEXT,
  questions_sha256 TEXT NOT NULL,
  -- JSON array, one entry per question: the 1-based rank of the first gold document within the top k, or null.
  ranks TEXT NOT NULL,
  regressed INTEGER NOT NULL CHECK (regressed IN (0, 1))
) STRICT;

CREATE INDEX kb_validations_by_kb ON kb_validations (kb_asset_id, id);
