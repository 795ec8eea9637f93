import { useState } from 'react';
import type { MethodInput } from '../../../shared/contract/api';
import type { SkewReport } from '../../../shared/contract/drift-schemas';
import { Badge } from '../../components/badge';
import { ErrorBanner, Loading } from '../../components/feedback';
import { StatCard } from '../../components/stat-card';
import { formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { DistributionChart } from './distribution-chart';
import { DriftTable } from './drift-table';
import { formatShare } from './format-drift';
import { RECORDS_MATCH_HINT, unmatchedHint } from './skew-hints';

const SIDE_LABELS = { reference: 'Training', current: 'Serving' };

/** bad_request and not_found mean the choice cannot be compared as made (no matching feature, no matching record). */
function isChoiceProblem(error: Error): boolean {
  const code = (error as Error & { code?: unknown }).code;
  return code === 'bad_request' || code === 'not_found';
}

/** The API's own message, which names the training features and where they were looked for. */
function NothingCompared({ message, servingKind }: { message: string; servingKind: 'records' | 'dataset' }) {
  return (
    <div className="skew-nothing" role="status" data-testid="skew-no-match">
      <div className="empty-title">Nothing compared</div>
      <p className="skew-message" data-testid="skew-no-match-message">{message}</p>
      {servingKind === 'records' ? <p className="muted skew-hint">{RECORDS_MATCH_HINT}</p> : null}
    </div>
  );
}

function UnmatchedList({ report }: { report: SkewReport }) {
  if (!report.unmatched.length) return <p className="muted skew-unmatched-none" data-testid="skew-unmatched-none">Every training feature was found in the serving data.</p>;
  return (
    <>
      <h3 className="quality-subtitle">Not compared ({report.unmatched.length})</h3>
      <ul className="skew-unmatched" data-testid="skew-unmatched">
        {report.unmatched.map((name) => (
          <li key={name} data-testid="skew-unmatched-item" data-column={name}>
            <code>{name}</code> <span className="muted">{unmatchedHint(name, report.serving)}</span>
          </li>
        ))}
      </ul>
      {report.serving.kind === 'records' ? <p className="muted skew-hint">{RECORDS_MATCH_HINT}</p> : null}
    </>
  );
}

/** Per-feature skew between a training dataset and serving data, with the dataset verdict and unmatched features. */
export function SkewResult({ request }: { request: MethodInput<'drift.skew'> }) {
  const report = useApi('drift.skew', request);
  const [picked, setPicked] = useState<string | undefined>();
  const data = report.current ? report.data : undefined;
  if (report.error) {
    return isChoiceProblem(report.error)
      ? <NothingCompared message={report.error.message} servingKind={request.serving.kind} />
      : <ErrorBanner error={report.error} onRetry={report.reload} />;
  }
  if (!data) return <Loading label="Comparing training with serving…" />;
  const tested = data.columns.filter((c) => c.statistic !== null);
  const skewed = tested.filter((c) => c.drifted);
  // As on the dataset view: chart the most skewed feature until the user picks one.
  const fallback = [...skewed].sort((a, b) => (b.psi ?? 0) - (a.psi ?? 0))[0] ?? data.columns[0];
  const selected = data.columns.find((c) => c.name === picked) ?? fallback;
  const servingRows = `${formatCount(data.serving.rows)} ${data.serving.kind === 'records' ? 'records' : 'rows'}`;
  return (
    <div data-testid="skew-result" data-drifted={data.dataset_drifted}>
      <div className="stat-grid">
        <StatCard label="Skewed features" value={`${skewed.length} of ${tested.length}`} testId="skew-count"
          hint={skewed.length ? skewed.map((c) => c.name).join(', ') : 'None'} />
        <StatCard label="Skew share" value={formatShare(data.share_drifted)} testId="skew-share"
          hint={`Skew is flagged at ${formatShare(data.dataset_share_threshold, 0)} or more`} />
        <StatCard label="Verdict" testId="skew-verdict"
          value={<span className="drift-verdict">{data.dataset_drifted ? <Badge tone="danger">Dataset skewed</Badge> : <Badge tone="success">No dataset skew</Badge>}</span>}
          hint={`${data.training.name} (${formatCount(data.training.rows)} rows) → ${data.serving.kind === 'records' ? 'records: ' : ''}${data.serving.name} (${servingRows})`} />
      </div>
      <div className="drift-layout skew-layout">
        <div>
          <h3 className="quality-subtitle">Features</h3>
          <DriftTable columns={data.columns} selected={selected?.name} onSelect={setPicked} testIdPrefix="skew" />
        </div>
        <div>
          <h3 className="quality-subtitle">Distribution{selected ? `: ${selected.name}` : ''} (share of rows, training vs serving)</h3>
          {selected ? <DistributionChart column={selected} labels={SIDE_LABELS} testId="skew-distribution" /> : null}
        </div>
      </div>
      <UnmatchedList report={data} />
    </div>
  );
}
