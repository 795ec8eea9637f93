import type { Command } from 'commander';
import { ANALYZER_IDS } from '../../../shared/engine/analyzer-ids';
import { CliError } from '../cli-error';
import { openForCli, printJson } from '../open';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('score the workspace records that are not yet scored by these analyzer versions (incremental, resumable)')
    .argument('<workspace>', 'workspace folder')
    .option('--analyzers <ids>', `comma-separated analyzer ids (default: all of ${ANALYZER_IDS.join(', ')})`)
    .option('--asset <id>', 'only records of this logs asset')
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string, opts: { analyzers?: string; asset?: string; json?: boolean }) => {
      const assetId = opts.asset === undefined ? undefined : Number(opts.asset);
      if (assetId !== undefined && !Number.isInteger(assetId)) throw new CliError(`--asset: expected an asset id, got "${opts.asset}"`);
      const ids = opts.analyzers?.split(',').map((s) => s.trim()).filter(Boolean);
      const known = new Set<string>(ANALYZER_IDS);
      const unknown = ids?.filter((id) => !known.has(id)) ?? [];
      if (unknown.length) throw new CliError(`--analyzers: unknown analyzer ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
      const { ws } = await openForCli(dir);
      const { runAnalysis } = await import('../../analysis/run-analysis');
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once('SIGINT', onSigint);
      const started = performance.now();
      try {
        const summary = await runAnalysis(ws, {
          analyzerIds: ids, assetId, signal: abort.signal,
          onProgress: (done, total) => {
            if (process.stderr.isTTY) process.stderr.write(`\rscored ${done}/${total} (${Math.round((done / total) * 100)}%)`);
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) return printJson({ ...summary, seconds });
        if (summary.status === 'up-to-date') process.stdout.write('every record is already scored by these analyzer versions\n');
        else process.stdout.write(`run ${summary.runId}: ${summary.status}, scored ${summary.scored} of ${summary.total} records in ${seconds.toFixed(1)} s\n`);
      } finally {
        process.off('SIGINT', onSigint);
        ws.close();
      }
    });
}
