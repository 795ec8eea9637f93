import { createHash } from 'node:crypto';
import path from 'node:path';
import { ImportSpec, type ImportSummary, type ParsedImportSpec, type ResolvedSpec, type SourceFile } from '../../shared/contract/import-schemas';
import { ApiError } from '../../shared/contract/bridge';
import { appendAudit } from '../storage/audit-chain';
import { deleteAsset, finishAsset, insertAsset, nextAssetVersion } from '../storage/assets-repo';
import { catchUpRecordGroups } from '../storage/records-groups';
import { describeSqliteError, type Db } from '../storage/db';
import { borrowImportConnection, openImportConnection } from '../storage/import-connection';
import { dropUnitStaging } from '../storage/import-staging';
import { beginImportRun, completeImportRun, findAssetByContent, importRunForAsset } from '../storage/imports-repo';
import { quarantineWriter } from '../storage/quarantine-repo';
import type { Workspace } from '../storage/workspace';
import { WorkspaceError } from '../storage/workspace-error';
import { JobCancelledError, type JobProgress } from '../jobs/job-runner';
import { datasetPipeline } from './dataset/dataset-pipeline';
import { detectImport, type Detection } from './detect';
import { badInput } from './import-error';
import { kbPipeline } from './kb/kb-pipeline';
import { Accounting } from './pipeline/accounting';
import type { Pipeline, PipelineContext } from './pipeline/pipeline';
import { recordsPipeline, type RecordsPipeline } from './pipeline/records-pipeline';
import { readJsonlParallel, useWorker } from './parallel/parallel-jsonl';
import { tracesPipeline } from './pipeline/traces-pipeline';
import { readSources, type ReadOptions } from './read-sources';
import { PromptCollector } from './records/prompt-collector';
import { expandSources, filterForKind, type SourceEntry } from './source/files';
import { sourceLabel } from './uploads';

export interface ImportInput {
  paths: string[];
  name?: string;
  spec?: ImportSpec;
  repeatOf?: number;
}

export interface ImportRunOptions {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** Longest JSONL line / JSON element read (default 128 MiB); larger ones are quarantined unread. */
  maxItemBytes?: number;
  /**
   * 'workspace': write through the workspace's own connection, for a process that does nothing else with the
   * workspace meanwhile (a CLI command). With no other connection open, in any process, the import then runs
   * under a rollback journal instead of WAL and writes its pages once (storage/import-connection.ts).
   * Default 'own': a connection of its own, so the app's reads carry on during the import.
   */
  connection?: 'own' | 'workspace';
}

export interface PreparedImport {
  files: SourceEntry[];
  detection: Detection;
  name: string;
  warnings: string[];
}

/** The saved spec of an earlier import, with anything the user gave now taking precedence. */
export function mergeRepeatSpec(saved: ResolvedSpec, given: ParsedImportSpec): ParsedImportSpec {
  return {
    kind: given.kind ?? saved.kind,
    format: given.format !== 'auto' ? given.format : saved.format,
    mapping: given.mapping ?? saved.mapping ?? undefined,
    csv: given.csv ?? saved.csv ?? undefined,
    columns: given.columns ?? saved.columns ?? undefined,
    chunking: given.chunking ?? saved.chunking ?? undefined,
  };
}

/** Expands paths, applies a repeated import's saved spec, and detects kind, format and container. */
export async function prepareImport(db: Db, input: ImportInput): Promise<PreparedImport> {
  const parsed = ImportSpec.safeParse(input.spec ?? {});
  if (!parsed.success) throw badInput(`import spec: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ')}`);
  let spec = parsed.data;
  if (input.repeatOf !== undefined) {
    const run = importRunForAsset(db, input.repeatOf);
    if (!run) throw badInput(`asset ${input.repeatOf} has no saved import to repeat (it was not created by an import)`);
    spec = mergeRepeatSpec(run.spec, spec);
  }
  if (input.paths.length === 0) throw badInput('give at least one file or folder to import');
  const all = expandSources(input.paths);
  const detection = await detectImport(all, spec);
  const { files, skipped } = filterForKind(all, detection.spec.kind);
  const warnings = skipped.length ? [`skipped ${skipped.length} file(s) in the folder that are not JSONL, JSON or CSV: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}`] : [];
  if (files.length === 0) throw badInput('no files to import after skipping the ones that are not data files');
  return { files, detection, name: input.name ?? defaultName(input.paths), warnings };
}

export function defaultName(paths: readonly string[]): string {
  const base = path.basename(path.resolve(paths[0] ?? 'import'));
  return base.replace(/\.gz$/i, '').replace(/\.(jsonl|ndjson|json|csv|tsv|parquet|txt|md|html?)$/i, '') || 'import';
}

/** The pipeline for a detected import; `prompts` collects prompt templates for log imports. */
export function createPipeline(ctx: PipelineContext, prompts: PromptCollector): Pipeline & { kbChanges?: () => ImportSummary['kbChanges'] } {
  const { kind, format } = ctx.spec;
  if (kind === 'kb') return kbPipeline(ctx);
  if (kind === 'dataset') return datasetPipeline(ctx);
  if (format === 'otel' || format === 'openinference' || format === 'langfuse') return tracesPipeline(ctx, prompts);
  return recordsPipeline(ctx, prompts);
}

/** One file's own hash; several files hash as a sha256sum listing (sorted by path), so each stays checkable. */
export function combinedSha256(sources: readonly SourceFile[]): string {
  if (sources.length === 1) return sources[0]!.sha256;
  const listing = [...sources].sort((a, b) => (a.path < b.path ? -1 : 1)).map((s) => `${s.sha256}  ${s.path}\n`).join('');
  return createHash('sha256').update(listing).digest('hex');
}

