// `assay drift` on two CSV files without time windows: both files are parsed on the table pool (each split
// into one range per core), then every column is compared on the pool, so all cores work from the first byte
// to the last result. Memory holds the unsorted numbers of both files (4-byte keys for fixed-decimal
// columns), or one column per worker when the files exceed the memory budget and are spilled.
import { columnsToCompare, summarizeDrift } from '../../shared/drift/dataset-drift';
import type { DriftOptions, DriftReport } from '../../shared/drift/types';
import { parseFilesParallel } from './parallel-tables';
import { TablePool } from './table-pool';
import { columnBuffers } from './table-tasks';

export interface FileDriftOptions extends DriftOptions {
  columns?: readonly string[];
  exclude?: readonly string[];
  memoryBudgetMb?: number;
}

export interface FileDriftResult {
  report: DriftReport;
  warnings: string[];
}

export async function driftCsvFiles(reference: string, current: string, options: FileDriftOptions = {}): Promise<FileDriftResult> {
  const pool = new TablePool();
  try {
    const parsed = await parseFilesParallel(pool, [reference, current], options.memoryBudgetMb ? { memoryBudgetMb: options.memoryBudgetMb } : {});
    try {
      const [ref, cur] = parsed.files as [typeof parsed.files[0], typeof parsed.files[0]];
      const warnings = parsed.files.filter((f) => f.raggedRows).map((f) => `${f.path}: ${f.raggedRows} rows have a different number of fields than the header`);
      const names = columnsToCompare(ref.names, cur.names, options.columns).filter((n) => !options.exclude?.includes(n));
      const { columns: _c, exclude: _e, memoryBudgetMb: _m, ...driftOptions } = options;
      const results = await Promise.all(names.map((name) => {
        const refParts = ref.parts.get(name) ?? null;
        const curParts = cur.parts.get(name) ?? null;
        return pool.run({ kind: 'drift', name, ref: refParts, cur: curParts, options: driftOptions }, columnBuffers([...(refParts ?? []), ...(curParts ?? [])]));
      }));
      return { report: summarizeDrift(results, options), warnings };
    } finally {
      parsed.dispose();
    }
  } finally {
    await pool.close();
  }
}
