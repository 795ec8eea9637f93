import { describe, expect, it } from 'vitest';
import type { AssayEvent } from '../../../../shared/contract/events';
import { JobCancelledError, JobRunner, throwIfCancelled } from '../../../../main/jobs/job-runner';

describe('job runner', () => {
  it('reports progress with rate and ETA, then the result', async () => {
    const events: AssayEvent[] = [];
    let now = 1000;
    const runner = new JobRunner((e) => events.push(e), () => now);
    const { jobId, done } = runner.start('import', 'Import x', async (ctx) => {
      now += 2000;
      ctx.progress({ phase: 'import', bytes: 50, totalBytes: 100, rows: 10 });
      return 'ok';
    });
    expect(await done).toBe('ok');
    const progress = events.find((e) => e.type === 'progress');
    expect(progress).toMatchObject({ jobId, done: 50, total: 100, ratePerSec: 25, etaSec: 2 });
    expect(runner.get(jobId)).toMatchObject({ status: 'succeeded', rows: 10, result: 'ok' });
    expect(events.at(-1)).toMatchObject({ type: 'job.finished', jobId, status: 'succeeded' });
  });

  it('cancels through the signal and reports the job as cancelled, not failed', async () => {
    const events: AssayEvent[] = [];
    const runner = new JobRunner((e) => events.push(e));
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const { jobId, done } = runner.start('import', 'x', async (ctx) => {
      await gate;
      throwIfCancelled(ctx.signal);
      return 1;
    });
    expect(runner.running().map((j) => j.jobId)).toEqual([jobId]);
    runner.cancel(jobId);
    release();
    await expect(done).rejects.toBeInstanceOf(JobCancelledError);
    expect(runner.get(jobId)?.status).toBe('cancelled');
    expect(events.at(-1)).toMatchObject({ type: 'job.finished', status: 'cancelled' });
  });

  it('reports a failure with its message', async () => {
    const runner = new JobRunner(() => undefined);
    const { jobId, done } = runner.start('import', 'x', async () => { throw new Error('disk full'); });
    await expect(done).rejects.toThrow('disk full');
    expect(runner.get(jobId)).toMatchObject({ status: 'failed', error: 'disk full' });
  });
});
