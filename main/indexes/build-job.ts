import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { DfCounter, HashedTfidf, type FittedIdf } from '../../shared/text/embed/hashed-tfidf';
import { providerKey, type ProviderSpec } from '../../shared/text/embed/provider';
import { canonicalJson } from '../../shared/util/canonical-json';
import {
  corpusStats, deleteVectorIndex, findVectorIndex, insertVectorIndex, kbAsset, type IndexSource, type ShardRow, type VectorIndexRow,
} from '../storage/indexes-repo';
import type { Workspace } from '../storage/workspace';
import type { BuiltReply, CountReply, FromWorker, ToWorker } from './build-protocol';
import type { EmbedderChoice } from './embedder-choice';
import { IndexError } from './index-error';
import { removeIndexFiles } from './index-files';
import { idfToBlob } from './providers';
import { siblingModule, spawnWorker } from '../workers/spawn-worker';

export interface HnswSettings {
  m: number;
  efConstruction: number;
  efSearch: number;
  seed: number;
  /** Shards built in parallel, one worker each; 0 = decide from the corpus size. */
  shards: number;
}

/**
 * Defaults chosen with bench/hnsw.ts. Clustered vectors reach recall@10 0.99 at ef=32; real-text vectors from the
 * built-in embedder (768 dimensions) are the hard case. With float32 graphs, M 16 gave recall@10 0.963 at ef 136
 * (about 51x exact search) and M 24 0.984 at 40x. New graphs walk int8 vectors and re-rank exactly
 * (DEFAULT_SPACE in hnsw-shard.ts), which costs less per distance, so the denser M 24 graph now pays: on the
 * 87k-text bench ef 136 gives recall@10 0.982 at about 55x, and the build takes less CPU (239 s) than the float
 * M 16 one did (320 s). efConstruction 800 added under 0.003 recall for twice the build.
 */
export const DEFAULT_HNSW: Readonly<HnswSettings> = { m: 24, efConstruction: 400, efSearch: 136, seed: 100, shards: 0 };

/**
 * When a build uses two workers (two shards, merged at query time). A second shard halves the build time but
 * costs query speed (bench/hnsw.ts: about 0.6x the queries per second at the same recall), so it pays for the
 * records index, rebuilt after every import and searched interactively, from 20k rows; a KB index is built once
 * per version and then searched for every claim of every record, so it stays one graph up to 200k chunks.
 */
export const PARALLEL_MIN_ROWS: Readonly<Record<IndexSource, number>> = { records: 20_000, kb: 200_000 };

/**
 * With a model folder the build is dominated by model runs (one WebAssembly thread per worker), and a query's
 * own model run costs far more than searching a second graph, so two workers pay from a few thousand rows.
 */
export const ONNX_PARALLEL_MIN_ROWS = 2000;

export interface BuildProgress {
  phase: 'count' | 'insert' | 'commit';
  done: number;
  total: number;
}

export interface BuildSpec {
  source: IndexSource;
  assetId: number | null;
  embedder: EmbedderChoice;
  hnsw: HnswSettings;
  onProgress: (p: BuildProgress) => void;
  signal: AbortSignal;
}

export function describeScope(source: IndexSource, assetId: number | null): string {
  return source === 'kb' ? `the KB index of asset ${assetId}` : 'the records index';
}

/** Sends one request and waits for its reply, forwarding progress; an abort terminates the worker. */
function ask<T extends FromWorker['type']>(worker: Worker, message: ToWorker, want: T, onProgress: (done: number) => void, signal: AbortSignal, transfer: ArrayBuffer[] = []): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      signal.removeEventListener('abort', onAbort);
    };
    const onMessage = (m: FromWorker) => {
      if (m.type === 'progress') return onProgress(m.done);
      cleanup();
      if (m.type === 'error') reject(new IndexError('build_failed', `index build failed: ${m.message}`));
      else if (m.type === want) resolve(m as Extract<FromWorker, { type: T }>);
      else reject(new IndexError('build_failed', `index build worker answered ${m.type}, expected ${want}`));
    };
    const onError = (err: Error) => { cleanup(); reject(new IndexError('build_failed', `index build worker failed: ${err.message}`)); };
    const onExit = (code: number) => { cleanup(); reject(new IndexError('build_failed', `index build worker exited (code ${code})`)); };
    const onAbort = () => { cleanup(); reject(new IndexError('cancelled', 'index build cancelled')); };
    if (signal.aborted) return onAbort();
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    signal.addEventListener('abort', onAbort);
    worker.postMessage(message, transfer);
  });
}

/**
 * The provider the shards' counts describe: the built-in one with the merged IDF, or the model folder every
 * shard loaded (the same model file in each, or the build is refused).
 */
function fitProvider(embedder: EmbedderChoice, counted: readonly CountReply[]): { providerSpec: ProviderSpec; idf?: FittedIdf; docs: number } {
  if (embedder.kind === 'builtin') {
    const merged = new DfCounter(embedder.params);
    for (const c of counted) merged.merge({ docs: c.docs, df: c.df });
    const idf = merged.result();
    return { providerSpec: new HashedTfidf(embedder.params, idf).spec, idf, docs: idf.docs };
  }
  const specs = counted.map((c) => c.spec);
  const first = specs[0];
  if (!first || specs.some((s) => !s || providerKey(s) !== providerKey(first))) {
    throw new IndexError('build_failed', `the model in ${embedder.dir} changed while the index was being built; build again`);
  }
  return { providerSpec: first, docs: counted.reduce((a, c) => a + c.rows, 0) };
}

