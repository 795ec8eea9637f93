import type { Command } from 'commander';
import { CliError, EXIT_CHECK_FAILED } from '../cli-error';
import { openForCli, printJson } from '../open';
import { embedderOption, followIndexBuilds, intOption } from './search';

interface EvalOptions {
  k?: string;
  kb?: string;
  rebuild?: boolean;
  minHit?: string;
  modelDir?: string;
  builtin?: boolean;
  json?: boolean;
}

function rate(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new CliError(`${name}: expected a rate between 0 and 1, got "${value}"`);
  return n;
}

export function registerEvalRetrieval(program: Command): void {
  program
    .command('eval-retrieval')
    .description('retrieval check for a KB index: hit@k, MRR and nDCG@k over questions with gold document ids')
    .argument('<workspace>', 'workspace folder')
    .argument('<questions>', 'JSONL file, one {"question": "...", "gold_doc_ids": ["..."]} per line')
    .option('-k, --k <n>', 'rank cut-off (1..100)', '5')
    .option('--kb <assetId>', 'KB asset version whose index is evaluated (default: the latest KB)')
    .option('--rebuild', 'rebuild the KB index first')
    .option('--min-hit <rate>', 'exit 1 when hit@k is below this rate (a deployment gate)')
    .option('--model-dir <folder>', 'evaluate an index embedded with a local ONNX sentence-embedding model (built with it if needed)')
    .option('--builtin', 'evaluate an index embedded with the built-in provider (hashed TF-IDF)')
    .option('--json', 'print the full report (with per-question ranks) as JSON')
    .action(async (dir: string, file: string, opts: EvalOptions) => {
      const k = intOption('-k', opts.k, 1, 100);
      const assetId = intOption('--kb', opts.kb);
      const minHit = rate(opts.minHit, '--min-hit');
      const embedder = embedderOption(opts);
      const { ws, events, call } = await openForCli(dir);
      const stop = followIndexBuilds(events, call);
      try {
        const r = await call('retrieval.evaluate', { path: file, k, assetId, rebuild: opts.rebuild ?? false, embedder });
        stop();
        if (r.unknownGoldIds > 0) {
          process.stderr.write(`warning: ${r.unknownGoldIds} gold document id(s) are not in KB asset ${r.index.assetId} (e.g. ${r.unknownGoldSample.slice(0, 3).join(', ')})\n`);
        }
        if (opts.json) {
          printJson(r);
        } else {
          const p = r.index.provider;
          process.stdout.write(`KB asset ${r.index.assetId}, index ${r.index.id} (${p.id} v${p.version}, ${p.dimension} dims, ${r.index.itemCount} chunks): ${r.questions} questions\n`);
          for (const [name, value] of [[`hit@${r.k}`, r.hitAtK], [`MRR@${r.k}`, r.mrrAtK], [`nDCG@${r.k}`, r.ndcgAtK], [`recall@${r.k}`, r.recallAtK]] as const) {
            process.stdout.write(`${name.padEnd(10)} ${value.toFixed(4)}\n`);
          }
        }
        if (minHit !== undefined && r.hitAtK < minHit) {
          process.stderr.write(`hit@${r.k} ${r.hitAtK.toFixed(4)} is below --min-hit ${minHit}\n`);
          process.exitCode = EXIT_CHECK_FAILED;
        }
      } finally {
        stop();
        ws.close();
      }
    });
}
