import { parentPort } from 'node:worker_threads';
import { computeEmbeddingDrift, type EmbeddingDriftInput } from './embedding-drift-compute';

// Worker entry for one drift.embeddings request: computes and replies once; the caller terminates the thread.
const port = parentPort;
if (!port) throw new Error('embedding-drift-worker must run in a worker thread');
port.once('message', (input: EmbeddingDriftInput) => {
  try {
    port.postMessage({ ok: true, value: computeEmbeddingDrift(input) });
  } catch (err) {
    port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
