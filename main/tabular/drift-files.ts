// `assay drift` without time windows, between two sources that are each a CSV file or a tabular profile
// (.assay-profile). CSV files are parsed on the table pool (each split into one range per core) and every
// column is compared on the pool, so all cores work from the first byte to the last result. A reference
// profile with exact values gives the same statistics as its CSV; columns compared from sketches are listed
// in `approximate`. Memory holds the unsorted numbers of the files (4-byte keys for fixed-decimal columns),
// or one column per worker when the files exceed the memory budget and are spilled.
import { statSync } from 'node:fs';
import { columnsToCompare, summarizeDrift } from '../../shared/drift/dataset-drift';
import { approximateColumns, driftFromProfiles } from '../../shared/drift/profile/profile-drift';
import { TABULAR_PROFILE_VERSION, type TabularProfile } from '../../shared/drift/profile/tabular-profile';
import type { SummaryOptions } from '../../shared/drift/profile/column-summary';
import type { ColumnDriftResult, DriftOptions, DriftReport } from '../../shared/drift/types';
import { parseFilesParallel, type ParsedFile } from './parallel-tables';
import { isProfilePath, readProfileFile } from './profile-file';
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
  /** Columns whose statistics came from quantile sketches (approximate, with bounds in their notes). */
  approximate: string[];
  /** Whether either side was a profile. */
  fromProfile: boolean;
}

function driftOnly(options: FileDriftOptions): DriftOptions {
  const { columns: _c, exclude: _e, memoryBudgetMb: _m, ...rest } = options;
  return rest;
}

function ragged(files: readonly ParsedFile[]): string[] {
  return files.filter((f) => f.raggedRows).map((f) => `${f.path}: ${f.raggedRows} rows have a different number of fields than the header`);
}

/** Summaries of every column of a parsed file, as a profile. */
export async function profileParsed(pool: TablePool, file: ParsedFile, options: SummaryOptions): Promise<TabularProfile> {
  const columns = await Promise.all(file.names.map((n) => {
    const parts = file.parts.get(n)!;
    return pool.run({ kind: 'summarize', parts, options }, columnBuffers(parts));
  }));
  let bytes = 0;
  try {
    bytes = statSync(file.path).size;
  } catch {
    // The size is provenance only.
  }
  return { version: TABULAR_PROFILE_VERSION, rows: file.rows, sources: [{ file: file.path, bytes, rows: file.rows }], columns };
}

export async function driftSources(reference: string, current: string, options: FileDriftOptions = {}): Promise<FileDriftResult> {
  const drift = driftOnly(options);
  const keep = (names: string[]): string[] => names.filter((n) => !options.exclude?.includes(n));
  if (isProfilePath(reference) && isProfilePath(current)) {
    const refProfile = readProfileFile(reference);
    const curProfile = readProfileFile(current);
    const report = driftFromProfiles(refProfile, curProfile, { ...drift, columns: keep(columnsToCompare(refProfile.columns.map((c) => c.name), curProfile.columns.map((c) => c.name), options.columns)) });
    return { report, warnings: [], approximate: approximateColumns(report), fromProfile: true };
  }
  const pool = new TablePool();
  try {
    const csvFiles = [reference, current].filter((f) => !isProfilePath(f));
    // The workers parse the CSV file while this thread decodes the profile.
    const parsing = parseFilesParallel(pool, csvFiles, options.memoryBudgetMb ? { memoryBudgetMb: options.memoryBudgetMb } : {});
    let refProfile: TabularProfile | null;
    let curProfile: TabularProfile | null;
    try {
      refProfile = isProfilePath(reference) ? readProfileFile(reference) : null;
      curProfile = isProfilePath(current) ? readProfileFile(current) : null;
    } catch (err) {
      await parsing.then((p) => p.dispose(), () => undefined);
      throw err;
    }
    const parsed = await parsing;
    try {
      const warnings = ragged(parsed.files);
      let results: ColumnDriftResult[];
      if (!refProfile && !curProfile) {
        const [ref, cur] = parsed.files as [ParsedFile, ParsedFile];
        const names = keep(columnsToCompare(ref.names, cur.names, options.columns));
        results = await Promise.all(names.map((name) => {
          const r = ref.parts.get(name) ?? null;
          const c = cur.parts.get(name) ?? null;
          return pool.run({ kind: 'drift', name, ref: r, cur: c, options: drift }, columnBuffers([...(r ?? []), ...(c ?? [])]));
        }));
      } else if (refProfile) {
        const cur = parsed.files[0]!;
        const refBy = new Map(refProfile.columns.map((c) => [c.name, c]));
        const names = keep(columnsToCompare([...refBy.keys()], cur.names, options.columns));
        results = await Promise.all(names.map((name) => {
          const c = cur.parts.get(name) ?? null;
          const r = refBy.get(name) ?? null;
          // The reference's value arrays move to the worker (no copy); each column is compared once.
          const moved = [r?.numbers, r?.dates].flatMap((vc) => (vc ? [vc.values.buffer as ArrayBuffer, vc.counts.buffer as ArrayBuffer] : []));
          return pool.run({ kind: 'driftSummary', name, ref: r, cur: c, options: drift }, [...columnBuffers(c ?? []), ...moved]);
        }));
      } else {
        // A current profile against a reference file (rare): summarise the file, then compare profiles.
        const alpha = curProfile!.columns.find((c) => c.sketch)?.sketch?.alpha;
        const refSummary = await profileParsed(pool, parsed.files[0]!, alpha === undefined ? {} : { alpha });
        const report = driftFromProfiles(refSummary, curProfile!, { ...drift, columns: keep(columnsToCompare(refSummary.columns.map((c) => c.name), curProfile!.columns.map((c) => c.name), options.columns)) });
        return { report, warnings, approximate: approximateColumns(report), fromProfile: true };
      }
      const report = summarizeDrift(results, options);
      return { report, warnings, approximate: approximateColumns(report), fromProfile: refProfile !== null };
    } finally {
      parsed.dispose();
    }
  } finally {
    await pool.close();
  }
}
