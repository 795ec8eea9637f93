import type { Analyzer } from '../../shared/engine/analyzer';
import { analyzers as allAnalyzers, getAnalyzer } from '../../shared/engine/registry';
import { hashCanonical } from '../../shared/util/hash';
import { appendAudit } from '../storage/audit-chain';
import { hasAssetOfKind } from '../storage/assets-repo';
import {
  addScored, createRun, findingsWriter, finishRun, markInterruptedRuns, recordTexts, runningRunIds, unscoredRecordIds, type AnalyzerStamp,
} from '../storage/findings-repo';
import type { Workspace } from '../storage/workspace';
import { createKbSearch } from '../indexes/kb-search';
import { createBatchScorer } from './score-batch';
import { ScorePool } from './score-pool';
import type { ScoredBatch } from './score-protocol';

const BATCH = 200;
/** Below this many records, starting worker threads costs more than it saves. */
const POOL_AFTER = 1000;

export interface AnalysisOptions {
  analyzerIds?: string[];
  params?: Record<string, unknown>;
  assetId?: number;
  /** Retrieve grounding evidence from the workspace's latest KB too (default: when the workspace has one). */
  useKb?: boolean;
  /** Worker threads; default one per core for large runs, 0 scores on the main thread. */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface AnalysisSummary {
  runId: number | null;
  status: 'succeeded' | 'cancelled' | 'failed' | 'up-to-date';
  scored: number;
  total: number;
  analyzers: AnalyzerStamp[];
}

export function stampsFor(chosen: readonly Analyzer[], params: Record<string, unknown>): AnalyzerStamp[] {
  return chosen.map((a) => {
    const p: unknown = a.params.parse(params[a.id] ?? {});
    return { id: a.id, version: a.version, params: p, paramsHash: hashCanonical(p) };
  });
}

/**
 * Scores the records that lack a finding from these exact analyzer versions and params (so a rerun is
 * incremental, and a killed run resumes where its last committed batch ended). Each batch commits with its
 * audit entry; between batches the event loop is free, so the UI's API stays responsive.
 */
export async function runAnalysis(ws: Workspace, options: AnalysisOptions = {}): Promise<AnalysisSummary> {
  const chosen = options.analyzerIds?.length ? options.analyzerIds.map(getAnalyzer) : allAnalyzers;
  const params = options.params ?? {};
  const stamps = stampsFor(chosen, params);
  const db = ws.db;
  await ws.writes.idle();
  // A run a stopped process left 'running' is closed as failed, on the audit trail like every run state change.
  const stale = runningRunIds(db);
  if (stale.length) ws.mutate('analysis.interrupted', (d) => markInterruptedRuns(d), () => ({ runIds: stale }));
  const todo = unscoredRecordIds(db, stamps, options.assetId);
  if (todo.length === 0) return { runId: null, status: 'up-to-date', scored: 0, total: 0, analyzers: stamps };
  const kb = options.useKb === false || !hasAssetOfKind(db, 'kb') ? null : await createKbSearch(ws);
  const kbIndex = kb?.source ?? null;
  await ws.writes.idle();
  const runId = ws.mutate('analysis.started', (d) => createRun(d, stamps, kbIndex, todo.length),
    (id) => ({ runId: id, analyzers: stamps.map(({ id: a, version, paramsHash }) => ({ id: a, version, paramsHash })), kbIndex, records: todo.length }));
  const write = findingsWriter(db, runId);
  const config = { analyzerIds: chosen.map((a) => a.id), params, kbPath: null, kbWorkspace: kb ? { dir: ws.dir, assetId: kb.source.assetId } : null };
  const usePool = options.workers === undefined ? todo.length >= POOL_AFTER : options.workers > 0;
  const pool = usePool ? await ScorePool.start(config, options.workers) : undefined;
  const local = usePool ? undefined : await createBatchScorer({ ...config, kbWorkspace: null }, kb ? { searchKb: kb.searchKb } : {});
  const scoreBatch = (records: Record<string, unknown>[]): Promise<ScoredBatch> =>
    pool ? pool.score(records, 'rows') : Promise.resolve(local!.score(records, 'rows'));
  let scored = 0;
  options.onProgress?.(0, todo.length);
  try {
    // Keep every worker busy: up to two batches per worker in flight, written in order as they finish.
    const window = Math.max(1, (pool?.size ?? 1) * 2);
    const inFlight: { ids: number[]; done: Promise<ScoredBatch> }[] = [];
    const launch = (i: number) => {
      const rows = recordTexts(db, todo.slice(i, i + BATCH));
      inFlight.push({
        ids: rows.map((r) => r.id),
        done: scoreBatch(rows.map((r) => ({ id: r.id, input: r.input, output: r.output, contexts: JSON.parse(r.contexts) as unknown }))),
      });
    };
    let nextStart = 0;
    while (nextStart < todo.length || inFlight.length) {
      while (nextStart < todo.length && inFlight.length < window && !options.signal?.aborted) {
        launch(nextStart);
        nextStart += BATCH;
      }
      if (options.signal?.aborted) {
        await Promise.allSettled(inFlight.map((f) => f.done));
        await pool?.close();
        await ws.writes.idle();
        ws.mutate('analysis.cancelled', (d) => finishRun(d, runId, 'cancelled', `cancelled after ${scored} of ${todo.length}`), () => ({ runId, scored }));
        return { runId, status: 'cancelled', scored, total: todo.length, analyzers: stamps };
      }
      const head = inFlight.shift()!;
      const results = (await head.done).rows ?? [];
      await ws.writes.idle();
      db.transaction(() => {
        results.forEach((r, k) => write(head.ids[k]!, r));
        addScored(db, runId, results.length);
        appendAudit(db, { actor: ws.actor, action: 'analysis.batch', payload: { runId, firstRecordId: head.ids[0] ?? null, lastRecordId: head.ids.at(-1) ?? null, records: results.length } });
      }).immediate();
      scored += results.length;
      options.onProgress?.(scored, todo.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await pool?.close();
    await ws.writes.idle();
    ws.mutate('analysis.finished', (d) => finishRun(d, runId, 'succeeded', null), () => ({ runId, scored }));
    return { runId, status: 'succeeded', scored, total: todo.length, analyzers: stamps };
  } catch (err) {
    await pool?.close();
    await ws.writes.idle();
    ws.mutate('analysis.failed', (d) => finishRun(d, runId, 'failed', (err as Error).message), () => ({ runId, scored, error: (err as Error).message }));
    throw err;
  }
}
