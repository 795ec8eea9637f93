import type Database from 'better-sqlite3';

/**
 * Tests that play an attacker with write access to assay.db first drop the append-only triggers (migration 0011),
 * as such an attacker could; what must still catch the edit is the hash chain or a report's Merkle anchor.
 */
export function dropAuditTriggers(db: Database.Database): void {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").pluck().all() as string[];
  for (const name of names) db.exec(`DROP TRIGGER "${name.replace(/"/g, '""')}"`);
}
