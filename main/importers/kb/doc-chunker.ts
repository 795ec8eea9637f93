import type { Worker } from 'node:worker_threads';
import { JobCancelledError } from '../../jobs/job-runner';
import { siblingModule, spawnWorker, workerEntryExists } from '../../workers/spawn-worker';
import type { ChunkReply, ChunkRequest } from './chunk-worker';
import { chunkText, type ChunkedDoc, type DocKind } from './doc-chunks';

/**
 * Documents up to this many characters are chunked on the calling thread (a few milliseconds); bigger ones go
 * to the worker, whose start-up (a second JS engine) only pays off for them.
 */
export const IN_THREAD_CHARS = 1 << 20;

/**
 * Chunks documents, big ones on a worker thread started on first need and kept for the import. A cancelled
 * signal terminates the worker at once, so even a document that takes minutes to split stops promptly.
 */
export class DocChunker {
  private worker: Worker | null = null;

  constructor(private readonly signal?: AbortSignal, private readonly inThreadChars = IN_THREAD_CHARS) {}

  async chunk(raw: string, kind: DocKind, size: number, overlap: number): Promise<ChunkedDoc> {
    if (this.signal?.aborted) throw new JobCancelledError();
    const entry = siblingModule(import.meta.url, 'chunk-worker');
    if (raw.length <= this.inThreadChars || !workerEntryExists(entry)) return chunkText(raw, kind, size, overlap);
    const worker = (this.worker ??= spawnWorker(entry));
    return new Promise<ChunkedDoc>((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (m: ChunkReply) => {
        done();
        if (m.ok) resolve({ ...m.doc, text: m.doc.text ?? raw });
        else reject(new Error(`chunking worker: ${m.message}`));
      };
      const onError = (err: Error) => { done(); this.worker = null; reject(err); };
      const onExit = (code: number) => { done(); this.worker = null; reject(new Error(`chunking worker stopped (exit ${code})`)); };
      const onAbort = () => { done(); this.close(); reject(new JobCancelledError()); };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      this.signal?.addEventListener('abort', onAbort);
      worker.postMessage({ raw, kind, size, overlap } satisfies ChunkRequest);
    });
  }

  close(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }
}
