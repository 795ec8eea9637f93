import type { Db } from './db';

/**
 * Temporary tables (per connection, never in the workspace file) where trace-shaped imports park spans until
 * every file is read: spans of one trace may be spread across files and batches, and holding them in SQLite
 * keeps memory flat whatever the export size.
 */
export interface StagedUnit {
  seq: number;
  traceId: string;
  unitId: string;
  kind: 'span' | 'log' | 'trace';
  startMs: number | null;
  body: string;
  file: string;
  line: number | null;
  byteOffset: number | null;
}

export interface UnitStaging {
  /** Parks a unit; false when a unit with the same id is already parked (the caller compares bodies). */
  put(u: Omit<StagedUnit, 'seq'>): boolean;
  existingBody(unitId: string): string | undefined;
  /** Trace ids in order, a page at a time (better-sqlite3 cannot run other statements while iterating). */
  traceIds(after: string | null, limit: number): string[];
  unitsOf(traceId: string): StagedUnit[];
  count(): number;
}

export function createUnitStaging(db: Db): UnitStaging {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_stage (
    seq INTEGER PRIMARY KEY, trace_id TEXT NOT NULL, unit_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    start_ms REAL, body TEXT NOT NULL, file TEXT NOT NULL, line INTEGER, byte_offset INTEGER)`);
  db.exec('CREATE INDEX IF NOT EXISTS temp.import_stage_trace ON import_stage (trace_id, start_ms, seq)');
  db.exec('DELETE FROM temp.import_stage');
  const put = db.prepare(`INSERT INTO temp.import_stage (trace_id, unit_id, kind, start_ms, body, file, line, byte_offset)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id) DO NOTHING`);
  const existing = db.prepare('SELECT body FROM temp.import_stage WHERE unit_id = ?').pluck();
  const first = db.prepare('SELECT trace_id FROM temp.import_stage GROUP BY trace_id ORDER BY trace_id LIMIT ?').pluck();
  const next = db.prepare('SELECT trace_id FROM temp.import_stage WHERE trace_id > ? GROUP BY trace_id ORDER BY trace_id LIMIT ?').pluck();
  const units = db.prepare(`SELECT seq, trace_id AS traceId, unit_id AS unitId, kind, start_ms AS startMs, body, file, line, byte_offset AS byteOffset
    FROM temp.import_stage WHERE trace_id = ? ORDER BY start_ms IS NULL, start_ms, seq`);
  const count = db.prepare('SELECT count(*) FROM temp.import_stage').pluck();
  return {
    put: (u) => put.run(u.traceId, u.unitId, u.kind, u.startMs, u.body, u.file, u.line, u.byteOffset).changes === 1,
    existingBody: (id) => existing.get(id) as string | undefined,
    traceIds: (after, limit) => (after === null ? first.all(limit) : next.all(after, limit)) as string[],
    unitsOf: (traceId) => units.all(traceId) as StagedUnit[],
    count: () => count.get() as number,
  };
}

export function dropUnitStaging(db: Db): void {
  db.exec('DROP TABLE IF EXISTS temp.import_stage');
}
