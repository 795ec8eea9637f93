import type { Asset, AssetKind } from '../../shared/contract/schemas';
import type { Db } from './db';

interface AssetRow {
  id: number;
  kind: AssetKind;
  name: string;
  version: number;
  sha256: string;
  source_path: string | null;
  created_at: string;
  row_count: number;
}

function toAsset(r: AssetRow): Asset {
  return { id: r.id, kind: r.kind, name: r.name, version: r.version, sha256: r.sha256, sourcePath: r.source_path, createdAt: r.created_at, rowCount: r.row_count };
}

const COLUMNS = 'id, kind, name, version, sha256, source_path, created_at, row_count';

export function listAssets(db: Db): Asset[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM assets ORDER BY kind, name, version`).all() as AssetRow[]).map(toAsset);
}

export function getAsset(db: Db, id: number): Asset | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM assets WHERE id = ?`).get(id) as AssetRow | undefined;
  return row && toAsset(row);
}

export function findAssetBySha(db: Db, kind: AssetKind, sha256: string): Asset | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM assets WHERE kind = ? AND sha256 = ? ORDER BY id LIMIT 1`).get(kind, sha256) as AssetRow | undefined;
  return row && toAsset(row);
}

export function nextAssetVersion(db: Db, kind: AssetKind, name: string): number {
  const row = db.prepare('SELECT max(version) AS v FROM assets WHERE kind = ? AND name = ?').get(kind, name) as { v: number | null };
  return (row.v ?? 0) + 1;
}

export interface NewAsset {
  kind: AssetKind;
  name: string;
  version: number;
  sha256: string;
  sourcePath: string | null;
}

export function insertAsset(db: Db, a: NewAsset): number {
  const info = db.prepare('INSERT INTO assets (kind, name, version, sha256, source_path, created_at, row_count) VALUES (?, ?, ?, ?, ?, ?, 0)')
    .run(a.kind, a.name, a.version, a.sha256, a.sourcePath, new Date().toISOString());
  return Number(info.lastInsertRowid);
}

export function setAssetRowCount(db: Db, id: number, rowCount: number): void {
  db.prepare('UPDATE assets SET row_count = ? WHERE id = ?').run(rowCount, id);
}

/** Sets the hash and row count once an import has written everything (both are unknown until the end). */
export function finishAsset(db: Db, id: number, sha256: string, rowCount: number): void {
  db.prepare('UPDATE assets SET sha256 = ?, row_count = ? WHERE id = ?').run(sha256, rowCount, id);
}

/** Removes an asset row created by an import that ended up storing nothing (inside that import's transaction). */
export function deleteAsset(db: Db, id: number): void {
  db.prepare('DELETE FROM assets WHERE id = ?').run(id);
}

export function hasAssetOfKind(db: Db, kind: AssetKind): boolean {
  return db.prepare('SELECT 1 FROM assets WHERE kind = ? LIMIT 1').get(kind) !== undefined;
}
