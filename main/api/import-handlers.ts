import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/contract/bridge';
import type { Handlers } from '../../shared/contract/api';
import type { ImportSummary } from '../../shared/contract/import-schemas';
import { getDatasetSchema } from '../storage/datasets-repo';
import { listImportRuns } from '../storage/imports-repo';
import { listKbChanges, previousKbVersion } from '../storage/kb-repo';
import { promptAssetVersions } from '../storage/prompts-repo';
import { getAsset } from '../storage/assets-repo';
import { listQuarantine } from '../storage/quarantine-repo';
import type { Workspace } from '../storage/workspace';
import { jobRunnerFor, type JobRunner } from '../jobs/job-runner';
import { previewImport } from '../importers/preview';
import { checkQuarantineSelector, exportQuarantine } from '../importers/quarantine-export';
import { runImport, type ImportInput } from '../importers/run-import';
import { removeUploads, sweepStaleUploads, writeUploadChunk } from '../importers/uploads';
import type { EventBus } from './event-bus';
import { PathHandles, isHandle, readablePaths, type ApiHost } from './import-sources';

type ImportMethods = 'import.file' | 'import.start' | 'import.preview' | 'import.history' | 'import.quarantine' | 'import.quarantineExport'
  | 'import.upload' | 'import.pickSources' | 'import.pickExportTarget' | 'jobs.list' | 'jobs.get' | 'jobs.cancel' | 'datasets.schema' | 'kb.changes'
  | 'prompts.match';

function requestedPaths(req: { paths?: string[]; path?: string }): string[] {
  return req.paths ?? (req.path ? [req.path] : []);
}

function startImport(ws: Workspace, host: ApiHost, jobs: JobRunner, events: EventBus, input: ImportInput): { jobId: string; done: Promise<ImportSummary> } {
  if (jobs.running().some((j) => j.kind === 'import')) {
    throw new ApiError('bad_request', 'an import is already running in this workspace; wait for it or cancel it (jobs.cancel)');
  }
  const label = `Import ${input.paths.length === 1 ? path.basename(input.paths[0]!) : `${input.paths.length} paths`}`;
  return jobs.start('import', label, async (ctx) => {
    // A CLI command does nothing else with its workspace meanwhile, so the import may use (and journal) its connection.
    const summary = await runImport(ws, input, { signal: ctx.signal, onProgress: ctx.progress, connection: host.kind === 'cli' ? 'workspace' : 'own' });
    // Imported content now lives in the workspace; a failed import keeps the upload so the user can retry.
    removeUploads(input.paths);
    events.emit({ type: 'workspace.changed', reason: summary.duplicateOfAssetId === null ? 'asset.imported' : 'import.duplicate' });
    return summary;
  });
}

