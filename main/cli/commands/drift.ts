// `assay drift <reference.csv> <current.csv>`: per-column drift and the dataset verdict. Files are parsed in
// parallel and compared one column at a time; exit 0 whether or not drift is found, 2 on unreadable input.
import type { Command } from 'commander';
import { columnDrift } from '../../../shared/drift/column-drift';
import { columnsToCompare, summarizeDrift } from '../../../shared/drift/dataset-drift';
import { formatDriftTable } from '../../../shared/drift/format-table';
import { parseAssignments } from '../../../shared/drift/test-choice';
import { DRIFT_TESTS, type DriftOptions, type DriftTest } from '../../../shared/drift/types';
import type { Correction } from '../../../shared/stats/multiple-testing';
import { loadCsvTables } from '../../tabular/load-tables';
import { TableReadError } from '../../tabular/table-reader';
import { CliError } from '../cli-error';

interface DriftCliOptions {
  json?: boolean;
  columns?: string;
  test?: string;
  threshold?: string;
  correction: string;
  datasetShare: string;
  memoryMb?: string;
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
    .description('Compare every column of a current CSV with a reference CSV (data drift, training-serving skew)')
    .argument('<reference>', 'reference CSV, e.g. the training set')
    .argument('<current>', 'current CSV, e.g. serving logs')
    .option('--json', 'print the result as JSON')
    .option('--columns <names>', 'only these columns (comma-separated)')
    .option('--test <assignments>', `test per column, e.g. age=ks,city=psi or all=ks (${DRIFT_TESTS.join(', ')})`)
    .option('--threshold <assignments>', 'threshold per column, e.g. age=0.01 or all=0.2')
    .option('--correction <method>', 'multiple-testing correction of p-values: none, bonferroni or bh', 'none')
    .option('--dataset-share <share>', 'share of drifted columns at which the dataset counts as drifted', '0.5')
    .option('--memory-mb <mb>', 'files larger than this together are processed from a temporary column store')
    .action(async (reference: string, current: string, opts: DriftCliOptions) => {
      const options = parseOptions(opts);
      const memoryBudgetMb = opts.memoryMb === undefined ? undefined : Number(opts.memoryMb);
      if (memoryBudgetMb !== undefined && !(memoryBudgetMb > 0)) throw new CliError('drift: --memory-mb must be a positive number');
      let tables;
      try {
        tables = await loadCsvTables([reference, current], { sortNumbers: true, ...(memoryBudgetMb ? { memoryBudgetMb } : {}) });
      } catch (err) {
        if (err instanceof TableReadError) throw new CliError(`drift: ${err.message}`);
        throw err;
      }
      const [ref, cur] = tables as [typeof tables[0], typeof tables[0]];
      try {
        for (const t of tables) {
          if (t.stored.raggedRows) process.stderr.write(`assay: warning: ${t.path}: ${t.stored.raggedRows} rows have a different number of fields than the header\n`);
        }
        const selection = opts.columns?.split(',').map((s) => s.trim()).filter(Boolean);
        const names = columnsToCompare(ref.names, cur.names, selection);
        const results = names.map((name) => {
          const r = columnDrift(name, ref.column(name), cur.column(name), options);
          ref.release(name);
          cur.release(name);
          return r;
        });
        const report = summarizeDrift(results, options);
        process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${formatDriftTable(report, options.datasetShare)}\n`);
      } finally {
        ref.dispose();
        cur.dispose();
      }
      if (process.env.ASSAY_REPORT_RSS) process.stderr.write(`assay: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
    });
}
