// `assay drift <reference.csv> <current.csv>`: per-column drift and the dataset verdict. Files are parsed in
// parallel and compared one column at a time; exit 0 whether or not drift is found, 2 on unreadable input.
import type { Command } from 'commander';
import type { ColumnDriftOverTime } from '../../../shared/drift/drift-over-time';
import type { Period } from '../../../shared/drift/time-windows';
import { parseAssignments } from '../../../shared/drift/test-choice';
import { DRIFT_TESTS, type DriftOptions, type DriftTest } from '../../../shared/drift/types';
import type { Correction } from '../../../shared/stats/multiple-testing';
import { CliError } from '../cli-error';

interface DriftCliOptions {
  reference?: string;
  json?: boolean;
  columns?: string;
  test?: string;
  threshold?: string;
  correction: string;
  datasetShare: string;
  memoryMb?: string;
  timeColumn?: string;
  window?: string;
}

/** Epoch milliseconds per row from a date column, or from a numeric one holding epoch seconds or milliseconds. */
function formatWindows(series: ColumnDriftOverTime[], period: string): string {
  const lines = [`Windows by ${period} (value vs reference; alert = outside reference mean +- 3 std):`];
  for (const s of series) {
    const alerts = s.points.filter((p) => p.alert).map((p) => p.start);
    const band = s.band ? `band ${s.band.lower.toPrecision(3)}..${s.band.upper.toPrecision(3)}` : 'no band (reference too small)';
    lines.push(`  ${s.name} (${s.statistic}, ${band}): ${s.points.length} windows, ${alerts.length ? `alerts ${alerts.join(' ')}` : 'no alerts'}`);
  }
  return lines.join('\n');
}

function parseOptions(opts: DriftCliOptions): DriftOptions {
  let tests: Record<string, DriftTest>;
  let thresholds: Record<string, number>;
  try {
    tests = Object.fromEntries(
      [...parseAssignments(opts.test)].map(([col, t]) => {
        if (!(DRIFT_TESTS as readonly string[]).includes(t)) throw new Error(`unknown test "${t}" (use ${DRIFT_TESTS.join(', ')})`);
        return [col, t as DriftTest];
      }),
    );
    thresholds = Object.fromEntries(
      [...parseAssignments(opts.threshold)].map(([col, v]) => {
        const n = Number(v);
        if (!(Number.isFinite(n) && n > 0)) throw new Error(`threshold for ${col} must be a positive number, got "${v}"`);
        return [col, n];
      }),
    );
  } catch (err) {
    throw new CliError(`drift: ${(err as Error).message}`);
  }
  if (!['none', 'bonferroni', 'bh'].includes(opts.correction)) throw new CliError(`drift: --correction must be none, bonferroni or bh`);
  const datasetShare = Number(opts.datasetShare);
  if (!(datasetShare > 0 && datasetShare <= 1)) throw new CliError('drift: --dataset-share must be in (0, 1]');
  return { tests, thresholds, correction: opts.correction as Correction, datasetShare };
}

