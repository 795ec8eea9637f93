import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../shared/contract/bridge';
import type { Handlers } from '../../shared/contract/api';
import type { ImportSummary } from '../../shared/contract/import-schemas';
import { getDatasetSchema } from '../storage/datasets-repo';
import { listImportRuns } from '../storage/imports-repo';
import { listKbChanges, previousKbVersion } from '../storage/kb-repo';
import { getAsset } from '../storage/assets-repo';
import { listQuarantine } from '../storage/quarantine-repo';
import type { Workspace } from '../storage/workspace';
import { jobRunnerFor, type JobRunner } from '../jobs/job-runner';
import { previewImport } from '../importers/preview';
import { checkQuarantineSelector, exportQuarantine } from '../importers/quarantine-export';
import { runImport, type ImportInput } from '../importers/run-import';
import { removeUploads, sweepStaleUploads, writeUploadChunk } from '../importers/uploads';
import type { EventBus } from './event-bus';

type ImportMethods = 'import.file' | 'import.start' | 'import.preview' | 'import.history' | 'import.quarantine' | 'import.quarantineExport'
  | 'import.upload' | 'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'datasets.schema' | 'kb.changes';

function toInput(req: { paths?: string[]; path?: string; name?: string; spec?: ImportInput['spec']; repeatOf?: number }): ImportInput {
  return { paths: req.paths ?? (req.path ? [req.path] : []), name: req.name, spec: req.spec, repeatOf: req.repeatOf };
}

function startImport(ws: Workspace, jobs: JobRunner, events: EventBus, input: ImportInput): { jobId: string; done: Promise<ImportSummary> } {
  if (jobs.running().some((j) => j.kind === 'import')) {
    throw new ApiError('bad_request', 'an import is already running in this workspace; wait for it or cancel it (jobs.cancel)');
  }
  const label = `Import ${input.paths.length === 1 ? path.basename(input.paths[0]!) : `${input.paths.length} paths`}`;
  return jobs.start('import', label, async (ctx) => {
    const summary = await runImport(ws, input, { signal: ctx.signal, onProgress: ctx.progress });
    // Imported content now lives in the workspace; a failed import keeps the upload so the user can retry.
    removeUploads(input.paths);
    events.emit({ type: 'workspace.changed', reason: summary.duplicateOfAssetId === null ? 'asset.imported' : 'import.duplicate' });
    return summary;
  });
}

export function createImportHandlers(ws: Workspace, events: EventBus): Pick<Handlers, ImportMethods> {
  const db = ws.db;
  const jobs = jobRunnerFor(ws, (e) => events.emit(e));
  sweepStaleUploads();
  const job = (jobId: string) => {
    const state = jobs.get(jobId);
    if (!state) throw new ApiError('not_found', `job ${jobId} does not exist (finished jobs are kept for a while, then forgotten)`);
    return state;
  };
  return {
    async 'import.file'(req) {
      return startImport(ws, jobs, events, toInput(req)).done;
    },
    async 'import.start'(req) {
      return { jobId: startImport(ws, jobs, events, toInput(req)).jobId };
    },
    async 'import.preview'(req) {
      return previewImport(ws, { paths: req.paths, spec: req.spec, repeatOf: req.repeatOf, limit: req.limit });
    },
    async 'import.history'() {
      return listImportRuns(db);
    },
    async 'import.quarantine'(q) {
      checkQuarantineSelector(db, { importId: q.importId, assetId: q.assetId });
      return listQuarantine(db, { importId: q.importId, assetId: q.assetId }, q.offset, q.limit);
    },
    async 'import.quarantineExport'(req) {
      return exportQuarantine(db, { importId: req.importId, assetId: req.assetId }, req.path);
    },
    async 'import.upload'(chunk) {
      const uploadId = chunk.uploadId ?? randomUUID();
      try {
        return { uploadId, ...writeUploadChunk({ uploadId, fileName: chunk.fileName, offset: chunk.offset, data: Buffer.from(chunk.data, 'base64') }) };
      } catch (err) {
        throw new ApiError('bad_request', (err as Error).message);
      }
    },
    async 'jobs.list'() {
      return jobs.list();
    },
    async 'jobs.get'({ jobId }) {
      return job(jobId);
    },
    async 'jobs.cancel'({ jobId }) {
      job(jobId);
      return jobs.cancel(jobId)!;
    },
    async 'datasets.schema'({ assetId }) {
      const schema = getDatasetSchema(db, assetId);
      if (!schema) throw new ApiError('not_found', `asset ${assetId} is not a dataset`);
      return schema;
    },
    async 'kb.changes'({ assetId }) {
      const asset = getAsset(db, assetId);
      if (!asset || asset.kind !== 'kb') throw new ApiError('not_found', `asset ${assetId} is not a knowledge base`);
      return { previousAssetId: previousKbVersion(db, asset.name, asset.version), changes: listKbChanges(db, assetId) };
    },
  };
}
