-- Records summed per (asset, model, prompt version): how many, their tokens, cost and latency. The Records page's
-- counts, totals and filter choices without a search or a flag filter are read from these few rows instead of an
-- index over every record (at a million records each such read took 1.5-2 s while the index was not yet in
-- memory, the first load after a start). Records up to `counted_through` are counted; an import counts its own in
-- its transaction (records-groups.ts), and a read adds any records above the watermark (written another way).
CREATE TABLE record_groups (
  id INTEGER PRIMARY KEY,
  asset_id INTEGER NOT NULL,
  model TEXT,
  prompt_version TEXT,
  records INTEGER NOT NULL,
  tokens_in INTEGER NOT NULL,
  tokens_out INTEGER NOT NULL,
  -- Sums over the records that have the value, and how many have it (a mean and a null total need the count).
  cost REAL NOT NULL,
  cost_records INTEGER NOT NULL,
  latency_ms REAL NOT NULL,
  latency_records INTEGER NOT NULL
) STRICT;
CREATE INDEX record_groups_key ON record_groups (asset_id, model, prompt_version);

CREATE TABLE record_groups_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  counted_through INTEGER NOT NULL
) STRICT;

INSERT INTO record_groups (asset_id, model, prompt_version, records, tokens_in, tokens_out, cost, cost_records, latency_ms, latency_records)
  SELECT asset_id, model, prompt_version, count(*), coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0),
    coalesce(sum(cost), 0), count(cost), coalesce(sum(latency_ms), 0), count(latency_ms)
  FROM records GROUP BY asset_id, model, prompt_version;
INSERT INTO record_groups_state (id, counted_through) VALUES (1, coalesce((SELECT max(id) FROM records), 0));

-- Records are never updated, only inserted and deleted (with their asset). A deleted record that was counted
-- leaves its group in the delete's transaction; ids above the highest remaining record can be handed out again,
-- so the watermark drops to it (as records_fts_state does) and those ids are counted when they return.
CREATE TRIGGER record_groups_delete AFTER DELETE ON records
  WHEN old.id <= (SELECT counted_through FROM record_groups_state WHERE id = 1)
BEGIN
  UPDATE record_groups SET records = records - 1,
      tokens_in = tokens_in - coalesce(old.tokens_in, 0), tokens_out = tokens_out - coalesce(old.tokens_out, 0),
      cost = cost - coalesce(old.cost, 0), cost_records = cost_records - (old.cost IS NOT NULL),
      latency_ms = latency_ms - coalesce(old.latency_ms, 0), latency_records = latency_records - (old.latency_ms IS NOT NULL)
    WHERE asset_id = old.asset_id AND model IS old.model AND prompt_version IS old.prompt_version;
  DELETE FROM record_groups
    WHERE asset_id = old.asset_id AND model IS old.model AND prompt_version IS old.prompt_version AND records <= 0;
  UPDATE record_groups_state SET counted_through = coalesce((SELECT max(id) FROM records), 0)
    WHERE counted_through > coalesce((SELECT max(id) FROM records), 0);
END;
