import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import { analyzers } from '../../shared/engine/registry';
import { runAnalysis } from '../analysis/run-analysis';
import { jobRunnerFor } from '../jobs/job-runner';
import { findingsForRecord, listRuns } from '../storage/findings-repo';
import type { Workspace } from '../storage/workspace';
import type { EventBus } from './event-bus';

type AnalysisHandlers = Pick<Handlers, 'analysis.analyzers' | 'analysis.start' | 'analysis.runs' | 'records.findings'>;

export function createAnalysisHandlers(ws: Workspace, events: EventBus): AnalysisHandlers {
  const jobs = jobRunnerFor(ws, (e) => events.emit(e));
  return {
    async 'analysis.analyzers'() {
      return analyzers.map((a) => ({ id: a.id, version: a.version, description: a.description }));
    },
    async 'analysis.start'({ analyzers: ids, assetId }) {
      const known = new Set(analyzers.map((a) => a.id));
      const unknown = (ids ?? []).filter((id) => !known.has(id));
      if (unknown.length) throw new ApiError('bad_request', `unknown analyzer ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
      if (jobs.running().some((j) => j.kind === 'analysis')) throw new ApiError('bad_request', 'an analysis is already running in this workspace');
      const { jobId } = jobs.start('analysis', 'Analyze records', async (ctx) => {
        const summary = await runAnalysis(ws, {
          analyzerIds: ids, assetId, signal: ctx.signal,
          onProgress: (done, total) => ctx.progress({ phase: 'analyze', bytes: done, totalBytes: total, rows: done }),
        });
        events.emit({ type: 'workspace.changed', reason: 'analysis.finished' });
        if (summary.status === 'cancelled') throw new Error(`cancelled after ${summary.scored} records`);
        return summary;
      });
      return { jobId };
    },
    async 'analysis.runs'() {
      return listRuns(ws.db);
    },
    async 'records.findings'({ id }) {
      return findingsForRecord(ws.db, id);
    },
  };
}
