-- audit_log becomes append-only in SQLite itself: the hash chain shows an edit, but not the removal of the newest
-- entries, so UPDATE and DELETE are refused outright (reports also anchor the log's Merkle root; see audit-merkle.ts).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;

-- Reports written from this workspace: what was signed (hashes), where the files went, and the audit tree size
-- the report anchored, so the next report can carry a consistency proof from it.
CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  out_dir TEXT NOT NULL,
  json_sha256 TEXT NOT NULL,
  pdf_sha256 TEXT,
  key_id TEXT,
  audit_length INTEGER NOT NULL,
  audit_head TEXT NOT NULL,
  merkle_root TEXT NOT NULL,
  records INTEGER NOT NULL,
  findings INTEGER NOT NULL,
  scope TEXT NOT NULL
) STRICT;