/**
 * Builds a new index for one scope off the main thread and swaps it in atomically: the shard files get fresh
 * names, and only the transaction that records them (with its audit entry) makes them current; the previous
 * index's files are removed after that commit. A cancelled or failed build leaves the old index untouched.
 */
export async function buildIndex(ws: Workspace, spec: BuildSpec): Promise<VectorIndexRow> {
  const started = Date.now();
  const { source, assetId } = spec;
  const label = describeScope(source, assetId);
  const asset = source === 'kb' ? kbAsset(ws.db, assetId ?? undefined) : undefined;
  if (source === 'kb' && !asset) throw new IndexError('not_found', `asset ${assetId} is not a knowledge base`);
  const stats = corpusStats(ws.db, source, assetId);
  if (stats.count === 0) {
    throw new IndexError('empty_corpus', source === 'kb'
      ? `${label} cannot be built: the knowledge base has no chunks (import a KB with text first)`
      : `${label} cannot be built: the workspace has no records (import logs first)`);
  }
  const parallelFrom = spec.embedder.kind === 'onnx' ? ONNX_PARALLEL_MIN_ROWS : PARALLEL_MIN_ROWS[source];
  const shardCount = spec.hnsw.shards > 0 ? spec.hnsw.shards : stats.count >= parallelFrom ? 2 : 1;
  const nonce = randomBytes(6).toString('hex');
  const files = Array.from({ length: shardCount }, (_, s) => `${source}-${assetId ?? 'all'}-${nonce}-s${s}.hnsw`);
  const workers = files.map(() => spawnWorker(siblingModule(import.meta.url, 'build-worker')));
  const done = new Array<number>(shardCount).fill(0);
  const report = (phase: 'count' | 'insert') => (shard: number) => (n: number) => {
    done[shard] = n;
    spec.onProgress({ phase, done: done.reduce((a, b) => a + b, 0), total: stats.count });
  };
  try {
    const counted: CountReply[] = await Promise.all(workers.map((w, s) => ask(w, {
      type: 'count', dbPath: ws.dbPath, source, assetId, shard: s, shards: shardCount, embedder: spec.embedder,
    }, 'counted', report('count')(s), spec.signal)));
    const { providerSpec, idf, docs } = fitProvider(spec.embedder, counted);
    if (docs === 0) throw new IndexError('empty_corpus', `${label} cannot be built: no rows left to index`);
    done.fill(0);
    const built: BuiltReply[] = await Promise.all(workers.map((w, s) => ask(w, {
      type: 'build', df: idf?.df ?? new Uint32Array(0), docs, m: spec.hnsw.m, efConstruction: spec.hnsw.efConstruction,
      seed: spec.hnsw.seed + s, file: path.join(ws.indexesDir, files[s]!),
    }, 'built', report('insert')(s), spec.signal)));
    spec.onProgress({ phase: 'commit', done: stats.count, total: stats.count });
    const shards: ShardRow[] = built.map((b, s) => ({ shard: s, file: files[s]!, sha256: b.sha256, bytes: b.bytes, itemCount: b.added.length, maxElements: b.maxElements }));
    const items = function* () {
      for (let s = 0; s < built.length; s++) {
        for (const id of built[s]!.added) yield [id, s] as const;
        for (const id of built[s]!.skipped) yield [id, -1] as const;
      }
    };
    const added = built.reduce((a, b) => a + b.added.length, 0);
    const skipped = built.reduce((a, b) => a + b.skipped.length, 0);
    const { dimension, ...params } = providerSpec;
    let replaced: ShardRow[] = [];
    await ws.writes.idle();
    const id = ws.mutate('index.built', (db) => {
      const old = findVectorIndex(db, source, assetId);
      if (old) replaced = deleteVectorIndex(db, old.id);
      return insertVectorIndex(db, {
        source, assetId, assetSha256: asset?.sha256 ?? null, providerId: params.id, providerVersion: params.version,
        providerParams: canonicalJson(params.params), providerKey: providerKey(providerSpec),
        providerSource: spec.embedder.kind === 'onnx' ? spec.embedder.dir : null, dimension, idfDf: idf ? idfToBlob(idf) : null,
        idfDocs: idf?.docs ?? 0, space: 'cosine', m: spec.hnsw.m, efConstruction: spec.hnsw.efConstruction, efSearch: spec.hnsw.efSearch,
        seed: spec.hnsw.seed, itemCount: added, deletedCount: 0, skippedCount: skipped, corpusCount: stats.count,
        corpusMaxId: stats.maxId, buildMs: Date.now() - started,
      }, shards, items());
    }, (newId) => ({
      indexId: newId, source, assetId, provider: providerKey(providerSpec), items: added, skipped,
      shards: shards.map((s) => ({ file: s.file, sha256: s.sha256 })),
    }));
    removeIndexFiles(ws.indexesDir, replaced.map((s) => s.file));
    const row = findVectorIndex(ws.db, source, assetId);
    if (!row || row.id !== id) throw new IndexError('build_failed', `${label} was replaced by a concurrent build`);
    return row;
  } catch (err) {
    for (const f of files) {
      rmSync(path.join(ws.indexesDir, f), { force: true });
      rmSync(path.join(ws.indexesDir, `${f}.tmp`), { force: true });
    }
    throw err;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
