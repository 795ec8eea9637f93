import type { Command } from 'commander';
import type { BatchScorer } from '../../analysis/score-batch';
import type { ScoredJsonl } from '../../analysis/score-jsonl';
import type { ScorePool } from '../../analysis/score-pool';
import type { ScoreWorkerConfig } from '../../analysis/score-protocol';
import { ANALYZER_IDS } from '../../../shared/engine/analyzer-ids';
import { CliError } from '../cli-error';
import { scoreInputLines } from './score-input';

/** Below this many records, starting worker threads costs more than it saves. */
const POOL_AFTER = 256;
const BATCH = 64;

/** Writes with backpressure so a slow consumer never makes us buffer the whole output. */
function writeOut(text: string): Promise<void> {
  return process.stdout.write(text) ? Promise.resolve() : new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('score JSONL records from stdin to stdout: grounding, toxicity, injection, PII (stateless, streaming, in order)')
    .option('--analyzers <ids>', `comma-separated analyzer ids (default: all of ${ANALYZER_IDS.join(', ')})`)
    .option('--kb <path>', 'knowledge base folder or file (.md/.txt/.html/.jsonl) to retrieve grounding evidence from')
    .option('--workers <n>', 'worker threads (default: one per core; 0 scores on the main thread)')
    .option('--input <file>', 'read records from this JSONL or Parquet file instead of stdin')
    .action(async (opts: { analyzers?: string; kb?: string; workers?: string; input?: string }) => {
      const ids = opts.analyzers?.split(',').map((s) => s.trim()).filter(Boolean) ?? null;
      const [{ createBatchScorer, chosenAnalyzers }, { ScorePool }, { scoreJsonlLines }] = await Promise.all([
        import('../../analysis/score-batch'), import('../../analysis/score-pool'), import('../../analysis/score-jsonl'),
      ]);
      try {
        chosenAnalyzers(ids);
      } catch (err) {
        throw new CliError(`--analyzers: ${(err as Error).message}`);
      }
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new CliError(`--workers: expected a whole number, got "${opts.workers}"`);
      // The KB is imported and indexed once here; worker threads open that index read-only.
      const kb = opts.kb ? await (await import('../../indexes/kb-search-for-score')).prepareKbForScore(opts.kb) : null;
      const config: ScoreWorkerConfig = { analyzerIds: ids, params: {}, kbPath: null, kbWorkspace: kb ? { dir: kb.dir, assetIds: [kb.assetId] } : null };
      // Scoring on this thread serves short inputs and --workers 0; it is set up only when needed.
      let local: BatchScorer | undefined;
      const localScorer = async () => (local ??= await createBatchScorer({ ...config, kbWorkspace: null }, kb ? { fallback: { searchKb: kb.searchKb } } : {}));
      let pool: ScorePool | undefined;
      // Batches in flight, written strictly in input order. This thread only splits lines: the workers parse them.
      const inFlight: Promise<ScoredJsonl>[] = [];
      let batch: string[] = [];
      let batchLineNos: number[] = [];
      let seen = 0;
      let malformed = 0;
      const emit = async (done: ScoredJsonl) => {
        malformed += done.problems.length;
        for (const p of done.problems) process.stderr.write(`assay score: ${p}; skipped\n`);
        await writeOut(done.text);
      };
      // Sends what was read in batches of BATCH lines, writing finished batches while more than two per thread wait.
      const flush = async (all: boolean) => {
        const [held, heldNos] = [batch, batchLineNos];
        batch = [];
        batchLineNos = [];
        for (let i = 0; i < held.length; i += BATCH) {
          const [lines, lineNos] = [held.slice(i, i + BATCH), heldNos.slice(i, i + BATCH)];
          if (!pool && workers !== 0 && seen > POOL_AFTER) pool = await ScorePool.start(config, workers);
          inFlight.push(pool ? pool.scoreJsonl(lines, lineNos) : localScorer().then((s) => scoreJsonlLines(s, lines, lineNos)));
          while (inFlight.length > (pool?.size ?? 1) * 2) await emit(await inFlight.shift()!);
        }
        if (all) while (inFlight.length) await emit(await inFlight.shift()!);
      };
      const lines = await scoreInputLines(opts.input);
      let lineNo = 0;
      try {
        for await (const raw of lines) {
          lineNo++;
          const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
          if (text.trim() === '') continue;
          seen++;
          batch.push(text);
          batchLineNos.push(lineNo);
          // The first lines wait until we know whether a pool pays off (more than POOL_AFTER lines).
          if (seen === POOL_AFTER + 1 || (seen > POOL_AFTER && batch.length >= BATCH)) await flush(false);
        }
        await flush(true);
      } finally {
        await pool?.close();
      }
      if (malformed) process.stderr.write(`assay score: ${malformed} malformed line(s) of ${lineNo}\n`);
    });
}
