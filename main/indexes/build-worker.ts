import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './build-protocol';
import { ShardBuilder } from './shard-builder';

// Worker entry for one index shard: answers the job's two requests (count, then build) and reports progress.
const port = parentPort;
if (!port) throw new Error('build-worker must run in a worker thread');
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const builder = new ShardBuilder((p) => send(p));

// Steps are asynchronous (a model folder runs through onnxruntime-web); the job sends one request at a time.
port.on('message', (message: ToWorker) => {
  void (async () => {
    try {
      if (message.type === 'count') {
        const reply = await builder.countDocumentFrequencies(message);
        send(reply, [reply.df.buffer as ArrayBuffer]);
      } else {
        const reply = await builder.build(message);
        send(reply, [reply.added.buffer as ArrayBuffer, reply.skipped.buffer as ArrayBuffer]);
      }
    } catch (err) {
      send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
