import type { Command } from 'commander';
import type { ScorePool } from '../../analysis/score-pool';
import type { ScoredBatch, ScoreWorkerConfig } from '../../analysis/score-protocol';
import { ANALYZER_IDS } from '../../../shared/engine/analyzer-ids';
import { CliError } from '../cli-error';
import { scoreInputLines } from './score-input';

/** Below this many records, starting worker threads costs more than it saves. */
const POOL_AFTER = 256;
const BATCH = 64;

type Entry = { raw: Record<string, unknown> } | { error: { id: null; line: number; error: string } };

/** Writes with backpressure so a slow consumer never makes us buffer the whole output. */
function writeOut(text: string): Promise<void> {
  return process.stdout.write(text) ? Promise.resolve() : new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

function render(entries: Entry[], batch: ScoredBatch): string {
  const lines = batch.lines ?? [];
  let k = 0;
  let out = '';
  for (const e of entries) out += `${'error' in e ? JSON.stringify(e.error) : lines[k++]}\n`;
  return out;
}

function parseLine(text: string, lineNo: number): Entry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const reason = `invalid JSON (${(err as Error).message})`;
    process.stderr.write(`assay score: line ${lineNo}: ${reason}; skipped\n`);
    return { error: { id: null, line: lineNo, error: reason } };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    process.stderr.write(`assay score: line ${lineNo}: expected a JSON object; skipped\n`);
    return { error: { id: null, line: lineNo, error: 'expected a JSON object' } };
  }
  return { raw: json as Record<string, unknown> };
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
      const [{ createBatchScorer, chosenAnalyzers }, { ScorePool }] = await Promise.all([import('../../analysis/score-batch'), import('../../analysis/score-pool')]);
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
      const local = await createBatchScorer({ ...config, kbWorkspace: null }, kb ? { fallback: { searchKb: kb.searchKb } } : {});
      let pool: ScorePool | undefined;
      // Batches in flight, written strictly in input order.
      const inFlight: Promise<string>[] = [];
      let batch: Entry[] = [];
      let seen = 0;
      let malformed = 0;
      const flushBatch = async (force: boolean) => {
        if (batch.length === 0) return;
        const entries = batch;
        batch = [];
        const records = entries.flatMap((e) => ('raw' in e ? [e.raw] : []));
        if (!pool && workers !== 0 && seen >= POOL_AFTER) pool = await ScorePool.start(config, workers);
        inFlight.push(pool ? pool.score(records, 'lines').then((b) => render(entries, b)) : Promise.resolve(render(entries, local.score(records, 'lines'))));
        const limit = force ? 0 : (pool?.size ?? 1) * 2;
        while (inFlight.length > limit) await writeOut(await inFlight.shift()!);
      };
      const lines = await scoreInputLines(opts.input);
      let lineNo = 0;
      const pendingSmall: Entry[] = [];
      try {
        for await (const raw of lines) {
          lineNo++;
          const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
          if (text.trim() === '') continue;
          const entry = parseLine(text, lineNo);
          if ('error' in entry) malformed++;
          seen++;
          // Hold the first lines back until we know whether a pool pays off.
          if (seen <= POOL_AFTER) {
            pendingSmall.push(entry);
            if (seen === POOL_AFTER) {
              for (let i = 0; i < pendingSmall.length; i += BATCH) {
                batch = pendingSmall.slice(i, i + BATCH);
                await flushBatch(false);
              }
            }
            continue;
          }
          batch.push(entry);
          if (batch.length >= BATCH) await flushBatch(false);
        }
        if (seen < POOL_AFTER) batch = pendingSmall;
        await flushBatch(true);
        while (inFlight.length) await writeOut(await inFlight.shift()!);
      } finally {
        await pool?.close();
      }
      if (malformed) process.stderr.write(`assay score: ${malformed} malformed line(s) of ${lineNo}\n`);
    });
}
