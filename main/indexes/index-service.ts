import type { AssayEvent } from '../../shared/contract/events';
import { allShardFiles, corpusStats, findVectorIndex, kbAsset, listShards, type IndexSource, type VectorIndexRow } from '../storage/indexes-repo';
import type { Workspace } from '../storage/workspace';
import { buildIndex, DEFAULT_HNSW, describeScope, type BuildProgress, type HnswSettings } from './build-job';
import { checkEmbedderChoice, indexMatchesRequest, resolveEmbedder, type EmbedderRequest } from './embedder-choice';
import { IndexError } from './index-error';
import { removeOrphanFiles } from './index-files';
import { indexStamp, loadIndex, type LoadedIndex } from './loaded-index';
import { syncIndex, type SyncResult } from './sync-index';

export interface Scope {
  source: IndexSource;
  /** The KB asset for 'kb'; null for 'records' (one index over all records). */
  assetId: number | null;
}

export type Emit = (event: AssayEvent) => void;

export interface BuildOptions {
  /** Omitted: the model folder of the index being replaced, if it had one, else the built-in provider. */
  embedder?: EmbedderRequest;
  hnsw?: Partial<HnswSettings>;
  emit?: Emit;
}

export interface BuildHandle {
  jobId: string;
  scope: Scope;
  promise: Promise<VectorIndexRow>;
  controller: AbortController;
}

export interface EnsureOptions {
  autoBuild: boolean;
  rebuild: boolean;
  emit?: Emit;
}

export interface Ensured {
  row: VectorIndexRow;
  built: boolean;
  note: string | null;
}

const scopeKey = (s: Scope): string => `${s.source}:${s.assetId ?? 'all'}`;
const PROGRESS_INTERVAL_MS = 250;

/**
 * Everything about a workspace's vector indexes in one place: builds (as cancellable jobs that report progress),
 * loading with verification (cached per index version), incremental updates and the scope rules. One instance
 * per open workspace, shared by the API handlers and the analyzers' search hook.
 */
export class IndexService {
  private readonly loaded = new Map<number, LoadedIndex>();
  private readonly jobs = new Map<string, BuildHandle>();

  constructor(readonly ws: Workspace) {}

  /** Applies the scope rules: a KB index needs a KB asset (default: the latest); records ignore the asset. */
  resolveScope(source: IndexSource, assetId?: number): Scope {
    if (source === 'records') return { source, assetId: null };
    const asset = kbAsset(this.ws.db, assetId);
    if (!asset) {
      throw new IndexError('not_found', assetId === undefined
        ? 'the workspace has no knowledge base; import one first (a KB asset of kind "kb")'
        : `asset ${assetId} is not a knowledge base in this workspace`);
    }
    return { source, assetId: asset.id };
  }

  current(scope: Scope): VectorIndexRow | undefined {
    return findVectorIndex(this.ws.db, scope.source, scope.assetId);
  }

  runningJob(scope: Scope): BuildHandle | undefined {
    for (const job of this.jobs.values()) if (scopeKey(job.scope) === scopeKey(scope)) return job;
    return undefined;
  }

  /** Starts a build (or joins the one already running for the scope). */
  build(scope: Scope, options: BuildOptions = {}): { handle: BuildHandle; joined: boolean } {
    const running = this.runningJob(scope);
    if (running) return { handle: running, joined: true };
    const embedder = resolveEmbedder(options.embedder, this.current(scope));
    checkEmbedderChoice(embedder);
    const hnsw: HnswSettings = { ...DEFAULT_HNSW, ...options.hnsw };
    const jobId = `index-${scope.source}-${scope.assetId ?? 'all'}-${Date.now().toString(36)}`;
    const controller = new AbortController();
    const emit = options.emit ?? (() => undefined);
    removeOrphanFiles(this.ws.indexesDir, allShardFiles(this.ws.db));
    const promise = buildIndex(this.ws, {
      source: scope.source, assetId: scope.assetId, embedder, hnsw, signal: controller.signal,
      onProgress: progressEmitter(jobId, describeScope(scope.source, scope.assetId), emit),
    }).then(
      (row) => {
        this.jobs.delete(jobId);
        emit({ type: 'job.finished', jobId, status: 'succeeded', message: `indexed ${row.itemCount} items` });
        emit({ type: 'workspace.changed', reason: 'index.built' });
        return row;
      },
      (err: unknown) => {
        this.jobs.delete(jobId);
        const cancelled = err instanceof IndexError && err.code === 'cancelled';
        emit({ type: 'job.finished', jobId, status: cancelled ? 'cancelled' : 'failed', message: (err as Error).message });
        throw err;
      },
    );
    // The caller may not await (wait: false); the failure is reported through the job.finished event.
    promise.catch(() => undefined);
    const handle = { jobId, scope, promise, controller };
    this.jobs.set(jobId, handle);
    return { handle, joined: false };
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.controller.abort();
    return true;
  }

