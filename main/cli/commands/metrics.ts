// `assay metrics <file.csv> --target COL --prediction COL [--score COL] [--segment COL]`: model quality of a
// classic ML dataset (classification or regression), overall and per segment.
import type { Command } from 'commander';
import type { ColumnData } from '../../../shared/drift/types';
import type { QualityInput, QualityOptions, Task } from '../../../shared/metrics/model-quality';
import type { ColumnarTable } from '../../tabular/columnar-table';
import { CliError } from '../cli-error';

interface MetricsCliOptions {
  target: string;
  prediction: string;
  score?: string;
  segment?: string;
  task?: string;
  positive?: string;
  json?: boolean;
}

/** Row-aligned values of a column: numbers as numbers, strings and dates as strings, missing as null. */
export function columnValues(c: ColumnData): (string | number | null)[] {
  const out = new Array<string | number | null>(c.profile.rows).fill(null);
  for (let i = 0; i < out.length; i++) {
    const n = c.numbers?.[i];
    if (n !== undefined && Number.isFinite(n)) out[i] = n;
    else if (c.codes && c.codes[i]! >= 0) out[i] = c.dictionary[c.codes[i]!]!;
    else if (c.dates && !Number.isNaN(c.dates[i]!)) out[i] = new Date(c.dates[i]!).toISOString();
  }
  return out;
}

function requireColumn(table: ColumnarTable, name: string, flag: string): ColumnData {
  const c = table.column(name);
  if (!c) throw new CliError(`metrics: ${flag} column "${name}" not found in ${table.path} (columns: ${table.names.join(', ')})`);
  return c;
}

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description('Model quality of predictions in a CSV: accuracy, precision/recall/F1, ROC/PR AUC, log loss, Brier, calibration; or MAE, RMSE, R2')
    .argument('<file>', 'CSV with a target column and a prediction column')
    .requiredOption('--target <column>', 'column with the true label or value')
    .requiredOption('--prediction <column>', 'column with the predicted label or value')
    .option('--score <column>', 'column with the predicted probability of the positive class')
    .option('--segment <column>', 'report metrics per value of this column too')
    .option('--task <task>', 'classification or regression (detected when omitted)')
    .option('--positive <label>', 'positive class label for score metrics')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: MetricsCliOptions) => {
      if (opts.task !== undefined && opts.task !== 'classification' && opts.task !== 'regression') {
        throw new CliError('metrics: --task must be classification or regression');
      }
      // The engine loads when the command runs, so that `assay --help` and other commands do not pay for it.
      const [{ formatQualityReport }, { modelQuality }, { loadCsvTables }, { TableReadError }] = await Promise.all([
        import('../../../shared/metrics/format-report'), import('../../../shared/metrics/model-quality'),
        import('../../tabular/load-tables'), import('../../tabular/table-reader'),
      ]);
      let table: ColumnarTable;
      try {
        [table] = (await loadCsvTables([file], { parallel: false })) as [ColumnarTable];
      } catch (err) {
        if (err instanceof TableReadError) throw new CliError(`metrics: ${err.message}`);
        throw err;
      }
      try {
        const input: QualityInput = {
          target: columnValues(requireColumn(table, opts.target, '--target')),
          prediction: columnValues(requireColumn(table, opts.prediction, '--prediction')),
        };
        if (opts.score) input.score = columnValues(requireColumn(table, opts.score, '--score')).map((v) => (typeof v === 'number' ? v : null));
        if (opts.segment) input.segment = columnValues(requireColumn(table, opts.segment, '--segment'));
        const options: QualityOptions = {};
        if (opts.task) options.task = opts.task as Task;
        if (opts.positive !== undefined) options.positiveLabel = opts.positive;
        const report = modelQuality(input, options);
        process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${formatQualityReport(report)}\n`);
      } finally {
        table.dispose();
      }
    });
}