/** `host` says who calls (fixed here, never taken from a request): it decides which paths a request may name. */
export function createImportHandlers(ws: Workspace, events: EventBus, host: ApiHost): Pick<Handlers, ImportMethods> {
  const db = ws.db;
  const handles = new PathHandles();
  /** Upload id -> its handle: only this session may add chunks to its own uploads. */
  const uploads = new Map<string, string>();
  const toInput = (req: { paths?: string[]; path?: string; name?: string; spec?: ImportInput['spec']; repeatOf?: number }): ImportInput =>
    ({ paths: readablePaths(host, handles, ws.dir, requestedPaths(req)), name: req.name, spec: req.spec, repeatOf: req.repeatOf });
  const desktopOnly = (method: string): Extract<ApiHost, { kind: 'electron' }> => {
    if (host.kind !== 'electron') throw new ApiError('bad_request', `${method} is for the desktop app; ${host.kind === 'browser' ? 'upload files instead' : 'give paths'}`);
    return host;
  };
  const jobs = jobRunnerFor(ws, (e) => events.emit(e));
  sweepStaleUploads();
  const job = (jobId: string) => {
    const state = jobs.get(jobId);
    if (!state) throw new ApiError('not_found', `job ${jobId} does not exist (finished jobs are kept for a while, then forgotten)`);
    return state;
  };
  return {
    async 'import.file'(req) {
      return startImport(ws, host, jobs, events, toInput(req)).done;
    },
    async 'import.start'(req) {
      return { jobId: startImport(ws, host, jobs, events, toInput(req)).jobId };
    },
    async 'import.preview'(req) {
      return previewImport(ws, { paths: readablePaths(host, handles, ws.dir, req.paths), spec: req.spec, repeatOf: req.repeatOf, limit: req.limit });
    },
    async 'import.history'() {
      return listImportRuns(db);
    },
    async 'import.quarantine'(q) {
      checkQuarantineSelector(db, { importId: q.importId, assetId: q.assetId });
      return listQuarantine(db, { importId: q.importId, assetId: q.assetId }, q.offset, q.limit);
    },
    async 'import.quarantineExport'(req) {
      const sel = { importId: req.importId, assetId: req.assetId };
      if (host.kind === 'browser') {
        // The server writes nowhere the page names: the rows go back for the browser to save as a download.
        if (req.path !== undefined) throw new ApiError('bad_request', 'in browser mode the export comes back as a download; leave out path');
        const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-quarantine-'));
        try {
          const { written } = exportQuarantine(db, sel, path.join(dir, 'quarantine.jsonl'));
          return { written, path: null, jsonl: readFileSync(path.join(dir, 'quarantine.jsonl'), 'utf8') };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      if (req.path === undefined) throw new ApiError('bad_request', host.kind === 'electron' ? 'pick where to save with import.pickExportTarget' : 'give the path to write');
      if (host.kind === 'electron' && !isHandle(req.path)) throw new ApiError('bad_request', `${req.path}: the app writes only where you picked in the save dialog`);
      const out = isHandle(req.path) ? handles.resolve(req.path, 'write') : req.path;
      return { ...exportQuarantine(db, sel, out), jsonl: null };
    },
    async 'import.pickSources'({ folders }) {
      const picked = await desktopOnly('import.pickSources').pickSources(folders);
      return picked.map((p) => ({ handle: handles.register(p, 'read'), name: path.basename(p) }));
    },
    async 'import.pickExportTarget'({ defaultName }) {
      const picked = await desktopOnly('import.pickExportTarget').pickSaveTarget(defaultName);
      return picked === undefined ? null : { handle: handles.register(picked, 'write'), name: path.basename(picked) };
    },
    async 'import.upload'(chunk) {
      if (chunk.uploadId !== undefined && !uploads.has(chunk.uploadId)) {
        throw new ApiError('bad_request', `upload ${chunk.uploadId} was not started in this session; start the upload again`);
      }
      const uploadId = chunk.uploadId ?? randomUUID();
      let written: { path: string; bytes: number };
      try {
        written = writeUploadChunk({ uploadId, fileName: chunk.fileName, offset: chunk.offset, data: Buffer.from(chunk.data, 'base64') });
      } catch (err) {
        throw new ApiError('bad_request', (err as Error).message);
      }
      let handle = uploads.get(uploadId);
      if (handle === undefined) {
        handle = handles.register(written.path, 'read');
        uploads.set(uploadId, handle);
      }
      return { uploadId, handle, bytes: written.bytes };
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
    async 'prompts.match'({ promptId, promptVersion }) {
      const versions = promptAssetVersions(db, promptId);
      // The newest asset with this label: a template edited under the same label becomes a later asset.
      const match = versions.filter((v) => v.promptVersion === promptVersion).at(-1) ?? null;
      return { promptId, promptVersion, match, versions };
    },
    async 'kb.changes'({ assetId }) {
      const asset = getAsset(db, assetId);
      if (!asset || asset.kind !== 'kb') throw new ApiError('not_found', `asset ${assetId} is not a knowledge base`);
      return { previousAssetId: previousKbVersion(db, asset.name, asset.version), changes: listKbChanges(db, assetId) };
    },
  };
}
