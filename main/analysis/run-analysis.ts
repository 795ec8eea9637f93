import type { Analyzer } from '../../shared/engine/analyzer';
import { analyzers as allAnalyzers, getAnalyzer } from '../../shared/engine/registry';
import { hashCanonical } from '../../shared/util/hash';
import { appendAudit } from '../storage/audit-chain';
import { recordsWithKbAccess, setFindingsKb, setRunKb, type KbRef } from '../storage/analysis-kb-repo';
import {
  addScored, createRun, findingsWriter, finishRun, recordTexts, unscoredRecordIds, type AnalyzerStamp,
} from '../storage/findings-repo';
import type { Db } from '../storage/db';
import { acquireRunLock, markRunsInterrupted, releaseRunLock } from '../storage/run-locks-repo';
import type { Workspace } from '../storage/workspace';
import { orphanedRunIds, startRunHeartbeat, thisOwner } from '../jobs/run-lock';
import { createKbSearch, type KbSearchHandle } from '../indexes/kb-search';
import { chooseRunKb, type KbChoice } from './choose-kb';
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
  /**
   * The KB grounding retrieves evidence from for records with contexts: an asset version, 'none', or (undefined)
   * the one the previous run used (the newest KB for a first run). Records of a logs asset bound to a KB use that
   * KB instead, with or without contexts; other records without contexts get no KB evidence (grounding null).
   */
  kb?: KbChoice;
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
  /** The KB the run used for records with contexts; null for none. */
  kb: KbRef | null;
}

/**
 * What each analyzer runs with. Grounding's stamp also names the run's KB, so its hash differs per KB and a run
 * with another KB scores grounding again (the other analyzers' findings stay).
 */
export function stampsFor(chosen: readonly Analyzer[], params: Record<string, unknown>, kb: KbRef | null = null): AnalyzerStamp[] {
  return chosen.map((a) => {
    const parsed: unknown = a.params.parse(params[a.id] ?? {});
    const p = a.id === 'grounding' && kb ? { ...(parsed as Record<string, unknown>), evidenceKb: { assetId: kb.assetId, name: kb.name, version: kb.version } } : parsed;
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
  const db = ws.db;
  const runKb = chooseRunKb(db, options.kb);
  const stamps = stampsFor(chosen, params, runKb);
  const grounds = chosen.some((a) => a.id === 'grounding');
  await ws.writes.idle();
  // A run a stopped process left 'running' is closed as failed, on the audit trail like every run state change;
  // a run another live process (the app, another CLI) is executing is left alone.
  const stale = orphanedRunIds(db);
  if (stale.length) ws.mutate('analysis.interrupted', (d) => markRunsInterrupted(d, stale, new Date().toISOString()), () => ({ runIds: stale }));
  const todo = unscoredRecordIds(db, stamps, options.assetId);
  if (todo.length === 0) return { runId: null, status: 'up-to-date', scored: 0, total: 0, analyzers: stamps, kb: runKb };
  // Every KB some record may use: the run's, and those bound to the assets of the records to score.
  const access = grounds ? recordsWithKbAccess(db, todo) : new Map<number, number | 'run'>();
  const kbIds = new Set<number>([...access.values()].filter((v): v is number => v !== 'run'));
  if (runKb && [...access.values()].includes('run')) kbIds.add(runKb.assetId);
  const searches = new Map<number, KbSearchHandle>();
  for (const id of kbIds) searches.set(id, await createKbSearch(ws, id));
  const kbIndex = runKb ? (searches.get(runKb.assetId)?.source ?? null) : null;
  await ws.writes.idle();
  const owner = thisOwner();
  const runId = ws.mutate('analysis.started', (d) => {
    const id = createRun(d, stamps, kbIndex, todo.length);
    setRunKb(d, id, runKb?.assetId ?? null);
    acquireRunLock(d, id, owner, Date.now());
    return id;
  }, (id) => ({ owner, runId: id, analyzers: stamps.map(({ id: a, version, paramsHash }) => ({ id: a, version, paramsHash })), kb: runKb, kbIndex, records: todo.length }));
  const heartbeat = startRunHeartbeat(ws, runId);
  const end = (d: Db, status: 'succeeded' | 'failed' | 'cancelled', message: string | null) => {
    finishRun(d, runId, status, message);
    releaseRunLock(d, runId);
  };
  const write = findingsWriter(db, runId);
  const hashOf = new Map(stamps.map((st) => [st.id, st.paramsHash]));
  const kbOf = (recordId: number): number | null => {
    const a = access.get(recordId);
    return a === undefined ? null : a === 'run' ? (runKb?.assetId ?? null) : a;
  };
  const config = { analyzerIds: chosen.map((a) => a.id), params, kbPath: null, kbWorkspace: searches.size ? { dir: ws.dir, assetIds: [...searches.keys()] } : null };
  const usePool = options.workers === undefined ? todo.length >= POOL_AFTER : options.workers > 0;
  const pool = usePool ? await ScorePool.start(config, options.workers) : undefined;
  const byKb = new Map([...searches].map(([id, h]) => [id, { searchKb: h.searchKb }]));
  const local = usePool ? undefined : await createBatchScorer({ ...config, kbWorkspace: null }, { byKb });
  const scoreBatch = (records: Record<string, unknown>[], kbs: (number | null)[]): Promise<ScoredBatch> =>
    pool ? pool.score(records, 'rows', kbs) : Promise.resolve(local!.score(records, 'rows', kbs));
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
        done: scoreBatch(rows.map((r) => ({ id: r.id, input: r.input, output: r.output, contexts: JSON.parse(r.contexts) as unknown })), rows.map((r) => kbOf(r.id))),
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
        ws.mutate('analysis.cancelled', (d) => end(d, 'cancelled', `cancelled after ${scored} of ${todo.length}`), () => ({ runId, scored }));
        return { runId, status: 'cancelled', scored, total: todo.length, analyzers: stamps, kb: runKb };
      }
      const head = inFlight.shift()!;
      const results = (await head.done).rows ?? [];
      await ws.writes.idle();
      db.transaction(() => {
        // Grounding findings carry the run's stamp (which names its KB), and the KB each record actually used.
        results.forEach((r, k) => write(head.ids[k]!, { ...r, findings: r.findings.map((f) => ({ ...f, paramsHash: hashOf.get(f.analyzerId) ?? f.paramsHash })) }));
        if (grounds) {
          const used = new Map<number, number[]>();
          for (const id of head.ids) {
            const kb = kbOf(id);
            if (kb !== null) used.set(kb, [...(used.get(kb) ?? []), id]);
          }
          for (const [kb, ids] of used) setFindingsKb(db, runId, kb, ids);
        }
        addScored(db, runId, results.length);
        appendAudit(db, { actor: ws.actor, action: 'analysis.batch', payload: { runId, firstRecordId: head.ids[0] ?? null, lastRecordId: head.ids.at(-1) ?? null, records: results.length } });
      }).immediate();
      scored += results.length;
      options.onProgress?.(scored, todo.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await pool?.close();
    await ws.writes.idle();
    ws.mutate('analysis.finished', (d) => end(d, 'succeeded', null), () => ({ runId, scored }));
    return { runId, status: 'succeeded', scored, total: todo.length, analyzers: stamps, kb: runKb };
  } catch (err) {
    await pool?.close();
    await ws.writes.idle();
    ws.mutate('analysis.failed', (d) => end(d, 'failed', (err as Error).message), () => ({ runId, scored, error: (err as Error).message }));
    throw err;
  } finally {
    heartbeat.stop();
  }
}
