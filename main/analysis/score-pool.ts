import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModule, spawnWorker } from '../workers/spawn-worker';
import type { ScoredBatch, ScoreMode, ScoreResponse, ScoreWorkerConfig } from './score-protocol';

interface Pending {
  resolve: (batch: ScoredBatch) => void;
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
        else p.resolve(msg);
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
    const batchId = ++this.batchSeq;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(batchId, { resolve, reject });
      worker.postMessage({ batchId, mode, records, kbs });
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
