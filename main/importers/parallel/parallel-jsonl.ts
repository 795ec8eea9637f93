import os from 'node:os';
import type { FieldMapping, SourceFile } from '../../../shared/contract/import-schemas';
import { JobCancelledError } from '../../jobs/job-runner';
import { siblingModule, spawnWorker, workerEntryExists } from '../../workers/spawn-worker';
import { badInput } from '../import-error';
import type { Accounting } from '../pipeline/accounting';
import type { RecordsPipeline } from '../pipeline/records-pipeline';
import type { ReadOptions } from '../read-sources';
import type { SourceEntry } from '../source/files';
import { readBatch } from './record-batch';
import type { WorkerInput, WorkerMessage } from './jsonl-worker';

/** Below this much input the worker's start-up (a second JS engine) costs more than it saves. */
const DEFAULT_MIN_BYTES = 16 * 1024 * 1024;

/** The worker entry next to this module (.ts from source, .js in a bundle). */
function workerEntry(): URL {
  return siblingModule(import.meta.url, 'jsonl-worker');
}

/**
 * Whether a JSONL log import should parse on a worker thread: when it is big enough to pay for the second
 * engine's start-up, and the machine is not oversubscribed. Measured on 2 cores (bench/import.ts): at a load
 * of about 2 the worker path took 1.15x the floor against 1.4-1.6x on one thread; at a load of 7 it was slower
 * than one thread, since copying every record between threads costs CPU the machine does not have.
 * ASSAY_IMPORT_WORKER=1 or 0 forces the choice.
 */
export function useWorker(totalBytes: number): boolean {
  const forced = process.env.ASSAY_IMPORT_WORKER;
  if (forced === '0') return false;
  const min = process.env.ASSAY_IMPORT_WORKER_MIN_BYTES !== undefined ? Number(process.env.ASSAY_IMPORT_WORKER_MIN_BYTES) : DEFAULT_MIN_BYTES;
  if (totalBytes < min || !workerEntryExists(workerEntry())) return false;
  if (forced === '1') return true;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores > 1 && os.loadavg()[0]! < cores * 2;
}

/**
 * Reads JSONL log files with parsing and normalization on a worker thread and inserts on this one, so the two
 * cores overlap. Same ledger, quarantine and content hash as the single-thread path.
 */
export function readJsonlParallel(files: readonly SourceEntry[], mapping: FieldMapping, pipeline: RecordsPipeline, acc: Accounting,
  warn: (m: string) => void, options: ReadOptions): Promise<SourceFile[]> {
  const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
  const sources: SourceFile[] = files.map((f) => ({ path: f.path, bytes: 0, sha256: '' }));
  const worker = spawnWorker(workerEntry(), { files: [...files], mapping, maxItemBytes: options.maxItemBytes } satisfies WorkerInput);
  return new Promise<SourceFile[]>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      reject(err);
    };
    const onAbort = () => fail(new JobCancelledError());
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      try {
        if (m.t === 'batch') {
          const file = files[m.file]!.path;
          for (const q of m.quarantine) acc.reject({ file, line: q.line, byteOffset: q.byteOffset }, q.field, q.reason, q.raw);
          for (const rec of readBatch(m)) pipeline.storeEncoded(rec.r, rec.template, { file, line: rec.line, byteOffset: null });
          options.onProgress?.({ bytes: m.bytes, totalBytes, items: m.items });
          worker.postMessage({ t: 'ack' });
        } else if (m.t === 'file') {
          sources[m.file] = { path: m.path, bytes: m.bytes, sha256: m.sha256 };
          if (m.tail) acc.reject({ file: m.path, line: null, byteOffset: m.tail.decodedBytes }, null, m.tail.reason, null);
          if (m.warning) warn(m.warning);
        } else if (m.t === 'error') {
          fail(m.badInput ? badInput(m.message) : new Error(`import worker: ${m.message}`));
        } else {
          pipeline.setExternalHash({ sha256: m.sha256, count: m.count });
          settled = true;
          options.signal?.removeEventListener('abort', onAbort);
          void worker.terminate();
          for (const [i, f] of files.entries()) {
            if (f.bytes === 0) {
              warn(`${f.path}: empty file (0 bytes), nothing in it to import`);
              sources[i] = { path: f.path, bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' };
            }
          }
          resolve(sources);
        }
      } catch (err) {
        fail(err);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => { if (!settled) fail(new Error(`import worker stopped unexpectedly (exit ${code})`)); });
  });
}
