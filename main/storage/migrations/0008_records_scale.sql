-- Records at scale: full-text search, indexes for every sort the Records table offers, and saved views.

-- Full-text index over what a user searches for. Contentless (the text stays in `records` only) with deletes
-- allowed, so it costs the index alone. It is NOT maintained by the import: a catch-up indexes records with ids
-- above `records_fts_state.indexed_through` in batches after an import commits, each batch moving the watermark
-- in its own transaction, so a killed catch-up leaves the index and the watermark in step.
CREATE VIRTUAL TABLE records_fts USING fts5(
  input, output, contexts, external_id,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE records_fts_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through INTEGER NOT NULL
) STRICT;
INSERT INTO records_fts_state (id, indexed_through) VALUES (1, 0);

-- Deleted records leave the index in the delete's own transaction. Ids above the highest remaining record can be
-- handed out again, so the watermark drops to it and the catch-up indexes those ids when they return.
CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
  DELETE FROM records_fts WHERE rowid = old.id;
  UPDATE records_fts_state SET indexed_through = coalesce((SELECT max(id) FROM records), 0)
    WHERE indexed_through > coalesce((SELECT max(id) FROM records), 0);
END;

-- Keyset pagination walks (sort value, id) in index order; an index on one column already ends with the rowid.
-- records_id is the rowid alone: walks in id order that need no other column (unscored records, counts) read it
-- instead of the table with all its text.
CREATE INDEX records_id ON records (id);
CREATE INDEX records_model_only ON records (model);
CREATE INDEX records_prompt_version ON records (prompt_version);
CREATE INDEX records_tokens_in ON records (tokens_in);
CREATE INDEX records_tokens_out ON records (tokens_out);
CREATE INDEX records_latency ON records (latency_ms);
CREATE INDEX records_cost ON records (cost);
CREATE INDEX record_scores_grounding ON record_scores (grounding);
CREATE INDEX record_scores_toxicity ON record_scores (toxicity);
CREATE INDEX record_scores_injection ON record_scores (max(coalesce(injection, 0), coalesce(context_injection, 0)));
CREATE INDEX record_scores_pii ON record_scores (pii);

-- A saved view of the Records table: its filter, sort and columns, by name.
CREATE TABLE record_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  -- JSON of the RecordView's filter, sort and columns (validated by its zod schema when read).
  spec TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
