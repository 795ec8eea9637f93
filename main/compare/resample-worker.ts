// Worker thread of parallel-resample.ts: the bootstrap means of every metric for one range of resamples, sent
// back as transferred buffers.
import { parentPort, workerData } from 'node:worker_threads';
import { resampleRange, type ResamplePlan } from '../../shared/stats/bootstrap';

export interface ResampleWorkerInput {
  plan: ResamplePlan;
  seed: number;
  from: number;
  to: number;
}

const input = workerData as ResampleWorkerInput;
const out = resampleRange(input.plan, input.seed, input.from, input.to);
parentPort!.postMessage(out, out.map((o) => o.buffer as ArrayBuffer));
