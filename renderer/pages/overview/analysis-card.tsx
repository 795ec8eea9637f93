import { useState, type ReactNode } from 'react';
import type { ProgressEvent } from '../../../shared/contract/events';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/feedback';
import { formatCount, plural } from '../../format/format';
import { toError, useApi } from '../../hooks/use-api';
import { useFinishedJobs, useRunningJobs, watchJob } from '../../hooks/use-events';
import { AnalysisKbPicker, defaultPick, type KbPick } from './analysis-kb-picker';
import { AnalysisRuns } from './analysis-runs';

/** The phase name the engine's analysis job reports progress under. */
const ANALYZE_PHASE = 'analyze';

/**
 * Starts the workspace analysis and follows it. Progress comes from the event stream, so a run started in
 * another window (or before a reload) shows here too; the run history comes from analysis.runs.
 */
export function AnalysisCard() {
  const analyzers = useApi('analysis.analyzers', {});
  const runs = useApi('analysis.runs', {});
  const kbOptions = useApi('analysis.kbOptions', {});
  // undefined until the user picks: the picker then follows the previous run's KB.
  const [kbPick, setKbPick] = useState<KbPick | undefined>(undefined);
  const kb = kbPick === undefined ? defaultPick(kbOptions.data) : kbPick;
  const jobs = useRunningJobs();
  const finished = useFinishedJobs();
  const [startedJob, setStartedJob] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<Error | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);

  const progress = [...jobs.values()].find((job) => job.phase === ANALYZE_PHASE || job.jobId === startedJob);
  const outcome = startedJob ? finished.get(startedJob) : undefined;
  const waiting = startedJob !== null && !outcome && !progress;
  const running = progress !== undefined || waiting || starting || (runs.data?.some((run) => run.status === 'running') ?? false);
  const available = analyzers.data ?? [];

  const runningJobId = progress?.jobId ?? (waiting ? startedJob : null);

  async function start() {
    setStarting(true);
    setStartError(null);
    setCancelling(null);
    try {
      const { jobId } = await call('analysis.start', kbOptions.data ? { kbAssetId: kb } : {});
      // Its end is reconciled with jobs.get if the event stream misses it (see hooks/job-reconcile.ts).
      watchJob(jobId);
      setStartedJob(jobId);
    } catch (error) {
      setStartError(toError(error));
    } finally {
      setStarting(false);
    }
  }

  /** The job stops at the end of the batch it is scoring; what was committed before stays. */
  async function cancel(jobId: string) {
    setCancelling(jobId);
    try {
      await call('jobs.cancel', { jobId });
    } catch (error) {
      setCancelling(null);
      setStartError(toError(error));
    }
  }

  return (
    <section className="card analysis-card" data-testid="analysis-card">
      <div className="card-header">
        <h2 className="card-title">Analysis</h2>
        <span className="card-meta">{analyzers.data ? plural(available.length, 'analyzer') : null}</span>
      </div>
      <div className="analysis-body">
        <div className="analysis-intro">
          <p className="analysis-text">
            Scores every record for grounding against its contexts, toxicity, prompt injection and personal data. A
            rerun only scores records that lack results from these exact analyzer versions and parameters.
          </p>
          <ul className="analyzer-list" data-testid="analyzer-list">
            {available.map((analyzer) => (
              <li key={analyzer.id} className="analyzer-chip" title={analyzer.description}>
                <span className="analyzer-id">{analyzer.id}</span>
                <span className="analyzer-version">v{analyzer.version}</span>
              </li>
            ))}
            {analyzers.data && available.length === 0 ? <li className="muted">No analyzers are registered in this build.</li> : null}
          </ul>
        </div>
        <div className="analysis-actions">
          {kbOptions.data && kbOptions.data.kbs.length > 0 ? (
            <AnalysisKbPicker options={kbOptions.data} value={kb} onChange={setKbPick} disabled={running}
              afterRuns={(runs.data?.length ?? 0) > 0} />
          ) : null}
          <button type="button" className="button button-primary" onClick={() => void start()}
            disabled={running || available.length === 0} data-testid="analysis-run">
            {running ? 'Analysis running…' : 'Run analysis'}
          </button>
        </div>
      </div>
      {analyzers.error ? <ErrorBanner error={analyzers.error} onRetry={analyzers.reload} /> : null}
      {startError ? <ErrorBanner error={startError} /> : null}
      {progress || waiting ? (
        <AnalysisProgress job={progress}>
          {runningJobId ? (
            <button type="button" className="button button-small" onClick={() => void cancel(runningJobId)}
              disabled={cancelling === runningJobId} data-testid="analysis-cancel">
              {cancelling === runningJobId ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : null}
        </AnalysisProgress>
      ) : null}
      {outcome && outcome.status !== 'succeeded' ? (
        <div className={`banner ${outcome.status === 'failed' ? 'banner-error' : 'banner-info'} analysis-outcome`} role="status"
          data-testid="analysis-outcome" data-status={outcome.status}>
          <span className="banner-text">
            {outcome.status === 'failed' ? `Analysis failed: ${outcome.message ?? 'no reason given'}.` : 'Analysis cancelled.'}
            {' '}Records scored before it stopped keep their results; the next run continues from there.
          </span>
        </div>
      ) : null}
      {runs.error ? <ErrorBanner error={runs.error} onRetry={runs.reload} /> : null}
      {runs.data && runs.data.length > 0 ? <AnalysisRuns runs={runs.data} /> : null}
    </section>
  );
}

function AnalysisProgress({ job, children }: { job: ProgressEvent | undefined; children?: ReactNode }) {
  const fraction = job && job.total ? Math.min(1, job.done / job.total) : null;
  return (
    <div className="analysis-progress" data-testid="analysis-progress" data-done={job?.done ?? 0} data-total={job?.total ?? ''}>
      <div className="progress-track" role="progressbar" aria-label="Analysis progress"
        aria-valuemin={0} aria-valuemax={job?.total ?? undefined} aria-valuenow={job?.done ?? undefined}>
        <span className={`progress-fill${fraction === null ? ' progress-indeterminate' : ''}`}
          style={fraction === null ? undefined : { width: `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <div className="progress-line">
        <span className="progress-text">
          {job ? (
            <>
              <strong>{formatCount(job.done)}</strong>{job.total !== null ? <> of {formatCount(job.total)}</> : null} records scored
              {job.ratePerSec ? <span className="muted"> · {formatCount(job.ratePerSec)}/s</span> : null}
              {job.etaSec !== null && job.etaSec > 0 ? <span className="muted"> · about {formatEta(job.etaSec)} left</span> : null}
            </>
          ) : 'Scoring the first batch of records…'}
        </span>
        {children}
      </div>
    </div>
  );
}

function formatEta(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
