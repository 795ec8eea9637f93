// Worker thread of parallel-resample.ts: the dense bootstrap means of one range of resamples, sent back as
// transferred buffers.
import { parentPort, workerData } from 'node:worker_threads';
import { denseMeans } from '../../shared/stats/bootstrap';

export interface ResampleWorkerInput {
  columns: Float64Array[];
  seed: number;
  from: number;
  to: number;
}

const input = workerData as ResampleWorkerInput;
const out = denseMeans(input.columns, input.seed, input.from, input.to);
parentPort!.postMessage(out, out.map((o) => o.buffer as ArrayBuffer));
