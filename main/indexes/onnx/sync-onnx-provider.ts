import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { EmbeddingProvider, ProviderSpec } from '../../../shared/text/embed/provider';
import { siblingModule, spawnWorker } from '../../workers/spawn-worker';
import { REPLY_POSTED, WORKER_GONE, type EmbedWorkerReply, type EmbedWorkerRequest, type EmbedWorkerSetup } from './onnx-embed-protocol';
import { ModelFolderError } from './model-folder';

/** Loading compiles the runtime and the model; a query is one model run. Past these, the worker is stuck. */
const OPEN_TIMEOUT_MS = 300_000;
const EMBED_TIMEOUT_MS = 120_000;

/**
 * The ONNX model behind the synchronous EmbeddingProvider interface: the model runs in a worker thread
 * (onnxruntime-web is asynchronous) and each call blocks on Atomics.wait until the worker has posted its reply,
 * which is then taken from the port with receiveMessageOnPort. Queries embed one text at a time, so the cost
 * of blocking is one model run.
 */
export class SyncOnnxProvider implements EmbeddingProvider {
  private constructor(
    readonly spec: ProviderSpec,
    readonly dir: string,
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
  ) {}

  /** Starts a worker on the folder and waits for the model to load; throws ModelFolderError with the reason. */
  static open(dir: string, options: { maxLength?: number; expectModelSha256?: string } = {}): SyncOnnxProvider {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = spawnWorker(siblingModule(import.meta.url, 'onnx-embed-worker'), { signal: signal.buffer });
    // The worker must not keep a CLI process alive once the command is done.
    worker.unref();
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    const setup: EmbedWorkerSetup = { type: 'setup', port: port2 };
    worker.postMessage(setup, [port2]);
    const provider = new SyncOnnxProvider({ id: '', version: '', dimension: 0, params: {} }, dir, worker, port1, signal);
    let reply: EmbedWorkerReply;
    try {
      reply = provider.call({ type: 'open', dir, ...options }, OPEN_TIMEOUT_MS);
    } catch (err) {
      void worker.terminate();
      throw err;
    }
    if (reply.type !== 'opened') {
      void worker.terminate();
      throw new ModelFolderError(reply.type === 'error' ? reply.message : `model worker answered ${reply.type}`);
    }
    return new SyncOnnxProvider(reply.spec, dir, worker, port1, signal);
  }

  private call(req: EmbedWorkerRequest, timeoutMs: number): EmbedWorkerReply {
    if (Atomics.compareExchange(this.signal, 0, REPLY_POSTED, 0) === WORKER_GONE) {
      throw new ModelFolderError(`the worker running the ONNX model in ${this.dir} has stopped`);
    }
    this.port.postMessage(req);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const waited = Atomics.wait(this.signal, 0, 0, Math.max(0, deadline - Date.now()));
      const got = receiveMessageOnPort(this.port);
      if (got) return got.message as EmbedWorkerReply;
      if (Atomics.load(this.signal, 0) === WORKER_GONE) throw new ModelFolderError(`the worker running the ONNX model in ${this.dir} stopped`);
      if (waited === 'timed-out' || Date.now() >= deadline) {
        throw new ModelFolderError(`the ONNX model in ${this.dir} did not answer within ${Math.round(timeoutMs / 1000)} s`);
      }
    }
  }

  embed(text: string): Float32Array {
    return this.embedMany([text])[0]!;
  }

  embedMany(texts: readonly string[]): Float32Array[] {
    const reply = this.call({ type: 'embed', texts: [...texts] }, EMBED_TIMEOUT_MS);
    if (reply.type === 'error') throw new ModelFolderError(`the ONNX model in ${this.dir} failed: ${reply.message}`);
    if (reply.type !== 'embedded') throw new ModelFolderError(`model worker answered ${reply.type}`);
    return reply.vectors;
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}
