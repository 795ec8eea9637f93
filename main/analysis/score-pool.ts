import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModule, spawnWorker } from '../workers/spawn-worker';
import type { ScoredJsonl } from './score-jsonl';
import type { JsonlRequest, ScoredBatch, ScoreMode, ScoreRequest, ScoreResponse, ScoreWorkerConfig } from './score-protocol';

interface Pending {
  /** Called with the worker's reply to this batch (a ScoredBatch or a ScoredJsonl, as the request asked). */
  resolve: (reply: never) => void;
  reject: (err: Error) => void;
}

/**
 * Scores batches on worker threads, one per core: scoring is CPU-bound and pure, while the main thread keeps
 * reading input and writing output (or SQLite). Results come back per batch; callers keep their own order.
 */
export class ScorePool {
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private batchSeq = 0;

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (msg: ScoreResponse) => {
        const p = this.pending.get(msg.batchId);
        if (!p) return;
        this.pending.delete(msg.batchId);
        if ('error' in msg) p.reject(new Error(msg.error));
        else p.resolve(msg as never);
      });
      w.on('error', (err) => this.failAll(err));
    }
  }

  static async start(config: ScoreWorkerConfig, size = Math.max(1, os.availableParallelism())): Promise<ScorePool> {
    const entry = siblingModule(import.meta.url, 'score-worker');
    const workers = await Promise.all(Array.from({ length: size }, () => new Promise<Worker>((resolve, reject) => {
      const w = spawnWorker(entry, { config });
      w.once('error', reject);
      w.once('message', (m: { ready?: boolean }) => (m.ready ? resolve(w) : reject(new Error('score worker did not start'))));
    })));
    return new ScorePool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  score(records: Record<string, unknown>[], mode: ScoreMode, kbs?: (number | null)[]): Promise<ScoredBatch> {
    return this.send<ScoredBatch>({ batchId: ++this.batchSeq, mode, records, kbs });
  }

  /** JSONL lines as read (numbered as in the input), parsed and scored on a worker: see score-jsonl.ts. */
  scoreJsonl(lines: string[], lineNos: number[]): Promise<ScoredJsonl> {
    return this.send<ScoredJsonl>({ batchId: ++this.batchSeq, jsonl: { lines, lineNos } });
  }

  private send<T>(request: ScoreRequest | JsonlRequest): Promise<T> {
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(request.batchId, { resolve: resolve as (reply: never) => void, reject });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
