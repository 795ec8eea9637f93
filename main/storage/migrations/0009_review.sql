-- Review workbench: seeded, reproducible review queues (the design an auditor must be able to redraw), their items,
-- each reviewer's current verdict per item, and the history of every verdict change so undo restores the old value.
CREATE TABLE review_queues (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('random', 'stratified', 'risk')),
  -- Stratification column (flag, model, promptVersion) and allocation (proportional, equal), NULL otherwise.
  strata TEXT,
  allocation TEXT,
  seed INTEGER NOT NULL,
  -- JSON of the population filter as given (asset, model, prompt version, flag, time range, score ranges).
  filter TEXT NOT NULL,
  population INTEGER NOT NULL,
  -- sha256 of the population's record ids, ascending, one per line: proves which records the sample came from.
  population_sha256 TEXT NOT NULL,
  confidence REAL NOT NULL,
  tolerable REAL NOT NULL,
  expected REAL NOT NULL,
  n INTEGER NOT NULL,
  -- JSON review config: labels, blind, minReviews, assignees, allowCorrection.
  config TEXT NOT NULL
) STRICT;

CREATE TABLE review_items (
  queue_id INTEGER NOT NULL REFERENCES review_queues (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  stratum TEXT,
  PRIMARY KEY (queue_id, position),
  UNIQUE (queue_id, record_id)
) STRICT;

CREATE TABLE review_verdicts (
  queue_id INTEGER NOT NULL REFERENCES review_queues (id) ON DELETE CASCADE,
  record_id INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail', 'unsure')),
  labels TEXT NOT NULL DEFAULT '[]',
  comment TEXT,
  corrected_output TEXT,
  at TEXT NOT NULL,
  PRIMARY KEY (queue_id, record_id, reviewer),
  FOREIGN KEY (queue_id, record_id) REFERENCES review_items (queue_id, record_id) ON DELETE CASCADE
) STRICT;

CREATE INDEX review_verdicts_reviewer ON review_verdicts (queue_id, reviewer);

-- Each change of a reviewer's verdict with the value before and after (JSON or NULL); undo marks the row undone.
CREATE TABLE review_verdict_history (
  id INTEGER PRIMARY KEY,
  queue_id INTEGER NOT NULL REFERENCES review_queues (id) ON DELETE CASCADE,
  record_id INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  at TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX review_history_reviewer ON review_verdict_history (queue_id, reviewer, id);
