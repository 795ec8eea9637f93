// Reads one CSV file into columns in a single pass (header row first), with bounded memory when spilling.
import { closeSync, openSync, readSync } from 'node:fs';
import { ColumnBuilder, type StoredColumn } from './column-builder';
import { CsvSyntaxError, FIELD_ESCAPED, FIELD_NUMBER, scanCsvFile, sniffDelimiter, type RowSink } from './csv-scanner';

export interface StoredTable {
  path: string;
  delimiter: string;
  rows: number;
  /** Rows whose field count differed from the header (short rows are padded with missing values). */
  raggedRows: number;
  columns: StoredColumn[];
}

/** A file that cannot be read as a table; the message names the file. */
export class TableReadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'TableReadError';
  }
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(1 << 16);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function headerNames(buf: Buffer, starts: Int32Array, ends: Int32Array, flags: Uint8Array, count: number): string[] {
  const seen = new Map<string, number>();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    let name = buf.toString('utf8', starts[i]!, ends[i]!);
    if (flags[i]! & FIELD_ESCAPED) name = name.replaceAll('""', '"');
    name = name.trim() || `column_${i + 1}`;
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    names.push(k ? `${name}_${k + 1}` : name);
  }
  return names;
}

class TableSink implements RowSink {
  builders: ColumnBuilder[] | null = null;
  rows = 0;
  ragged = 0;

  constructor(private readonly spillDir: string | null) {}

  row(buf: Buffer, starts: Int32Array, ends: Int32Array, flags: Uint8Array, values: Float64Array, count: number): void {
    const builders = this.builders;
    if (builders === null) {
      this.builders = headerNames(buf, starts, ends, flags, count).map((n, i) => new ColumnBuilder(n, this.spillDir, i));
      return;
    }
    const width = builders.length;
    if (count !== width) this.ragged++;
    const n = count < width ? count : width;
    for (let i = 0; i < n; i++) {
      const f = flags[i]!;
      if (f === FIELD_NUMBER) builders[i]!.addNumber(values[i]!);
      else builders[i]!.add(buf, starts[i]!, ends[i]!, f);
    }
    for (let i = n; i < width; i++) builders[i]!.addMissing();
    this.rows++;
  }
}

export interface ReadOptions {
  /** Directory for spilled column files; null keeps columns in memory. */
  spillDir: string | null;
  delimiter?: string;
  /** Replace each row-aligned numeric array by its sorted finite values (what drift needs; done in the parsing thread). */
  sortNumbers?: boolean;
}

export function readCsvTable(file: string, options: ReadOptions): StoredTable {
  let head: Buffer;
  try {
    head = readHead(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(err)})`;
    throw new TableReadError(file, reason);
  }
  if (head.length === 0) throw new TableReadError(file, 'empty file (no header row)');
  if (head.includes(0)) throw new TableReadError(file, 'not a text CSV file (binary data)');
  const delimiter = options.delimiter ?? String.fromCharCode(sniffDelimiter(head));
  const sink = new TableSink(options.spillDir);
  try {
    scanCsvFile(file, sink, { delimiter: delimiter.charCodeAt(0) });
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new TableReadError(file, `malformed CSV: ${err.message}`);
    throw err;
  }
  if (sink.builders === null) throw new TableReadError(file, 'empty file (no header row)');
  return { path: file, delimiter, rows: sink.rows, raggedRows: sink.ragged, columns: sink.builders.map((b) => b.finish(options.sortNumbers ?? false)) };
}
