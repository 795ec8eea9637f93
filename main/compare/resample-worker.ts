// Worker thread of parallel-resample.ts: for each range it is sent, the bootstrap means of every metric, sent back
// as transferred buffers. It is started before the comparison is prepared and waits for its ranges meanwhile.
import { parentPort } from 'node:worker_threads';
import { resampleRange, type ResamplePlan } from '../../shared/stats/bootstrap';
import { resampleKernels } from '../../shared/stats/resample-kernels';

export interface ResampleWorkerInput {
  plan: ResamplePlan;
  seed: number;
  from: number;
  to: number;
}

// Compile the kernels while the calling thread prepares the comparison.
resampleKernels();
parentPort!.on('message', (input: ResampleWorkerInput) => {
  const out = resampleRange(input.plan, input.seed, input.from, input.to);
  parentPort!.postMessage(out, out.map((o) => o.buffer as ArrayBuffer));
});