  /**
   * The scope's index, ready to query: waits for a running build, builds a missing one when allowed, and
   * brings a stale one up to date (new rows added, deleted rows removed; a large change rebuilds).
   */
  async ensure(scope: Scope, options: EnsureOptions, build: BuildOptions = {}): Promise<Ensured> {
    const running = this.runningJob(scope);
    if (running) await running.promise;
    let row = this.current(scope);
    if (row && !options.rebuild && !indexMatchesRequest(row, build.embedder)) {
      if (!options.autoBuild) {
        throw new IndexError('provider_mismatch', `${describeScope(scope.source, scope.assetId)} was built with ${row.providerId}` +
          `${row.providerSource ? ` (${row.providerSource})` : ''}, not the embedding asked for; rebuild it with that embedding (--rebuild)`);
      }
      row = await this.build(scope, { ...build, emit: options.emit ?? build.emit }).handle.promise;
      return { row, built: true, note: null };
    }
    if (!row || options.rebuild) {
      if (!row && !options.autoBuild) {
        throw new IndexError('missing', `${describeScope(scope.source, scope.assetId)} has not been built`);
      }
      row = await this.build(scope, { ...build, emit: options.emit ?? build.emit }).handle.promise;
      return { row, built: true, note: null };
    }
    const stats = corpusStats(this.ws.db, scope.source, scope.assetId);
    if (stats.count === row.corpusCount && stats.maxId === row.corpusMaxId) return { row, built: false, note: null };
    await this.ws.writes.idle();
    const synced = this.sync(row);
    if (synced.status === 'updated') return { row: synced.row, built: false, note: null };
    if (options.autoBuild) {
      row = await this.build(scope, { ...build, emit: options.emit ?? build.emit }).handle.promise;
      return { row, built: true, note: null };
    }
    return { row, built: false, note: `the index is out of date (${synced.added} rows added, ${synced.deleted} removed since it was built); rebuild it to include them` };
  }

  /** Adds rows new since the last build and removes deleted ones, in place; large changes ask for a rebuild. */
  sync(row: VectorIndexRow): SyncResult {
    let result: SyncResult;
    try {
      result = syncIndex(this.ws, this.open(row));
    } catch (err) {
      // The graphs in memory may hold changes that did not commit; the next open reloads them from disk.
      this.loaded.delete(row.id);
      throw err;
    }
    // Graphs updated in place are reused; a small index's copy of its vectors is not, so it reloads instead.
    if (result.status === 'updated') {
      if (result.loaded.shards.some((s) => s.exact)) this.loaded.delete(row.id);
      else this.loaded.set(result.row.id, result.loaded);
    }
    return result;
  }

  /** The index in memory, loaded (and verified) on first use and again whenever its files change. */
  open(row: VectorIndexRow): LoadedIndex {
    const cached = this.loaded.get(row.id);
    if (cached && cached.stamp === indexStamp(row, listShards(this.ws.db, row.id))) return cached;
    const ix = loadIndex(this.ws, row);
    this.loaded.set(row.id, ix);
    return ix;
  }

  forget(indexId: number): void {
    this.loaded.delete(indexId);
  }
}

function progressEmitter(jobId: string, label: string, emit: Emit): (p: BuildProgress) => void {
  let last = 0;
  let phaseStart = Date.now();
  let phase = '';
  return (p) => {
    const now = Date.now();
    if (p.phase !== phase) {
      phase = p.phase;
      phaseStart = now;
    } else if (now - last < PROGRESS_INTERVAL_MS && p.done < p.total) {
      return;
    }
    last = now;
    const elapsed = (now - phaseStart) / 1000;
    const rate = elapsed > 0.2 ? p.done / elapsed : null;
    const eta = rate && rate > 0 ? Math.max(0, (p.total - p.done) / rate) : null;
    const verb = p.phase === 'count' ? 'reading' : p.phase === 'insert' ? 'embedding and indexing' : 'saving';
    emit({ type: 'progress', jobId, phase: `index.${p.phase}`, done: p.done, total: p.total, ratePerSec: rate, etaSec: eta, message: `${label}: ${verb}` });
  };
}

const services = new WeakMap<Workspace, IndexService>();

/** The index service of an open workspace (one per Workspace handle). */
export function indexService(ws: Workspace): IndexService {
  let service = services.get(ws);
  if (!service) {
    service = new IndexService(ws);
    services.set(ws, service);
  }
  return service;
}
