-- Version comparisons, release gates, the workspace's price table and cost budgets. Comparisons and gate runs
-- keep the exact JSON they reported (and its sha256) so a signed report can cite them unchanged.
CREATE TABLE comparisons (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  by_axis TEXT NOT NULL CHECK (by_axis IN ('model', 'model_version', 'prompt_version', 'asset', 'kb_version')),
  side_a TEXT NOT NULL,
  side_b TEXT NOT NULL,
  -- JSON {metrics, correction, seed, resamples} as requested.
  params TEXT NOT NULL,
  -- JSON of the comparison as `assay compare --json` prints it.
  result TEXT NOT NULL,
  result_sha256 TEXT NOT NULL
) STRICT;

CREATE TABLE gate_runs (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  policy_path TEXT,
  policy_sha256 TEXT NOT NULL,
  passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
  -- JSON array of {name, metric, scope, op, threshold, value, passed, detail}.
  results TEXT NOT NULL
) STRICT;

-- Prices in USD per million tokens. Empty until the first edit; until then the table pinned in the repo
-- (shared/cost/prices.json) applies. A row is never rewritten in place: an edit closes the old row and adds one.
CREATE TABLE price_entries (
  id INTEGER PRIMARY KEY,
  model_pattern TEXT NOT NULL,
  input_per_mtok REAL NOT NULL CHECK (input_per_mtok >= 0),
  output_per_mtok REAL NOT NULL CHECK (output_per_mtok >= 0),
  cached_input_per_mtok REAL CHECK (cached_input_per_mtok IS NULL OR cached_input_per_mtok >= 0),
  effective_from TEXT NOT NULL,
  effective_to TEXT,
  source TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;

CREATE TABLE budgets (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('model', 'prompt_version')),
  value TEXT NOT NULL,
  period TEXT NOT NULL CHECK (period IN ('day', 'month', 'total')),
  limit_usd REAL NOT NULL CHECK (limit_usd > 0),
  created_at TEXT NOT NULL,
  UNIQUE (scope, value, period)
) STRICT;