/**
 * Imports files as one new asset version, in a single transaction on a connection of its own: the asset, its
 * rows, its quarantine, prompt assets and the audit entry land together, and a cancelled, failed or killed
 * import leaves nothing behind. Content identical to an existing asset is reported as a duplicate, not stored.
 */
export async function runImport(ws: Workspace, input: ImportInput, options: ImportRunOptions = {}): Promise<ImportSummary> {
  const prep = await prepareImport(ws.db, input);
  const { detection, files, name } = prep;
  const warnings = [...prep.warnings];
  const kind = detection.spec.kind;
  const conn = options.connection === 'workspace' ? borrowImportConnection(ws.db) : openImportConnection(ws.dbPath);
  const db = conn.db;
  const startedAt = new Date().toISOString();
  const release = ws.writes.hold(`the import of ${name}`);
  let closePipeline = () => {};
  try {
    conn.begin();
    const importId = beginImportRun(db, { kind, format: detection.spec.format, name, spec: detection.spec, startedAt, actor: ws.actor });
    const version = nextAssetVersion(db, kind, name);
    const sourcePath = sourceLabel(files.length === 1 ? files[0]!.path : path.resolve(input.paths[0] ?? '.'));
    const assetId = insertAsset(db, { kind, name, version, sha256: 'pending', sourcePath });
    const acc = new Accounting(quarantineWriter(db, importId), sourceLabel);
    const prompts = new PromptCollector();
    const pipeline = createPipeline({ db, assetId, importId, assetName: name, spec: detection.spec, columnEdits: detection.columnEdits, acc, warn: (m) => warnings.push(m), signal: options.signal }, prompts);
    closePipeline = () => pipeline.close?.();
    const readOptions: ReadOptions = {
      signal: options.signal,
      maxItemBytes: options.maxItemBytes,
      onProgress: (p) => options.onProgress?.({ phase: 'import', bytes: p.bytes, totalBytes: p.totalBytes, rows: acc.inputCount }),
    };
    const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
    const parallel = detection.spec.kind === 'logs' && detection.spec.format === 'jsonl' && detection.spec.container === 'jsonl'
      && 'storeEncoded' in pipeline && useWorker(totalBytes);
    const read = parallel
      ? await readJsonlParallel(files, detection.spec.mapping!, pipeline as RecordsPipeline, acc, (m) => warnings.push(m), readOptions)
      : await readSources(files, detection, pipeline, acc, (m) => warnings.push(m), readOptions);
    const sources = read.map((s) => ({ ...s, path: sourceLabel(s.path) }));
    if (options.signal?.aborted) throw new JobCancelledError();
    options.onProgress?.({ phase: 'commit', bytes: totalBytes, totalBytes, rows: acc.inputCount });
    pipeline.finish();
    const spec = pipeline.resolvedSpec();
    const contentSha256 = pipeline.contentSha256();
    const sha256 = combinedSha256(sources);
    const stored = pipeline.stored();
    const base = {
      importId, kind, format: spec.format, name, sha256, contentSha256, inputCount: acc.inputCount, stored, sources,
      kbChanges: pipeline.kbChanges?.() ?? null, warnings, quarantine: acc.sample,
    };
    const same = stored > 0 ? findAssetByContent(db, kind, contentSha256) : undefined;
    if (same) {
      conn.rollback();
      return {
        ...base, importId: null, assetId: same.assetId, version: same.version, imported: 0, quarantined: acc.quarantined,
        duplicates: acc.duplicates + acc.imported, stored: 0, duplicateOfAssetId: same.assetId, prompts: [], kbChanges: null,
      };
    }
    const keep = stored > 0 || acc.imported > 0;
    const committed = keep ? prompts.commit(db, importId) : { prompts: [], warnings: [] };
    warnings.push(...committed.warnings);
    // The Records page's counts and totals (record_groups) take in these records in the same transaction.
    if (keep) catchUpRecordGroups(db);
    if (keep) finishAsset(db, assetId, sha256, stored);
    else deleteAsset(db, assetId);
    completeImportRun(db, importId, {
      assetId: keep ? assetId : null, spec, sources, sourceSha256: sha256, contentSha256, inputCount: acc.inputCount,
      imported: acc.imported, quarantined: acc.quarantined, duplicates: acc.duplicates, stored,
    });
    appendAudit(db, {
      actor: ws.actor,
      action: keep ? 'asset.imported' : 'import.quarantined',
      payload: {
        importId, assetId: keep ? assetId : null, kind, format: spec.format, name, version: keep ? version : null, sha256, contentSha256,
        files: sources.length, inputCount: acc.inputCount, imported: acc.imported, quarantined: acc.quarantined, duplicates: acc.duplicates,
        stored, prompts: committed.prompts.filter((p) => p.created).map((p) => p.assetId),
      },
    });
    conn.commit();
    return {
      ...base, assetId: keep ? assetId : null, version: keep ? version : null, imported: acc.imported, quarantined: acc.quarantined,
      duplicates: acc.duplicates, duplicateOfAssetId: null, prompts: committed.prompts,
    };
  } catch (err) {
    conn.rollback();
    if (err instanceof JobCancelledError) throw new JobCancelledError('import cancelled; nothing was stored');
    if (err instanceof ApiError || err instanceof WorkspaceError) throw err;
    const code = (err as { code?: string }).code;
    if (code?.startsWith('SQLITE_')) throw describeSqliteError(ws.dbPath, err);
    throw err;
  } finally {
    closePipeline();
    try {
      dropUnitStaging(db);
    } catch {
      // The connection may already be unusable; closing it is what matters.
    }
    conn.close();
    release();
  }
}
