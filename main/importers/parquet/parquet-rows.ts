// Reads a Parquet file one row group at a time, as JSON-ready rows. A failure names the row group and, found by
// reading that group's columns one by one again, the column.
import { parquetReadObjects } from 'hyparquet';
import { COMPRESSORS, ParquetReadError, type ParquetFile, type RowGroupInfo } from './parquet-file';
import { jsonRow } from './parquet-values';

export interface RowGroupRows {
  group: RowGroupInfo;
  rows: Record<string, unknown>[];
}

async function readRange(pq: ParquetFile, rowStart: number, rowEnd: number, columns?: string[]): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: pq.buffer, metadata: pq.metadata, rowStart, rowEnd, compressors: COMPRESSORS, ...(columns ? { columns } : {}) });
}

/** Which column of a group fails to decode, and why (only called once reading the whole group failed). */
async function diagnose(pq: ParquetFile, group: RowGroupInfo, err: unknown): Promise<ParquetReadError> {
  for (const column of pq.columns) {
    try {
      await readRange(pq, group.firstRow, group.firstRow + group.rows, [column]);
    } catch (inner) {
      return new ParquetReadError(pq.path, `row group ${group.index}, column "${column}": cannot decode (${(inner as Error).message})`);
    }
  }
  return new ParquetReadError(pq.path, `row group ${group.index}: cannot decode (${(err as Error).message})`);
}

/** Rows of one row group (at most `limit` of them). */
export async function readRowGroup(pq: ParquetFile, group: RowGroupInfo, limit = Infinity): Promise<Record<string, unknown>[]> {
  const end = group.firstRow + Math.min(group.rows, limit);
  let rows: Record<string, unknown>[];
  try {
    rows = await readRange(pq, group.firstRow, end);
  } catch (err) {
    throw await diagnose(pq, group, err);
  }
  if (rows.length !== end - group.firstRow) {
    throw new ParquetReadError(pq.path, `row group ${group.index}: the footer promises ${end - group.firstRow} rows, the pages hold ${rows.length}`);
  }
  return rows.map((r) => jsonRow(r, pq.columns));
}

/** Every row group in file order; only one group's rows are in memory at a time. */
export async function* rowGroups(pq: ParquetFile): AsyncGenerator<RowGroupRows> {
  for (const group of pq.rowGroups) {
    if (group.rows === 0) continue;
    yield { group, rows: await readRowGroup(pq, group) };
  }
}
