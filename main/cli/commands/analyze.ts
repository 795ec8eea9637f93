import type { Command } from 'commander';
import { ANALYZER_IDS } from '../../../shared/engine/analyzer-ids';
import { CliError } from '../cli-error';
import { openForCli, printJson } from '../open';
import { kbOption } from '../kb-option';

export function registerAnalyze(program: Command): void {
  registerBindKb(program);
  program
    .command('analyze')
    .description('score the workspace records that are not yet scored by these analyzer versions (incremental, resumable)')
    .argument('<workspace>', 'workspace folder')
    .option('--analyzers <ids>', `comma-separated analyzer ids (default: all of ${ANALYZER_IDS.join(', ')})`)
    .option('--asset <id>', 'only records of this logs asset')
    .option('--kb <ID[:VERSION]>', 'KB used as grounding evidence: an asset id or name, optionally a version, or "none" (default: the KB the previous run used; the newest KB for a first run)')
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string, opts: { analyzers?: string; asset?: string; kb?: string; json?: boolean }) => {
      const kb = opts.kb === undefined ? undefined : kbOption(opts.kb);
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
          analyzerIds: ids, assetId, kb, signal: abort.signal,
          onProgress: (done, total) => {
            if (process.stderr.isTTY) process.stderr.write(`\rscored ${done}/${total} (${Math.round((done / total) * 100)}%)`);
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        const seconds = (performance.now() - started) / 1000;
        if (opts.json) return printJson({ ...summary, seconds });
        const kbText = summary.kb ? `KB ${summary.kb.assetId} (${summary.kb.name} v${summary.kb.version})` : 'no KB';
        if (summary.status === 'up-to-date') process.stdout.write(`every record is already scored by these analyzer versions with ${kbText}\n`);
        else process.stdout.write(`run ${summary.runId}: ${summary.status}, scored ${summary.scored} of ${summary.total} records in ${seconds.toFixed(1)} s; evidence: record contexts and ${kbText}\n`);
      } finally {
        process.off('SIGINT', onSigint);
        ws.close();
      }
    });
}

export function registerBindKb(program: Command): void {
  program
    .command('bind-kb')
    .description('ground a logs asset\'s records (with or without contexts) against a KB in every later analysis; "none" removes the binding')
    .argument('<workspace>', 'workspace folder')
    .argument('<asset>', 'logs asset id')
    .argument('<kb>', 'KB asset id or name, optionally :VERSION, or "none"')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, asset: string, kbText: string, opts: { json?: boolean }) => {
      const assetId = Number(asset);
      if (!Number.isInteger(assetId) || assetId < 1) throw new CliError(`<asset>: expected a logs asset id, got "${asset}"`);
      const choice = kbOption(kbText);
      const { ws, call } = await openForCli(dir);
      try {
        const { resolveKb } = await import('../../analysis/choose-kb');
        const kbAssetId = choice === 'none' ? null : resolveKb(ws.db, choice).assetId;
        const result = await call('analysis.bindKb', { assetId, kbAssetId });
        if (opts.json) return printJson(result);
        const b = result.binding;
        process.stdout.write(b ? `asset ${assetId} is grounded against KB ${b.kb.assetId} (${b.kb.name} v${b.kb.version})` : `asset ${assetId} has no KB binding`);
        process.stdout.write(`; ${result.findingsDropped} grounding finding(s) will be scored again by the next analysis\n`);
      } finally {
        ws.close();
      }
    });
}
