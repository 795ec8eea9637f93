import { parentPort, workerData } from 'node:worker_threads';
import { REPLY_POSTED, WORKER_GONE, type EmbedWorkerReply, type EmbedWorkerRequest, type EmbedWorkerSetup } from './onnx-embed-protocol';
import { OnnxEmbedder } from './onnx-embedder';

// Worker entry of the synchronous ONNX provider: runs the model and answers each request on the port, then
// flips the shared signal word so the caller, blocked in Atomics.wait, wakes and takes the reply.
const parent = parentPort;
if (!parent) throw new Error('onnx-embed-worker must run in a worker thread');
const signal = new Int32Array((workerData as { signal: SharedArrayBuffer }).signal);
// A caller blocked on the signal must not wait out its timeout when this thread dies.
process.on('exit', () => {
  Atomics.store(signal, 0, WORKER_GONE);
  Atomics.notify(signal, 0);
});

let embedder: OnnxEmbedder | null = null;

async function answer(req: EmbedWorkerRequest): Promise<EmbedWorkerReply> {
  try {
    if (req.type === 'open') {
      embedder = await OnnxEmbedder.open(req.dir, { maxLength: req.maxLength, expectModelSha256: req.expectModelSha256 });
      return { type: 'opened', spec: embedder.spec };
    }
    if (!embedder) return { type: 'error', message: 'the model is not loaded' };
    return { type: 'embedded', vectors: await embedder.embedMany(req.texts) };
  } catch (err) {
    return { type: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

parent.once('message', (setup: EmbedWorkerSetup) => {
  const port = setup.port;
  // One request at a time: the caller blocks until it has the reply.
  port.on('message', (req: EmbedWorkerRequest) => {
    void answer(req).then((reply) => {
      port.postMessage(reply);
      Atomics.store(signal, 0, REPLY_POSTED);
      Atomics.notify(signal, 0);
    });
  });
});
