// Reads one CSV file into columns in a single pass (header row first), with bounded memory when spilling.
import { closeSync, openSync, readSync } from 'node:fs';
import { ColumnBuilder, type StoredColumn } from './column-builder';
import { CsvSyntaxError, FIELD_ESCAPED, FIELD_NUMBER, FIELD_QUOTED, scanCsvFile, sniffDelimiter, type RowSink } from './csv-scanner';

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

  constructor(private readonly spillDir: string | null, private readonly sortNumbers: boolean, names: readonly string[] | null) {
    if (names !== null) this.builders = names.map((n, i) => new ColumnBuilder(n, spillDir, i, sortNumbers));
  }

  row(buf: Buffer, starts: Int32Array, ends: Int32Array, flags: Uint8Array, values: Float64Array, decimals: Int8Array, count: number): void {
    const builders = this.builders;
    if (builders === null) {
      this.builders = headerNames(buf, starts, ends, flags, count).map((n, i) => new ColumnBuilder(n, this.spillDir, i, this.sortNumbers));
      return;
    }
    const width = builders.length;
    if (count !== width) this.ragged++;
    const n = count < width ? count : width;
    for (let i = 0; i < n; i++) {
      const f = flags[i]!;
      if (f === FIELD_NUMBER) builders[i]!.addNumber(values[i]!, decimals[i]!);
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
  /** Collect each numeric column's finite numbers unsorted in `piece` (what drift and profiles need) instead of row-aligned. */
  sortNumbers?: boolean;
}

export interface RangeOptions extends ReadOptions {
  delimiter: string;
  /** Bytes [start, end) of the file; a range after the first starts just after a line end. */
  start: number;
  end: number;
  /** Column names (from the header) for a range after the first; null for the first range, which holds the header. */
  names: readonly string[] | null;
}

export interface RangeTable extends StoredTable {
  sawQuote: boolean;
}

/** Checks that a file is a non-empty text file and finds its delimiter. */
export function probeCsv(file: string, delimiter?: string): { delimiter: string } {
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
  return { delimiter: delimiter ?? String.fromCharCode(sniffDelimiter(head)) };
}

class HeaderFound extends Error {}

/** The header's column names and the byte offset where the first data row starts. */
export function readHeader(file: string, delimiter: string): { names: string[]; end: number } {
  let found: { names: string[]; end: number } | null = null;
  const sink: RowSink = {
    row(buf, starts, ends, flags, _values, _decimals, count) {
      // The first read starts at byte 0 and the header is its first row, so buffer offsets are file offsets.
      let end = ends[count - 1]! + (flags[count - 1]! & FIELD_QUOTED ? 1 : 0);
      if (buf[end] === 13) end++;
      if (buf[end] === 10) end++;
      found = { names: headerNames(buf, starts, ends, flags, count), end };
      throw new HeaderFound();
    },
  };
  try {
    scanCsvFile(file, sink, { delimiter: delimiter.charCodeAt(0) });
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new TableReadError(file, `malformed CSV: ${err.message}`);
    if (!(err instanceof HeaderFound)) throw err;
  }
  if (found === null) throw new TableReadError(file, 'empty file (no header row)');
  return found;
}

/** Reads one byte range of a CSV file into columns. */
export function readCsvRange(file: string, options: RangeOptions): RangeTable {
  const sink = new TableSink(options.spillDir, options.sortNumbers ?? false, options.names);
  let sawQuote: boolean;
  try {
    sawQuote = scanCsvFile(file, sink, { delimiter: options.delimiter.charCodeAt(0), start: options.start, end: options.end }).sawQuote;
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new TableReadError(file, `malformed CSV: ${err.message}`);
    throw err;
  }
  if (sink.builders === null) throw new TableReadError(file, 'empty file (no header row)');
  return { path: file, delimiter: options.delimiter, rows: sink.rows, raggedRows: sink.ragged, columns: sink.builders.map((b) => b.finish()), sawQuote };
}

export function readCsvTable(file: string, options: ReadOptions): StoredTable {
  const { delimiter } = probeCsv(file, options.delimiter);
  const { sawQuote: _, ...table } = readCsvRange(file, { ...options, delimiter, start: 0, end: Infinity, names: null });
  return table;
}
