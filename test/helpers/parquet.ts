// Parquet fixtures written at test time with hyparquet-writer (a dev dependency), plus damaged variants.
import { readFileSync, writeFileSync } from 'node:fs';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';

export type { ColumnSource };

/** Writes columns as a Parquet file with `rowGroupSize` rows per row group (snappy unless a column says otherwise). */
export function writeParquet(file: string, columnData: ColumnSource[], rowGroupSize = 1000, extra: { compressors?: Record<string, (b: Uint8Array) => Uint8Array> } = {}): string {
  const buf = parquetWriteBuffer({ columnData, rowGroupSize, ...(extra.compressors ? { compressors: extra.compressors } : {}) });
  writeFileSync(file, new Uint8Array(buf));
  return file;
}

/** A copy of a file cut to its first `bytes` bytes. */
export function truncatedCopy(from: string, to: string, bytes: number): string {
  writeFileSync(to, readFileSync(from).subarray(0, bytes));
  return to;
}

/** A column declared with a codec this build cannot decode (the pages are left uncompressed, only the label lies). */
export function unsupportedCodecColumn(column: ColumnSource, codec: 'LZ4' | 'ZSTD'): { column: ColumnSource; compressors: Record<string, (b: Uint8Array) => Uint8Array> } {
  return { column: { ...column, codec }, compressors: { [codec]: (b: Uint8Array) => b } };
}

/** A 200-row table with numeric, nullable, categorical and boolean columns; `shift` moves every distribution. */
export function sampleTable(shift: number): ColumnSource[] {
  const rows = Array.from({ length: 200 }, (_, i) => i);
  return [
    { name: 'age', data: rows.map((i) => 20 + ((i * 7 + shift) % 50)), type: 'INT32' },
    { name: 'income', data: rows.map((i) => (i === 3 ? null : 1000 + i * 12.5 + shift * 100)), type: 'DOUBLE' },
    { name: 'region', data: rows.map((i) => ['north', 'south', 'east'][(i + shift) % 3]!), type: 'STRING' },
    { name: 'approved', data: rows.map((i) => i % 4 === 0), type: 'BOOLEAN' },
  ];
}

/** The same columns as a CSV file (missing values as empty cells). */
export function writeTableCsv(file: string, columns: ColumnSource[]): string {
  const lines = [columns.map((c) => c.name).join(',')];
  const rows = columns[0]?.data.length ?? 0;
  for (let r = 0; r < rows; r++) lines.push(columns.map((c) => { const v: unknown = c.data[r]; return v === null || v === undefined ? '' : String(v); }).join(','));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
