import { useEffect, useState } from 'react';
import type { JobState } from '../../../shared/contract/import-schemas';
import { call } from '../../api/client';
import { formatCount } from '../../format/format';
import { useRunningJobs } from '../../hooks/use-events';

/** Follows an import job: progress events as they come, and the job state until it finishes. */
export function useJob(jobId: string | null): JobState | null {
  const [state, setState] = useState<JobState | null>(null);
  useEffect(() => {
    if (jobId === null) return undefined;
    let live = true;
    const poll = () => {
      void call('jobs.get', { jobId }).then((s) => {
        if (!live) return;
        setState(s);
        if (s.status === 'running') timer = setTimeout(poll, 500);
      }, () => { if (live) timer = setTimeout(poll, 1000); });
    };
    let timer = setTimeout(poll, 0);
    return () => { live = false; clearTimeout(timer); };
  }, [jobId]);
  return state;
}

function eta(sec: number | null | undefined): string {
  if (sec === null || sec === undefined) return '';
  return sec < 60 ? ` · about ${Math.ceil(sec)} s left` : ` · about ${Math.ceil(sec / 60)} min left`;
}

export function ImportProgress({ jobId, job, onCancel }: { jobId: string; job: JobState | null; onCancel: () => void }) {
  const event = useRunningJobs().get(jobId);
  const done = event?.done ?? job?.bytes ?? 0;
  const total = event?.total ?? job?.totalBytes ?? null;
  const pct = total ? Math.min(100, (done / total) * 100) : null;
  return (
    <div className="import-steps" data-testid="import-progress">
      <div className="progress-track" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
        <span className={`progress-fill${pct === null ? ' progress-indeterminate' : ''}`} style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      <div className="import-actions">
        <span>
          {pct === null ? 'Reading…' : `${pct.toFixed(0)}%`} · {(done / 1048576).toFixed(1)}{total ? ` of ${(total / 1048576).toFixed(1)}` : ''} MB
          {' · '}{event?.message ?? `${formatCount(job?.rows ?? 0)} rows`}{eta(event?.etaSec ?? job?.etaSec)}
        </span>
        <button type="button" className="button button-small" data-testid="import-cancel" onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}
