import type { ImportKind, ImportRun, ResolvedSpec, SourceFile } from '../../shared/contract/import-schemas';
import type { Db } from './db';

/** One import run: inserted when the run starts (inside its transaction) and completed when it commits. */
export interface ImportRunStart {
  kind: ImportKind;
  format: string;
  name: string;
  spec: ResolvedSpec;
  startedAt: string;
  actor: string;
}

export interface ImportRunEnd {
  assetId: number | null;
  spec: ResolvedSpec;
  sources: SourceFile[];
  sourceSha256: string;
  contentSha256: string;
  inputCount: number;
  imported: number;
  quarantined: number;
  duplicates: number;
  stored: number;
}

export function beginImportRun(db: Db, run: ImportRunStart): number {
  const info = db.prepare(`INSERT INTO imports (kind, format, name, sources, source_sha256, content_sha256, spec, input_count, imported,
      quarantined, duplicates, stored, started_at, finished_at, actor) VALUES (?, ?, ?, '[]', '', '', ?, 0, 0, 0, 0, 0, ?, ?, ?)`)
    .run(run.kind, run.format, run.name, JSON.stringify(run.spec), run.startedAt, run.startedAt, run.actor);
  return Number(info.lastInsertRowid);
}

export function completeImportRun(db: Db, id: number, end: ImportRunEnd): void {
  db.prepare(`UPDATE imports SET asset_id = ?, spec = ?, sources = ?, source_sha256 = ?, content_sha256 = ?, input_count = ?, imported = ?,
      quarantined = ?, duplicates = ?, stored = ?, finished_at = ? WHERE id = ?`)
    .run(end.assetId, JSON.stringify(end.spec), JSON.stringify(end.sources), end.sourceSha256, end.contentSha256, end.inputCount, end.imported,
      end.quarantined, end.duplicates, end.stored, new Date().toISOString(), id);
}

/** An earlier asset of the same kind whose stored content hashes the same: re-importing it is reported instead. */
export function findAssetByContent(db: Db, kind: ImportKind, contentSha256: string): { assetId: number; version: number } | undefined {
  return db.prepare(`SELECT a.id AS assetId, a.version AS version FROM imports i JOIN assets a ON a.id = i.asset_id
      WHERE i.kind = ? AND i.content_sha256 = ? ORDER BY a.id LIMIT 1`).get(kind, contentSha256) as { assetId: number; version: number } | undefined;
}

interface ImportRow {
  id: number;
  asset_id: number | null;
  kind: ImportKind;
  format: string;
  name: string;
  version: number | null;
  sources: string;
  source_sha256: string;
  content_sha256: string;
  spec: string;
  input_count: number;
  imported: number;
  quarantined: number;
  duplicates: number;
  stored: number;
  finished_at: string;
  actor: string;
}

function toRun(r: ImportRow): ImportRun {
  return {
    importId: r.id, assetId: r.asset_id, kind: r.kind, format: r.format, name: r.name, version: r.version,
    sha256: r.source_sha256, contentSha256: r.content_sha256, inputCount: r.input_count, imported: r.imported,
    quarantined: r.quarantined, duplicates: r.duplicates, stored: r.stored, sources: JSON.parse(r.sources) as SourceFile[],
    spec: JSON.parse(r.spec) as ResolvedSpec, finishedAt: r.finished_at, actor: r.actor,
  };
}

const RUN_SQL = `SELECT i.*, a.version AS version FROM imports i LEFT JOIN assets a ON a.id = i.asset_id`;

export function listImportRuns(db: Db): ImportRun[] {
  return (db.prepare(`${RUN_SQL} ORDER BY i.id DESC`).all() as ImportRow[]).map(toRun);
}

export function importRunForAsset(db: Db, assetId: number): ImportRun | undefined {
  const row = db.prepare(`${RUN_SQL} WHERE i.asset_id = ? ORDER BY i.id DESC LIMIT 1`).get(assetId) as ImportRow | undefined;
  return row && toRun(row);
}

export function getImportRun(db: Db, importId: number): ImportRun | undefined {
  const row = db.prepare(`${RUN_SQL} WHERE i.id = ?`).get(importId) as ImportRow | undefined;
  return row && toRun(row);
}
