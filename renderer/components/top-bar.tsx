import { hostKind } from '../api/client';
import { useApi } from '../hooks/use-api';
import { useRunningJobs } from '../hooks/use-events';
import { formatCount } from '../format/format';

export function TopBar() {
  const info = useApi('workspace.info', {});
  const jobs = [...useRunningJobs().values()];
  return (
    <header className="top-bar" data-testid="top-bar">
      <div className="top-bar-workspace">
        <span className="top-bar-label">Workspace</span>
        <span className="top-bar-name" data-testid="workspace-name">
          {info.data?.name ?? (info.error ? 'Unavailable' : 'Loading…')}
        </span>
        {info.data ? <span className="top-bar-path" title={info.data.path}>{info.data.path}</span> : null}
      </div>
      <div className="top-bar-right">
        {jobs.map((job) => (
          <span className="job-pill" key={job.jobId} title={job.message ?? undefined} data-testid="job-progress">
            <span className="spinner" aria-hidden="true" />
            {job.phase} {formatCount(job.done)}
            {job.total !== null ? ` / ${formatCount(job.total)}` : ''}
          </span>
        ))}
        <span className="host-pill" title={hostKind === 'desktop' ? 'Running in the desktop app' : 'Served locally by assay serve'}>
          {hostKind === 'desktop' ? 'Desktop' : 'Browser mode · local'}
        </span>
      </div>
    </header>
  );
}
