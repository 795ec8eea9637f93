import { useState } from 'react';
import type { IndexInfo } from '../../../shared/contract/retrieval-schemas';
import type { ProgressEvent } from '../../../shared/contract/events';
import { call } from '../../api/client';
import { HashText } from '../../components/hash-text';
import { formatCount, formatTimestamp } from '../../format/format';
import { toError } from '../../hooks/use-api';

interface Props {
  source: 'kb' | 'records';
  /** The KB asset chosen, or undefined for the latest KB / the records index. */
  assetId: number | undefined;
  indexes: IndexInfo[] | undefined;
  jobs: ReadonlyMap<string, ProgressEvent>;
  onError: (error: Error) => void;
}

/** Which index answers, how it was built (provider, HNSW settings, file hashes), and build progress with cancel. */
export function IndexStatus({ source, assetId, indexes, jobs, onError }: Props) {
  const [busy, setBusy] = useState(false);
  const candidates = (indexes ?? []).filter((i) => i.source === source && (source === 'records' || assetId === undefined || i.assetId === assetId));
  const index = candidates.sort((a, b) => (b.assetId ?? 0) - (a.assetId ?? 0))[0];
  const job = [...jobs.values()].find((j) => j.phase.startsWith('index.') && j.jobId.startsWith(`index-${source}-`));

  const rebuild = () => {
    setBusy(true);
    call('indexes.build', { source, assetId: source === 'kb' ? assetId : undefined, rebuild: true, wait: false })
      .catch((error: unknown) => onError(toError(error)))
      .finally(() => setBusy(false));
  };
  const cancel = (jobId: string) => {
    call('indexes.cancel', { jobId }).catch((error: unknown) => onError(toError(error)));
  };

  return (
    <div className="card index-status" data-testid="index-status">
      <div className="card-header">
        <span className="card-title">{source === 'kb' ? 'Knowledge-base index' : 'Records index'}</span>
        {job ? (
          <button type="button" className="button button-small" onClick={() => cancel(job.jobId)} data-testid="index-cancel">Cancel build</button>
        ) : (
          <button type="button" className="button button-small" onClick={rebuild} disabled={busy} data-testid="index-rebuild">
            {index ? 'Rebuild index' : 'Build index'}
          </button>
        )}
      </div>
      {job ? <BuildProgress job={job} /> : null}
      {index ? (
        <dl className="kv index-facts">
          <dt>Index</dt>
          <dd>#{index.id}{index.assetId !== null ? ` · KB asset ${index.assetId}` : ''} · {formatCount(index.itemCount)} vectors{index.deletedCount ? ` (${formatCount(index.deletedCount)} deleted)` : ''}</dd>
          <dt>Embedding</dt>
          <dd>{index.provider.id} v{index.provider.version} · {index.provider.dimension} dims · key <HashText hash={index.provider.key} /></dd>
          <dt>HNSW</dt>
          <dd>M {index.m} · efConstruction {index.efConstruction} · ef {index.efSearch} · {index.shards.length} shard{index.shards.length > 1 ? 's' : ''} · {formatBytes(index.totalBytes)}</dd>
          <dt>Files</dt>
          <dd>{index.shards.map((s) => <HashText key={s.shard} hash={s.sha256} />)}</dd>
          <dt>Built</dt>
          <dd>{formatTimestamp(index.createdAt)} in {(index.buildMs / 1000).toFixed(1)} s</dd>
        </dl>
      ) : job ? null : (
        <p className="muted index-missing">Not built yet: the first search builds it.</p>
      )}
    </div>
  );
}

function BuildProgress({ job }: { job: ProgressEvent }) {
  const pct = job.total ? Math.min(100, (job.done / job.total) * 100) : null;
  return (
    <div className="index-progress" data-testid="index-progress" aria-live="polite">
      <div className="progress-track">
        <span className={`progress-fill${pct === null ? ' progress-indeterminate' : ''}`} style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      <div className="muted index-progress-text">
        {job.message ?? 'Building'} · {formatCount(job.done)}{job.total ? ` of ${formatCount(job.total)}` : ''}
        {job.ratePerSec ? ` · ${formatCount(job.ratePerSec)}/s` : ''}
        {job.etaSec !== null ? ` · ${Math.ceil(job.etaSec)} s left` : ''}
      </div>
    </div>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
