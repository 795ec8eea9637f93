import type { AssayEvent } from '../../shared/contract/events';
import type { JobState } from '../../shared/contract/import-schemas';

/** What a running job reports; the runner turns it into rate, ETA and throttled progress events. */
export interface JobProgress {
  phase: string;
  bytes: number;
  totalBytes: number | null;
  rows: number;
}

export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  progress(p: JobProgress): void;
}

/** Thrown by jobs that notice their signal; the runner reports the job as cancelled, not failed. */
export class JobCancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'JobCancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelledError();
}

interface Entry {
  state: JobState;
  controller: AbortController;
  done: Promise<unknown>;
  lastEmit: number;
}

/** Finished jobs kept for jobs.get; older ones are forgotten. */
const KEEP_FINISHED = 50;
const EMIT_EVERY_MS = 250;

/**
 * Runs long work (imports now, analyses later) as cancellable jobs with progress. Each job gets an AbortSignal
 * and must leave the workspace as it was when cancelled; the runner only tracks, throttles and reports.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Entry>();
  private seq = 0;

  constructor(private readonly emit: (event: AssayEvent) => void, private readonly now: () => number = Date.now) {}

  start<T>(kind: string, label: string, run: (ctx: JobContext) => Promise<T>): { jobId: string; done: Promise<T> } {
    const jobId = `${kind}-${this.now().toString(36)}-${(++this.seq).toString(36)}`;
    const controller = new AbortController();
    const startedMs = this.now();
    const state: JobState = {
      jobId, kind, label, status: 'running', startedAt: new Date(startedMs).toISOString(), finishedAt: null,
      bytes: 0, totalBytes: null, rows: 0, ratePerSec: null, etaSec: null, error: null, result: null,
    };
    const entry: Entry = { state, controller, done: Promise.resolve(), lastEmit: 0 };
    this.jobs.set(jobId, entry);
    const ctx: JobContext = {
      jobId,
      signal: controller.signal,
      progress: (p) => this.onProgress(entry, startedMs, p),
    };
    const done = (async () => {
      try {
        const result = await run(ctx);
        this.finish(entry, 'succeeded', null, result);
        return result;
      } catch (err) {
        const cancelled = err instanceof JobCancelledError || controller.signal.aborted;
        this.finish(entry, cancelled ? 'cancelled' : 'failed', (err as Error).message ?? String(err), null);
        throw err;
      }
    })();
    entry.done = done;
    // Callers that only poll jobs.get must not see an unhandled rejection.
    done.catch(() => undefined);
    return { jobId, done };
  }

  get(jobId: string): JobState | undefined {
    const e = this.jobs.get(jobId);
    return e && { ...e.state };
  }

  list(): JobState[] {
    return [...this.jobs.values()].map((e) => ({ ...e.state })).reverse();
  }

  running(): JobState[] {
    return this.list().filter((j) => j.status === 'running');
  }

  /** Asks the job to stop; it rolls back and finishes as cancelled. Unknown or finished jobs are left as they are. */
  cancel(jobId: string): JobState | undefined {
    const e = this.jobs.get(jobId);
    if (e && e.state.status === 'running') e.controller.abort();
    return e && { ...e.state };
  }

  cancelAll(): void {
    for (const e of this.jobs.values()) if (e.state.status === 'running') e.controller.abort();
  }

  private onProgress(entry: Entry, startedMs: number, p: JobProgress): void {
    const s = entry.state;
    const now = this.now();
    const seconds = Math.max((now - startedMs) / 1000, 1e-3);
    s.bytes = p.bytes;
    s.totalBytes = p.totalBytes;
    s.rows = p.rows;
    s.ratePerSec = p.rows / seconds;
    const byteRate = p.bytes / seconds;
    s.etaSec = p.totalBytes && byteRate > 0 && seconds > 0.5 ? Math.max(0, (p.totalBytes - p.bytes) / byteRate) : null;
    if (now - entry.lastEmit < EMIT_EVERY_MS) return;
    entry.lastEmit = now;
    this.emit({
      type: 'progress', jobId: s.jobId, phase: p.phase, done: p.bytes, total: p.totalBytes,
      ratePerSec: byteRate, etaSec: s.etaSec, message: `${Math.round(p.rows).toLocaleString('en-US')} rows, ${Math.round(s.ratePerSec).toLocaleString('en-US')} rows/s`,
    });
  }

  private finish(entry: Entry, status: Exclude<JobState['status'], 'running'>, error: string | null, result: unknown): void {
    const s = entry.state;
    s.status = status;
    s.error = error;
    s.result = result ?? null;
    s.etaSec = status === 'succeeded' ? 0 : null;
    s.finishedAt = new Date(this.now()).toISOString();
    this.emit({ type: 'job.finished', jobId: s.jobId, status, message: error });
    const finished = [...this.jobs.values()].filter((e) => e.state.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(old.state.jobId);
  }
}

const runners = new WeakMap<object, JobRunner>();

/** One runner per workspace handle, so every API domain (import, analysis, index builds) shares the job list. */
export function jobRunnerFor(owner: object, emit: (event: AssayEvent) => void): JobRunner {
  let runner = runners.get(owner);
  if (!runner) {
    runner = new JobRunner(emit);
    runners.set(owner, runner);
  }
  return runner;
}
