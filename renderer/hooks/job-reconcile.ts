// The event stream can miss a job's end: a dropped SSE connection, a reload between progress and finish. Then a
// job card would show "running" until something else happened (30-60 s late, or forever). So the app asks the
// host how the jobs it believes running ended, on reconnect and on a timer, and applies what it missed.
import { ApiError } from '../../shared/contract/bridge';
import type { JobFinishedEvent } from '../../shared/contract/events';
import type { JobState } from '../../shared/contract/import-schemas';

/** While any job is followed, the host is asked this often. */
export const RECONCILE_MS = 3_000;

/** The finish events missed for these jobs: one per job the host reports ended (or no longer knows). */
export async function missedFinishes(jobIds: Iterable<string>, getJob: (jobId: string) => Promise<JobState>): Promise<JobFinishedEvent[]> {
  const ids = [...new Set(jobIds)];
  const states = await Promise.all(ids.map(async (jobId) => {
    try {
      return { jobId, job: await getJob(jobId) };
    } catch (err) {
      // A job the host does not know (it restarted) will never finish: stop showing it as running.
      if (err instanceof ApiError && err.code === 'not_found') return { jobId, job: null };
      return { jobId, job: undefined }; // unreachable host: ask again on the next round
    }
  }));
  const out: JobFinishedEvent[] = [];
  for (const { jobId, job } of states) {
    if (job === undefined || job?.status === 'running') continue;
    out.push(job === null
      ? { type: 'job.finished', jobId, status: 'failed', message: 'the job is no longer known to the host (was it restarted?)' }
      : { type: 'job.finished', jobId, status: job.status, message: job.error });
  }
  return out;
}
