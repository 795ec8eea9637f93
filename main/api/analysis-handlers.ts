import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import { analyzers } from '../../shared/engine/registry';
import { chooseRunKb, resolveKb } from '../analysis/choose-kb';
import { runAnalysis } from '../analysis/run-analysis';
import { jobRunnerFor } from '../jobs/job-runner';
import { bindKb, findingKbs, findingKey, kbBindings, kbRef, listKbRefs, runKbs } from '../storage/analysis-kb-repo';
import { getAsset } from '../storage/assets-repo';
import { findingsForRecord, listRuns } from '../storage/findings-repo';
import type { Workspace } from '../storage/workspace';
import type { EventBus } from './event-bus';

type AnalysisHandlers = Pick<Handlers, 'analysis.analyzers' | 'analysis.start' | 'analysis.runs' | 'records.findings' | 'analysis.kbOptions' | 'analysis.bindKb'>;

export function createAnalysisHandlers(ws: Workspace, events: EventBus): AnalysisHandlers {
  const jobs = jobRunnerFor(ws, (e) => events.emit(e));
  return {
    async 'analysis.analyzers'() {
      return analyzers.map((a) => ({ id: a.id, version: a.version, description: a.description }));
    },
    async 'analysis.start'({ analyzers: ids, assetId, kbAssetId }) {
      const known = new Set(analyzers.map((a) => a.id));
      const unknown = (ids ?? []).filter((id) => !known.has(id));
      if (unknown.length) throw new ApiError('bad_request', `unknown analyzer ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
      if (jobs.running().some((j) => j.kind === 'analysis')) throw new ApiError('bad_request', 'an analysis is already running in this workspace');
      // Checked before the job starts, so a wrong KB is an answer to this call rather than a failed job.
      const kb = kbAssetId === undefined ? undefined : kbAssetId === null ? 'none' as const : { assetId: resolveKb(ws.db, { assetId: kbAssetId }).assetId };
      const { jobId } = jobs.start('analysis', 'Analyze records', async (ctx) => {
        const summary = await runAnalysis(ws, {
          analyzerIds: ids, assetId, kb, signal: ctx.signal,
          onProgress: (done, total) => ctx.progress({ phase: 'analyze', bytes: done, totalBytes: total, rows: done }),
        });
        events.emit({ type: 'workspace.changed', reason: 'analysis.finished' });
        if (summary.status === 'cancelled') throw new Error(`cancelled after ${summary.scored} records`);
        return summary;
      });
      return { jobId };
    },
    async 'analysis.runs'() {
      const kbs = runKbs(ws.db);
      return listRuns(ws.db).map((r) => ({ ...r, kb: kbs.get(r.id) ?? null }));
    },
    async 'records.findings'({ id }) {
      const kbs = findingKbs(ws.db, id);
      return findingsForRecord(ws.db, id).map((f) => ({ ...f, kb: kbs.get(findingKey(f.analyzerId, f.runId, f.analyzerVersion, f.paramsHash)) ?? null }));
    },
    async 'analysis.kbOptions'() {
      return { kbs: listKbRefs(ws.db), defaultKb: chooseRunKb(ws.db, undefined), bindings: kbBindings(ws.db) };
    },
    async 'analysis.bindKb'({ assetId, kbAssetId }) {
      const asset = getAsset(ws.db, assetId);
      if (!asset || asset.kind !== 'logs') throw new ApiError('bad_request', `asset ${assetId} is not a logs asset in this workspace`);
      const kb = kbAssetId === null ? null : kbRef(ws.db, kbAssetId);
      if (kbAssetId !== null && !kb) throw new ApiError('bad_request', `asset ${kbAssetId} is not a knowledge base in this workspace`);
      const findingsDropped = ws.mutate('analysis.kbBound', (d) => bindKb(d, assetId, kbAssetId),
        (dropped) => ({ assetId, kb, groundingFindingsDropped: dropped }));
      events.emit({ type: 'workspace.changed', reason: 'analysis.kbBound' });
      return { binding: kb ? (kbBindings(ws.db).find((b) => b.assetId === assetId) ?? null) : null, findingsDropped };
    },
  };
}
