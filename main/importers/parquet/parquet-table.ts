// A Parquet file as a columnar table for `assay drift`, read one row group at a time into the same column
// builders as a CSV, so cells are typed by the one cell classifier (numbers stay numbers, text is classified).
import { ColumnBuilder } from '../../tabular/column-builder';
import { FIELD_QUOTED } from '../../tabular/csv-scanner';
import { TableReadError, type ReadOptions, type StoredTable } from '../../tabular/table-reader';
import { openParquet, ParquetReadError } from './parquet-file';
import { rowGroups } from './parquet-rows';

function addCell(b: ColumnBuilder, v: unknown): void {
  if (v === null || v === undefined) return b.addMissing();
  // -1: a double, not a fixed-decimal number read from text (sorted as a double, exactly).
  if (typeof v === 'number') return b.addNumber(v, -1);
  // Text (dates arrive as ISO text, booleans as true/false) is classified exactly as a CSV cell; lists and
  // objects compare as their JSON.
  const text = Buffer.from(typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : JSON.stringify(v), 'utf8');
  b.add(text, 0, text.length, FIELD_QUOTED);
}

export async function readParquetTable(file: string, options: ReadOptions): Promise<StoredTable> {
  try {
    const pq = await openParquet(file);
    try {
      const builders = pq.columns.map((name, i) => new ColumnBuilder(name, options.spillDir, i, options.sortNumbers ?? false));
      let rows = 0;
      for await (const { rows: chunk } of rowGroups(pq)) {
        for (const row of chunk) {
          for (let i = 0; i < builders.length; i++) addCell(builders[i]!, row[pq.columns[i]!]);
        }
        rows += chunk.length;
      }
      return { path: file, delimiter: '', rows, raggedRows: 0, columns: builders.map((b) => b.finish()) };
    } finally {
      await pq.close();
    }
  } catch (err) {
    if (err instanceof ParquetReadError) throw new TableReadError(file, err.reason);
    throw err;
  }
}
