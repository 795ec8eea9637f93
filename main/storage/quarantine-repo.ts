import type { QuarantineEntry, QuarantinePage, QuarantineRow } from '../../shared/contract/import-schemas';
import type { Db } from './db';

/** Raw input kept with a quarantined row is cut here: enough to see what was wrong, never a 50 MB line. */
export const QUARANTINE_RAW_MAX = 4096;

export interface QuarantineWrite extends QuarantineEntry {
  raw: string | null;
}

/** A prepared writer for one import run's quarantine; call inside the import's transaction. */
export function quarantineWriter(db: Db, importId: number): (q: QuarantineWrite) => void {
  const stmt = db.prepare('INSERT INTO import_quarantine (import_id, file, line, byte_offset, field, reason, raw) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return (q) => {
    const raw = q.raw === null ? null : q.raw.length > QUARANTINE_RAW_MAX ? `${q.raw.slice(0, QUARANTINE_RAW_MAX)}…` : q.raw;
    stmt.run(importId, q.file, q.line, q.byteOffset, q.field, q.reason, raw);
  };
}

interface Row {
  id: number;
  import_id: number;
  file: string;
  line: number | null;
  byte_offset: number | null;
  field: string | null;
  reason: string;
  raw: string | null;
}

function toRow(r: Row): QuarantineRow {
  return { id: r.id, importId: r.import_id, file: r.file, line: r.line, byteOffset: r.byte_offset, field: r.field, reason: r.reason, raw: r.raw };
}

export interface QuarantineSelector {
  importId?: number;
  assetId?: number;
}

function where(sel: QuarantineSelector): { sql: string; args: number[] } {
  if (sel.importId !== undefined) return { sql: 'import_id = ?', args: [sel.importId] };
  return { sql: 'import_id IN (SELECT id FROM imports WHERE asset_id = ?)', args: [sel.assetId ?? -1] };
}

export function listQuarantine(db: Db, sel: QuarantineSelector, offset: number, limit: number): QuarantinePage {
  const w = where(sel);
  const total = (db.prepare(`SELECT count(*) AS n FROM import_quarantine WHERE ${w.sql}`).get(...w.args) as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM import_quarantine WHERE ${w.sql} ORDER BY id LIMIT ? OFFSET ?`).all(...w.args, limit, offset) as Row[];
  return { total, rows: rows.map(toRow) };
}

export function* iterateQuarantine(db: Db, sel: QuarantineSelector): Generator<QuarantineRow> {
  const w = where(sel);
  for (const r of db.prepare(`SELECT * FROM import_quarantine WHERE ${w.sql} ORDER BY id`).iterate(...w.args) as IterableIterator<Row>) yield toRow(r);
}
