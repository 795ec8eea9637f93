import { useState } from 'react';
import { Badge } from '../../components/badge';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { StatCard } from '../../components/stat-card';
import { formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { formatHash } from '../../routing/routes';
import { DistributionChart } from './distribution-chart';
import { DriftTable } from './drift-table';
import { DatasetPicker } from './dataset-picker';
import { DriftModeSwitch, type DriftMode } from './drift-mode-switch';
import { ColumnSettings, CorrectionPicker, overrideRequest, type ColumnOverride, type Correction } from './column-settings';
import { driftVerdict } from './drift-verdict';
import { EmbeddingPanel } from './embedding-panel';
import { formatShare } from './format-drift';
import { QualityPanel } from './quality-panel';
import { SkewPanel } from './skew-panel';
import { WindowPanel, type Period } from './window-panel';
import './drift.css';

function DriftReportView({ referenceAssetId, currentAssetId }: { referenceAssetId: number; currentAssetId: number }) {
  const [overrides, setOverrides] = useState<Record<string, ColumnOverride>>({});
  const [correction, setCorrection] = useState<Correction>('none');
  const [period, setPeriod] = useState<Period>('week');
  const report = useApi('drift.datasets', { referenceAssetId, currentAssetId, ...overrideRequest(overrides), ...(correction !== 'none' ? { correction } : {}) });
  const overTime = useApi('drift.overTime', { referenceAssetId, currentAssetId, period });
  const [picked, setPicked] = useState<string | undefined>();
  // While a changed test or correction is recomputed, the last report of the same two datasets stays on screen.
  const sameAssets = report.data?.reference.assetId === referenceAssetId && report.data.current.assetId === currentAssetId;
  const data = report.current || sameAssets ? report.data : undefined;
  if (report.error) return <ErrorBanner error={report.error} onRetry={report.reload} />;
  if (!data) return <Loading label="Comparing datasets…" />;
  const tested = data.columns.filter((c) => c.statistic !== null);
  const drifted = tested.filter((c) => c.drifted);
  // Until the user picks one, chart the most drifted column so the page opens on something worth seeing.
  const fallback = [...drifted].sort((a, b) => (b.psi ?? 0) - (a.psi ?? 0))[0] ?? data.columns[0];
  const selected = data.columns.find((c) => c.name === picked) ?? fallback;
  const verdict = driftVerdict(data, overTime.current ? overTime.data : undefined);
  const setOverride = (name: string, o: ColumnOverride | undefined) => setOverrides((all) => {
    const next = { ...all };
    if (o) next[name] = o;
    else delete next[name];
    return next;
  });
  return (
    <>
      <div className="stat-grid" data-testid="drift-summary">
        <StatCard label="Drifted columns" value={`${drifted.length} of ${tested.length}`} testId="drift-count"
          hint={drifted.length ? drifted.map((c) => c.name).join(', ') : 'None'} />
        <StatCard label="Drift share" value={formatShare(data.share_drifted)} testId="drift-share"
          hint={`Dataset drifts at ${formatShare(data.dataset_share_threshold, 0)} or more`} />
        <StatCard label="Verdict" testId="drift-verdict"
          value={<span className="drift-verdict" data-tone={verdict.tone}><Badge tone={verdict.tone}>{verdict.label}</Badge></span>}
          hint={<>
            {verdict.reasons.map((r) => <span key={r} className="drift-verdict-reason" data-testid="drift-verdict-reason">{r}</span>)}
            <span>{`${data.reference.name} (${formatCount(data.reference.rows)} rows) → ${data.current.name} (${formatCount(data.current.rows)} rows)`}</span>
          </>} />
      </div>
      <div className="drift-layout">
        <section className="card">
          <div className="card-header">
            <h2 className="card-title">Columns</h2>
            <span className="card-meta">p-value tests drift below their threshold, distances at or above it{report.current ? '' : ' · updating…'}</span>
            <CorrectionPicker value={correction} onChange={setCorrection} />
          </div>
          <DriftTable columns={data.columns} selected={selected?.name} onSelect={setPicked} overridden={new Set(Object.keys(overrides))} />
        </section>
        <section className="card">
          <div className="card-header">
            <h2 className="card-title">Distribution{selected ? `: ${selected.name}` : ''}</h2>
            <span className="card-meta">share of rows, reference vs current</span>
          </div>
          {selected ? <DistributionChart column={selected} /> : null}
          {selected ? <ColumnSettings key={selected.name} column={selected} override={overrides[selected.name]} onApply={(o) => setOverride(selected.name, o)} /> : null}
        </section>
      </div>
      <WindowPanel report={overTime} column={selected?.name} period={period} onPeriod={setPeriod} />
    </>
  );
}

/** Data drift between two dataset assets and the model's quality on each. */
export function DriftPage() {
  const assets = useApi('assets.list', {});
  const datasets = (assets.data ?? []).filter((a) => a.kind === 'dataset').sort((a, b) => a.id - b.id);
  const [chosen, setChosen] = useState<{ reference?: number; current?: number }>({});
  const reference = datasets.find((a) => a.id === chosen.reference) ?? datasets[0];
  const current = datasets.find((a) => a.id === chosen.current) ?? datasets[datasets.length - 1];
  const [mode, setMode] = useState<DriftMode>('datasets');
  const logs = (assets.data ?? []).filter((a) => a.kind === 'logs');
  return (
    <div className="page" data-testid="drift-page">
      <PageHeader title="Drift" subtitle="Compare a current dataset with a reference column by column and window by window, see how the model performs on each, check training data against what the model was served, and compare the text of two sets of log records." />
      {assets.error ? <ErrorBanner error={assets.error} onRetry={assets.reload} /> : null}
      {assets.data === undefined && !assets.error ? <Loading /> : null}
      {assets.data ? <DriftModeSwitch value={mode} onChange={setMode} /> : null}
      {assets.data && mode === 'skew' ? <SkewPanel datasets={datasets} logs={logs} /> : null}
      {assets.data && mode === 'datasets' && datasets.length < 2 ? (
        <EmptyState title="Two dataset assets needed">
          Import a reference and a current table (CSV, Parquet) on the <a href={formatHash('import')}>Import</a> page.
        </EmptyState>
      ) : null}
      {mode === 'datasets' && reference && current && datasets.length >= 2 ? (
        <>
          <div className="drift-pickers">
            <DatasetPicker label="Reference" testId="drift-reference" datasets={datasets} value={reference.id} onChange={(id) => setChosen((c) => ({ ...c, reference: id }))} />
            <DatasetPicker label="Current" testId="drift-current" datasets={datasets} value={current.id} onChange={(id) => setChosen((c) => ({ ...c, current: id }))} />
          </div>
          {reference.id === current.id ? <p className="muted">Pick two different datasets.</p> : (
            <>
              <DriftReportView referenceAssetId={reference.id} currentAssetId={current.id} />
              <QualityPanel referenceAssetId={reference.id} currentAssetId={current.id} />
            </>
          )}
        </>
      ) : null}
      {assets.data ? <EmbeddingPanel /> : null}
    </div>
  );
}
