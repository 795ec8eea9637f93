// Parses CSV files on the table pool: each file is split at line ends into one range per worker, every range
// is parsed into unsorted column parts, and the parts of a column stay apart until a worker assembles them
// (assemble-column.ts). Beyond the memory budget the parts are spilled to temporary files, one per column and
// range. A file whose split may have cut a quoted field (a range saw a quote or failed) is parsed again as one
// range, so a CSV with quotes costs one extra pass and stays exact.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoredColumn } from './column-builder';
import { splitAtLineEnds, type ByteRange } from './split-ranges';
import type { TablePool } from './table-pool';
import { probeCsv, readHeader, type RangeTable } from './table-reader';

export interface ParsedFile {
  path: string;
  rows: number;
  raggedRows: number;
  names: string[];
  /** The parts of each column, one per range, in file order. */
  parts: Map<string, StoredColumn[]>;
}

export interface ParsedFiles {
  files: ParsedFile[];
  /** Removes spilled parts. */
  dispose(): void;
}

/**
 * CSV megabytes (all files together) above which parts are spilled. Parts in memory take about half the CSV's
 * size (4-byte keys for numbers written with ~8 characters), so this keeps them near 512 MB.
 */
export const PARALLEL_MEMORY_BUDGET_MB = 1024;

export interface ParallelParseOptions {
  memoryBudgetMb?: number;
  delimiter?: string;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export async function parseFilesParallel(pool: TablePool, files: readonly string[], options: ParallelParseOptions = {}): Promise<ParsedFiles> {
  const budget = (options.memoryBudgetMb ?? PARALLEL_MEMORY_BUDGET_MB) * 2 ** 20;
  const spill = files.reduce((s, f) => s + sizeOf(f), 0) > budget;
  const dirs: string[] = [];
  const spillDir = (): string | null => {
    if (!spill) return null;
    const d = mkdtempSync(path.join(os.tmpdir(), 'assay-columns-'));
    dirs.push(d);
    return d;
  };
  const dispose = (): void => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  };
  const parseRanges = (file: string, delimiter: string, names: string[], ranges: ByteRange[]): Promise<RangeTable[]> =>
    Promise.all(ranges.map((r, i) => pool.run({ kind: 'parse', file, options: { delimiter, start: r.start, end: r.end, names: i === 0 ? null : names, spillDir: spillDir(), sortNumbers: true } })));
  try {
    const heads = files.map((file) => {
      const { delimiter } = probeCsv(file, options.delimiter);
      const header = readHeader(file, delimiter);
      return { file, delimiter, names: header.names, ranges: splitAtLineEnds(file, pool.size, header.end) };
    });
    const parsed = await Promise.all(heads.map(async (h) => {
      if (h.ranges.length === 1) return parseRanges(h.file, h.delimiter, h.names, h.ranges);
      let tables: RangeTable[] | null = null;
      try {
        tables = await parseRanges(h.file, h.delimiter, h.names, h.ranges);
      } catch {
        tables = null;
      }
      // A quote anywhere means a line end inside a quoted field could have been taken for a row boundary (a range
      // then fails with an unclosed quote, or reads a wrong row): parse the file again as one range, which also
      // reports a real syntax error with its true row.
      if (tables && !tables.some((t) => t.sawQuote)) return tables;
      return parseRanges(h.file, h.delimiter, h.names, [{ start: 0, end: Infinity }]);
    }));
    return {
      files: heads.map((h, i) => {
        const tables = parsed[i]!;
        const parts = new Map<string, StoredColumn[]>(h.names.map((n) => [n, []]));
        for (const t of tables) t.columns.forEach((c, k) => parts.get(h.names[k] ?? c.name)?.push(c));
        return { path: h.file, rows: tables.reduce((s, t) => s + t.rows, 0), raggedRows: tables.reduce((s, t) => s + t.raggedRows, 0), names: h.names, parts };
      }),
      dispose,
    };
  } catch (err) {
    dispose();
    throw err;
  }
}