export function registerDrift(program: Command): void {
  program
    .command('drift')
    .description('Compare every column of a current CSV with a reference CSV or profile (data drift, training-serving skew)')
    .argument('[reference]', 'reference CSV (e.g. the training set) or .assay-profile (assay profile ref.csv --out ref.assay-profile)')
    .argument('[current]', 'current CSV (e.g. serving logs) or .assay-profile')
    .option('--reference <file>', 'the reference CSV or .assay-profile; then the only argument is the current file')
    .option('--json', 'print the result as JSON')
    .option('--columns <names>', 'only these columns (comma-separated)')
    .option('--test <assignments>', `test per column, e.g. age=ks,city=psi or all=ks (${DRIFT_TESTS.join(', ')})`)
    .option('--threshold <assignments>', 'threshold per column, e.g. age=0.01 or all=0.2')
    .option('--correction <method>', 'multiple-testing correction of p-values: none, bonferroni or bh', 'none')
    .option('--dataset-share <share>', 'share of drifted columns at which the dataset counts as drifted', '0.5')
    .option('--memory-mb <mb>', 'files larger than this together are processed from a temporary column store')
    .option('--time-column <column>', 'also slice the current file into time windows by this date column (adds "windows" to the JSON)')
    .option('--window <period>', 'window length with --time-column: day or week', 'week')
    .action(async (first: string | undefined, second: string | undefined, opts: DriftCliOptions) => {
      const files = [opts.reference, first, second].filter((f): f is string => f !== undefined);
      if (files.length !== 2) throw new CliError('drift: give a reference and a current file (assay drift ref.csv cur.csv, or assay drift --reference ref.assay-profile cur.csv)');
      const [reference, current] = files as [string, string];
      const options = parseOptions(opts);
      const memoryBudgetMb = opts.memoryMb === undefined ? undefined : Number(opts.memoryMb);
      if (memoryBudgetMb !== undefined && !(memoryBudgetMb > 0)) throw new CliError('drift: --memory-mb must be a positive number');
      if (opts.window !== 'day' && opts.window !== 'week') throw new CliError('drift: --window must be day or week');
      const period: Period = opts.window;
      const selection = opts.columns?.split(',').map((s) => s.trim()).filter(Boolean);
      // Parquet cannot be split at line ends for the parallel path: it goes through the row-aligned column store.
      const { isParquetPath } = await import('../../importers/parquet/parquet-file');
      if (!opts.timeColumn && !files.some(isParquetPath)) {
        const [{ driftSources }, { formatDriftTable }, { TableReadError }, { ProfileFileError }] = await Promise.all([
          import('../../tabular/drift-files'), import('../../../shared/drift/format-table'), import('../../tabular/table-reader'), import('../../tabular/profile-file'),
        ]);
        let outcome;
        try {
          outcome = await driftSources(reference, current, { ...options, ...(selection ? { columns: selection } : {}), ...(memoryBudgetMb ? { memoryBudgetMb } : {}) });
        } catch (err) {
          if (err instanceof TableReadError || err instanceof ProfileFileError) throw new CliError(`drift: ${err.message}`);
          throw err;
        }
        for (const w of outcome.warnings) process.stderr.write(`assay: warning: ${w}\n`);
        // From profiles, say which statistics are exact: every column not listed as approximate.
        const exactness = outcome.fromProfile ? { approximate_columns: outcome.approximate } : {};
        const said = outcome.approximate.length
          ? `Approximate (from quantile sketches; bounds in each note): ${outcome.approximate.join(', ')}. All other statistics are exact.`
          : 'All statistics are exact (the profiles kept every value count).';
        process.stdout.write(opts.json ? `${JSON.stringify({ ...outcome.report, ...exactness })}\n` : `${formatDriftTable(outcome.report, options.datasetShare)}\n${outcome.fromProfile ? `${said}\n` : ''}`);
        if (process.env.ASSAY_REPORT_RSS) process.stderr.write(`assay: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
        return;
      }
      // Time windows need row-aligned columns, read by the column store.
      if (files.some((f) => f.endsWith('.assay-profile'))) throw new CliError('drift: a profile keeps no rows; compare it with CSV files or profiles, without --time-column or Parquet');
      const [{ columnDrift }, { columnDriftOverTime }, { columnsToCompare, summarizeDrift }, { formatDriftTable }, { rowTimes }, { loadCsvTables }, { TableReadError }] =
        await Promise.all([
          import('../../../shared/drift/column-drift'), import('../../../shared/drift/drift-over-time'), import('../../../shared/drift/dataset-drift'),
          import('../../../shared/drift/format-table'), import('../../../shared/drift/row-times'), import('../../tabular/load-tables'),
          import('../../tabular/table-reader'),
        ]);
      let tables;
      try {
        tables = await loadCsvTables([reference, current], memoryBudgetMb ? { memoryBudgetMb } : {});
      } catch (err) {
        if (err instanceof TableReadError) throw new CliError(`drift: ${err.message}`);
        throw err;
      }
      const [ref, cur] = tables as [typeof tables[0], typeof tables[0]];
      try {
        for (const t of tables) {
          if (t.stored.raggedRows) process.stderr.write(`assay: warning: ${t.path}: ${t.stored.raggedRows} rows have a different number of fields than the header\n`);
        }
        const names = columnsToCompare(ref.names, cur.names, selection).filter((n) => n !== opts.timeColumn);
        let times: { current: Float64Array; reference: Float64Array | null } | null = null;
        if (opts.timeColumn) {
          const curTime = cur.column(opts.timeColumn);
          const current = curTime ? rowTimes(curTime) : null;
          if (!current) throw new CliError(`drift: --time-column "${opts.timeColumn}" is not a date or epoch column in ${cur.path}`);
          const refTime = ref.column(opts.timeColumn);
          times = { current, reference: refTime ? rowTimes(refTime) : null };
        }
        const windows: ColumnDriftOverTime[] = [];
        const results = names.map((name) => {
          const refCol = ref.column(name);
          const curCol = cur.column(name);
          const r = columnDrift(name, refCol, curCol, options);
          if (times && refCol && curCol && r.statistic !== null) {
            windows.push(columnDriftOverTime(refCol, curCol, times.current, { period, referenceTimes: times.reference }));
          }
          ref.release(name);
          cur.release(name);
          return r;
        });
        const report = summarizeDrift(results, options);
        if (opts.json) process.stdout.write(`${JSON.stringify(times ? { ...report, windows } : report)}\n`);
        else process.stdout.write(`${formatDriftTable(report, options.datasetShare)}\n${times ? `\n${formatWindows(windows, period)}\n` : ''}`);
      } finally {
        ref.dispose();
        cur.dispose();
      }
      if (process.env.ASSAY_REPORT_RSS) process.stderr.write(`assay: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
    });
}
