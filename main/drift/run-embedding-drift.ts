import { siblingModule, spawnWorker } from '../workers/spawn-worker';
import type { EmbeddingDriftComputation, EmbeddingDriftInput } from './embedding-drift-compute';

type Reply = { ok: true; value: EmbeddingDriftComputation } | { ok: false; message: string };

/** Computes embedding drift on a worker thread, so a few seconds of embedding and MMD never stall other API calls. */
export function runEmbeddingDrift(input: EmbeddingDriftInput): Promise<EmbeddingDriftComputation> {
  const worker = spawnWorker(siblingModule(import.meta.url, 'embedding-drift-worker'));
  return new Promise<EmbeddingDriftComputation>((resolve, reject) => {
    worker.once('message', (reply: Reply) => (reply.ok ? resolve(reply.value) : reject(new Error(`embedding drift failed: ${reply.message}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedding drift worker exited with code ${code} before replying`)));
    worker.postMessage(input);
  }).finally(() => void worker.terminate());
}
