import type { DatasetColumn, DatasetSchema } from '../../shared/contract/import-schemas';
import type { Db } from './db';

/** A dataset cell as stored: numbers for number/integer, booleans, ISO strings for datetimes, strings, or null. */
export type DatasetValue = number | string | boolean | null;

/** Rows per stored column chunk; drift reads a column as a few hundred of these at most per million rows. */
export const DATASET_CHUNK_ROWS = 4096;

export function insertDatasetColumns(db: Db, assetId: number, columns: readonly DatasetColumn[]): void {
  const stmt = db.prepare('INSERT INTO dataset_columns (asset_id, position, name, type, role) VALUES (?, ?, ?, ?, ?)');
  columns.forEach((c, i) => stmt.run(assetId, i, c.name, c.type, c.role));
}

/** A prepared writer of one column chunk; call inside the import's transaction. */
export function datasetChunkWriter(db: Db, assetId: number): (position: number, chunkIndex: number, rowStart: number, values: DatasetValue[]) => void {
  const stmt = db.prepare('INSERT INTO dataset_chunks (asset_id, position, chunk_index, row_start, row_count, "values") VALUES (?, ?, ?, ?, ?, ?)');
  return (position, chunkIndex, rowStart, values) => {
    stmt.run(assetId, position, chunkIndex, rowStart, values.length, JSON.stringify(values));
  };
}

export function getDatasetColumns(db: Db, assetId: number): DatasetColumn[] {
  return db.prepare('SELECT name, type, role FROM dataset_columns WHERE asset_id = ? ORDER BY position').all(assetId) as DatasetColumn[];
}

export function getDatasetSchema(db: Db, assetId: number): DatasetSchema | undefined {
  const columns = getDatasetColumns(db, assetId);
  if (columns.length === 0) return undefined;
  const row = db.prepare('SELECT row_count AS n FROM assets WHERE id = ?').get(assetId) as { n: number } | undefined;
  return { assetId, rowCount: row?.n ?? 0, columns };
}

function positionOf(db: Db, assetId: number, name: string): number {
  const row = db.prepare('SELECT position FROM dataset_columns WHERE asset_id = ? AND name = ?').get(assetId, name) as { position: number } | undefined;
  if (!row) throw new Error(`dataset asset ${assetId} has no column "${name}"`);
  return row.position;
}

/** Every value of one column, in row order. */
export function readDatasetColumn(db: Db, assetId: number, name: string): DatasetValue[] {
  const position = positionOf(db, assetId, name);
  const out: DatasetValue[] = [];
  const rows = db.prepare('SELECT "values" AS v FROM dataset_chunks WHERE asset_id = ? AND position = ? ORDER BY chunk_index').iterate(assetId, position) as IterableIterator<{ v: string }>;
  for (const r of rows) for (const value of JSON.parse(r.v) as DatasetValue[]) out.push(value);
  return out;
}

/**
 * Several columns chunk by chunk, aligned by row: constant memory over any number of rows, for mergeable
 * summaries (drift sketches, confusion matrices).
 */
export function* iterateDatasetColumns(db: Db, assetId: number, names: readonly string[]): Generator<{ rowStart: number; columns: DatasetValue[][] }> {
  const positions = names.map((n) => positionOf(db, assetId, n));
  const stmt = db.prepare('SELECT "values" AS v, row_start AS s FROM dataset_chunks WHERE asset_id = ? AND position = ? AND chunk_index = ?');
  const count = (db.prepare('SELECT count(*) AS n FROM dataset_chunks WHERE asset_id = ? AND position = ?').get(assetId, positions[0] ?? 0) as { n: number }).n;
  for (let chunk = 0; chunk < count; chunk++) {
    let rowStart = 0;
    const columns = positions.map((p) => {
      const row = stmt.get(assetId, p, chunk) as { v: string; s: number } | undefined;
      rowStart = row?.s ?? rowStart;
      return row ? (JSON.parse(row.v) as DatasetValue[]) : [];
    });
    yield { rowStart, columns };
  }
}

/** A page of rows as objects keyed by column name, for tables and previews. */
export function readDatasetRows(db: Db, assetId: number, offset: number, limit: number): Record<string, DatasetValue>[] {
  const columns = getDatasetColumns(db, assetId);
  const out: Record<string, DatasetValue>[] = [];
  const first = Math.floor(offset / DATASET_CHUNK_ROWS);
  const last = Math.floor((offset + limit - 1) / DATASET_CHUNK_ROWS);
  const stmt = db.prepare('SELECT "values" AS v, row_start AS s FROM dataset_chunks WHERE asset_id = ? AND position = ? AND chunk_index = ?');
  for (let chunk = first; chunk <= last; chunk++) {
    const values = columns.map((_, p) => stmt.get(assetId, p, chunk) as { v: string; s: number } | undefined);
    if (values.some((v) => v === undefined)) break;
    const parsed = values.map((v) => JSON.parse(v!.v) as DatasetValue[]);
    const rowStart = values[0]!.s;
    for (let i = 0; i < (parsed[0]?.length ?? 0); i++) {
      const rowIndex = rowStart + i;
      if (rowIndex < offset || rowIndex >= offset + limit) continue;
      const row: Record<string, DatasetValue> = {};
      columns.forEach((c, p) => { row[c.name] = parsed[p]![i] ?? null; });
      out.push(row);
    }
  }
  return out;
}
