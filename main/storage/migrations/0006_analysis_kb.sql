-- The knowledge base behind grounding is chosen per analysis run, not taken silently from the newest import:
-- each run records the KB asset version it used, each grounding finding the KB its record could retrieve from,
-- and a logs asset can be bound to a KB so its records without contexts are grounded against it.
ALTER TABLE analysis_runs ADD COLUMN kb_asset_id INTEGER REFERENCES assets (id) ON DELETE SET NULL;

-- NULL when the record had no KB evidence (contexts only, or not applicable).
ALTER TABLE findings ADD COLUMN kb_asset_id INTEGER REFERENCES assets (id) ON DELETE SET NULL;

CREATE TABLE asset_kb_bindings (
  asset_id INTEGER PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
  kb_asset_id INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
  bound_at TEXT NOT NULL
) STRICT;
