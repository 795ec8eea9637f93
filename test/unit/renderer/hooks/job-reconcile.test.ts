import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/contract/bridge';
import type { JobState } from '../../../../shared/contract/import-schemas';
import { missedFinishes } from '../../../../renderer/hooks/job-reconcile';

const job = (jobId: string, status: JobState['status'], error: string | null = null): JobState => ({
  jobId, kind: 'analysis', label: 'Analyze records', status, startedAt: '2026-12-07T00:00:00Z', finishedAt: status === 'running' ? null : '2026-12-07T00:01:00Z',
  bytes: 0, totalBytes: null, rows: 0, ratePerSec: null, etaSec: null, error,
} as JobState);

describe('missedFinishes', () => {
  it('turns jobs the host reports ended into the finish events the stream missed, and leaves running ones', async () => {
    const host: Record<string, JobState> = { a: job('a', 'succeeded'), b: job('b', 'running'), c: job('c', 'failed', 'disk full') };
    const events = await missedFinishes(['a', 'b', 'c', 'a'], (id) => Promise.resolve(host[id]!));
    expect(events).toEqual([
      { type: 'job.finished', jobId: 'a', status: 'succeeded', message: null },
      { type: 'job.finished', jobId: 'c', status: 'failed', message: 'disk full' },
    ]);
  });

  it('ends a job the host no longer knows, and asks again later when the host cannot be reached', async () => {
    const events = await missedFinishes(['gone', 'offline'], (id) => Promise.reject(id === 'gone' ? new ApiError('not_found', 'no job gone') : new Error('fetch failed')));
    expect(events).toEqual([{ type: 'job.finished', jobId: 'gone', status: 'failed', message: expect.stringMatching(/no longer known/) }]);
  });
});
