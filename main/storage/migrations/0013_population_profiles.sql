-- Population-wide scored profiles (`assay profile` output, merged across a cluster) brought in with
-- `assay import <ws> profile.json --as profile`. The profile JSON is kept exactly as imported, with its sha256,
-- so figures shown or reported from it can be traced to the file; records and partitions are copied out for listing.
CREATE TABLE population_profiles (
  id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  source_path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  records INTEGER NOT NULL CHECK (records >= 0),
  partitions INTEGER NOT NULL CHECK (partitions >= 1),
  groups INTEGER NOT NULL CHECK (groups >= 0),
  -- canonical JSON of the validated profile (shared/profile/scored-profile.ts)
  profile TEXT NOT NULL
) STRICT;
