// Loads several CSV files at once, row-aligned (metrics, time windows; plain drift uses parallel-tables.ts): the first in this thread, the others in worker threads, so two files
// parse in parallel on two cores. Columns stay in memory while the files together fit the memory budget
// and are spilled to a temporary directory (one file per column) beyond it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isParquetPath } from '../importers/parquet/parquet-file';
import { readParquetTable } from '../importers/parquet/parquet-table';
import { siblingModule, spawnWorker } from '../workers/spawn-worker';
import { ColumnarTable } from './columnar-table';
import type { ParseReply, ParseRequest } from './parse-worker';
import { readCsvTable, TableReadError, type ReadOptions, type StoredTable } from './table-reader';

export interface LoadOptions {
  /** Files larger than this together (MB) are spilled column by column to os.tmpdir(). Default 2048. */
  memoryBudgetMb?: number;
  /** Parse files after the first in worker threads (default true). */
  parallel?: boolean;
  delimiter?: string;
}

export const DEFAULT_MEMORY_BUDGET_MB = 2048;

function fileSize(file: string): number {
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new TableReadError(file, 'is a directory');
    return st.size;
  } catch (err) {
    if (err instanceof TableReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new TableReadError(file, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})`);
  }
}

function parseInWorker(request: ParseRequest): Promise<StoredTable> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker(siblingModule(import.meta.url, 'parse-worker'), { ...request });
    let settled = false;
    // A worker that cannot start or dies without answering (no tsx loader in this host, killed) is replaced
    // by parsing the file in this thread.
    const fallback = (err: unknown): void => {
      if (settled) return;
      settled = true;
      try {
        resolve(readCsvTable(request.file, request.options));
      } catch (inner) {
        reject(inner instanceof Error ? inner : err);
      }
    };
    worker.once('message', (reply: ParseReply) => {
      settled = true;
      if (reply.ok) resolve(reply.table);
      else reject(reply.reason !== null ? new TableReadError(reply.file, reply.reason) : new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', fallback);
    worker.once('exit', (code) => fallback(new Error(`parse worker exited with code ${code}`)));
  });
}

export async function loadCsvTables(files: readonly string[], options: LoadOptions = {}): Promise<ColumnarTable[]> {
  const sizes = files.map(fileSize);
  const budget = (options.memoryBudgetMb ?? DEFAULT_MEMORY_BUDGET_MB) * 1024 * 1024;
  const spill = sizes.reduce((s, v) => s + v, 0) > budget;
  const spillDirs = files.map(() => (spill ? mkdtempSync(path.join(os.tmpdir(), 'assay-columns-')) : null));
  const requests: ParseRequest[] = files.map((file, i) => {
    const opts: ReadOptions = { spillDir: spillDirs[i] ?? null };
    if (options.delimiter !== undefined) opts.delimiter = options.delimiter;
    return { file, options: opts };
  });
  const parallel = options.parallel ?? true;
  try {
    // Parquet is read by row group with async I/O in this thread (hyparquet); CSV files after the first on workers.
    const parquet = files.map(isParquetPath);
    const pending = requests.map((r, i) => (parallel && i > 0 && !parquet[i] ? parseInWorker(r) : null));
    const tables: StoredTable[] = [];
    // Parse the first file here while the workers run; collect worker results afterwards.
    const settled = await Promise.allSettled(
      requests.map(async (r, i) => pending[i] ?? (parquet[i] ? readParquetTable(r.file, r.options) : readCsvTable(r.file, r.options))),
    );
    for (const s of settled) {
      if (s.status === 'rejected') throw s.reason;
      tables.push(s.value);
    }
    return tables.map((t, i) => new ColumnarTable(t, spillDirs[i] ?? null));
  } catch (err) {
    for (const d of spillDirs) if (d) rmSync(d, { recursive: true, force: true });
    throw err;
  }
}
