import { RecordViewSpec, type RecordView } from '../../shared/contract/records-schemas';
import type { Db } from './db';

interface ViewRow { id: number; name: string; spec: string; created_at: string; updated_at: string }

function toView(row: ViewRow): RecordView {
  // A spec written by an older build may lack newer fields: parsing fills defaults and drops nothing valid.
  return { ...RecordViewSpec.parse(JSON.parse(row.spec)), id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function listRecordViews(db: Db): RecordView[] {
  return (db.prepare('SELECT * FROM record_views ORDER BY name COLLATE NOCASE').all() as ViewRow[]).map(toView);
}

/** Creates the view or replaces the one with the same name; call inside Workspace.mutate. */
export function saveRecordView(db: Db, name: string, spec: RecordViewSpec): RecordView {
  const now = new Date().toISOString();
  db.prepare(`INSERT INTO record_views (name, spec, created_at, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at`).run(name, JSON.stringify(spec), now, now);
  return toView(db.prepare('SELECT * FROM record_views WHERE name = ?').get(name) as ViewRow);
}

/** Call inside Workspace.mutate. */
export function deleteRecordView(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM record_views WHERE name = ?').run(name).changes === 1;
}
