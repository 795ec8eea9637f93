// The comparison bootstrap with its resamples split over threads: the calling thread takes the last range and a
// worker each of the others. Each resample draws from its own stretch of the seeded streams
// (shared/stats/bootstrap.ts resampleRange), so the result is the same for any thread count. Workers are started
// before the comparison is prepared (pairing, the metric matrix), so their start-up overlaps that work.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ComparisonResult } from '../../shared/contract/compare-schemas';
import type { CompareItem } from '../../shared/compare/compare-item';
import { prepareComparison, type CompareOptions } from '../../shared/compare/compare-versions';
import { planResamples, resampleRange, type MetricMatrix, type ResamplePlan } from '../../shared/stats/bootstrap';
import { siblingModule, spawnWorker, workerEntryExists } from '../workers/spawn-worker';
import type { ResampleWorkerInput } from './resample-worker';

/**
 * Below this much work (item-resamples, see workPerResample) a worker's start-up costs more than half the split
 * saves: the SIMD pass runs at roughly 1-2 ns per item-resample, a worker started from source takes a few hundred ms.
 */
export const MIN_PARALLEL_WORK = 100_000_000;

/** Threads to use by default: two (the target machine's cores), one on a single core. ASSAY_COMPARE_THREADS overrides. */
export function defaultThreads(): number {
  const forced = Number(process.env.ASSAY_COMPARE_THREADS);
  if (Number.isInteger(forced) && forced >= 1) return forced;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(2, cores);
}

function workerEntry(): URL {
  return siblingModule(import.meta.url, 'resample-worker');
}

/** A started resample worker: one range at a time, until released. */
class ResampleWorker {
  private readonly worker: Worker;
  private failure: Error | null = null;
  private pending: { resolve(out: Float64Array[]): void; reject(e: Error): void } | null = null;

  constructor() {
    this.worker = spawnWorker(workerEntry());
    this.worker.on('message', (out: Float64Array[]) => {
      const p = this.pending;
      this.pending = null;
      p?.resolve(out);
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      const p = this.pending;
      this.pending = null;
      p?.reject(e);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`bootstrap worker exited with code ${code} before answering`)));
  }

  run(input: ResampleWorkerInput): Promise<Float64Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(input);
    });
  }

  release(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}

/** Work of a resample in item-resamples: a pass over the items if any metric needs one, ~10 per few-valued draw. */
function workPerResample(plan: ResamplePlan, n: number): number {
  return (plan.columns.length ? n : 0) + 10 * plan.distinct.reduce((s, g) => s + (g ? g.values.length : 0), 0);
}

/** Workers for `threads` threads in all, if this much work (item-resamples at most) is worth splitting. */
function startWorkers(threads: number, work: number, minWork: number): ResampleWorker[] {
  if (threads < 2 || work < minWork || !workerEntryExists(workerEntry())) return [];
  return Array.from({ length: threads - 1 }, () => new ResampleWorker());
}

/** resampleMeans (shared/stats/bootstrap.ts) with the resamples split over the calling thread and `workers`. */
async function resampleOn(workers: readonly ResampleWorker[], m: MetricMatrix, resamples: number, seed: number, minWork: number): Promise<Float64Array[]> {
  const plan = planResamples(m);
  const n = m.values.length / m.k;
  const split = workPerResample(plan, n) * resamples >= minWork ? Math.max(1, Math.min(workers.length + 1, resamples)) : 1;
  const bounds = Array.from({ length: split + 1 }, (_, t) => Math.round((t * resamples) / split));
  const onWorkers = bounds.slice(0, -2).map((from, t) => workers[t]!.run({ plan, seed, from, to: bounds[t + 1]! }));
  // Settle every worker even if one fails, so none is left running.
  const settled = Promise.allSettled(onWorkers);
  const here = resampleRange(plan, seed, bounds[split - 1]!, resamples);
  const parts = await settled;
  const failed = parts.find((p): p is PromiseRejectedResult => p.status === 'rejected');
  if (failed) throw failed.reason;
  const chunks = [...parts.map((p) => (p as PromiseFulfilledResult<Float64Array[]>).value), here];
  return plan.distinct.map((_, j) => {
    const col = new Float64Array(resamples);
    chunks.forEach((chunk, t) => col.set(chunk[j]!, bounds[t]!));
    return col;
  });
}

/** resampleMeans (shared/stats/bootstrap.ts) with the resamples split over `threads` threads. */
export async function resampleMeansParallel(m: MetricMatrix, resamples: number, seed: number, threads = defaultThreads(),
  minWork = MIN_PARALLEL_WORK): Promise<Float64Array[]> {
  const workers = startWorkers(threads, (m.values.length / m.k) * resamples, minWork);
  try {
    return await resampleOn(workers, m, resamples, seed, minWork);
  } finally {
    workers.forEach((w) => w.release());
  }
}

/** compareVersions with its bootstrap split over threads: the same result for any thread count. */
export async function compareVersionsParallel(a: readonly CompareItem[], b: readonly CompareItem[], options: CompareOptions,
  threads = defaultThreads(), minWork = MIN_PARALLEL_WORK): Promise<ComparisonResult> {
  // At most every item of the larger side is resampled item by item (the plan may need less, or no split at all).
  const workers = startWorkers(threads, Math.max(a.length, b.length) * options.resamples, minWork);
  try {
    const prepared = prepareComparison(a, b, options);
    const means: Float64Array[][] = [];
    for (const job of prepared.jobs) means.push(await resampleOn(workers, job.matrix, options.resamples, job.seed, minWork));
    return prepared.finish(means);
  } finally {
    workers.forEach((w) => w.release());
  }
}
