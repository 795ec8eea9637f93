import { useState } from 'react';
import type { AxisValue, CompareAxis, ComparisonResult, CorrectionMethod } from '../../../shared/contract/compare-schemas';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { Segmented } from '../../components/segmented';
import { StatCard } from '../../components/stat-card';
import { formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { navigate } from '../../routing/router';
import { formatHash } from '../../routing/routes';
import { BucketsPanel } from './buckets-panel';
import { CostSettings } from './cost-settings';
import { DiffChart } from './diff-chart';
import { MetricTable } from './metric-table';
import { ProfileCompare } from './profile-compare';
import { PromptDiffView } from './prompt-diff';
import { SideBySide } from './side-by-side';
import './compare.css';

const AXES: { value: CompareAxis; label: string; title: string }[] = [
  { value: 'prompt_version', label: 'Prompt version', title: 'two prompt versions' },
  { value: 'model', label: 'Model', title: 'two models' },
  { value: 'model_version', label: 'Model version', title: 'two model versions' },
  { value: 'asset', label: 'Log import', title: 'two imported log assets' },
  { value: 'kb_version', label: 'KB version', title: 'grounding with two knowledge-base versions as evidence' },
];

function isAxis(v: string | undefined): v is CompareAxis {
  return AXES.some((a) => a.value === v);
}

function VersionPicker({ label, testId, values, value, onChange }: { label: string; testId: string; values: AxisValue[]; value: string; onChange: (v: string) => void }) {
  return (
    <label className="select-box">
      <span className="select-label">{label}</span>
      <select value={value} aria-label={label} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {values.map((v) => <option key={v.value} value={v.value}>{v.label} ({formatCount(v.records)} records)</option>)}
      </select>
    </label>
  );
}

function Result({ result }: { result: ComparisonResult }) {
  const [pair, setPair] = useState<{ a: number; b: number } | null>(null);
  const significant = result.metrics.filter((m) => m.significant).length;
  return (
    <>
      <div className="stat-grid" data-testid="compare-summary">
        <StatCard label="Design" testId="compare-mode" value={result.mode === 'paired' ? `Paired: ${formatCount(result.paired)} items` : 'Unpaired'}
          hint={result.mode === 'paired' ? `paired by ${[result.pairing.pair_key ? 'pair_key' : '', result.pairing.item_id ? 'item_id' : '', result.pairing.input ? 'input text' : ''].filter(Boolean).join(', ')}` : 'independent-sample tests on all records'} />
        <StatCard label="Records" value={`${formatCount(result.records_a)} vs ${formatCount(result.records_b)}`}
          hint={`${formatCount(result.unpaired_a)} A and ${formatCount(result.unpaired_b)} B without a partner`} />
        <StatCard label="Significant differences" testId="compare-significant" value={`${significant} of ${result.metrics.length}`}
          hint={`${result.correction === 'none' ? 'no correction' : `${result.correction === 'holm' ? 'Holm' : 'Benjamini-Hochberg'} across the metrics shown`}, α = 0.05`} />
      </div>
      <ul className="compare-notes muted" data-testid="compare-notes">{result.notes.map((n) => <li key={n}>{n}</li>)}</ul>
      <section className="card">
        <div className="card-header"><h2 className="card-title">Metrics</h2><span className="card-meta">B − A with 95% intervals; hover a test for how it was run</span></div>
        <MetricTable result={result} />
      </section>
      <div className="compare-charts">
        <section className="card"><div className="card-header"><h2 className="card-title">Rates and scores</h2><span className="card-meta">B − A in percentage points</span></div><DiffChart rows={result.metrics} kind="points" /></section>
        <section className="card"><div className="card-header"><h2 className="card-title">Tokens, latency, cost</h2><span className="card-meta">B − A relative to A</span></div><DiffChart rows={result.metrics} kind="relative" /></section>
      </div>
      <section className="card">
        <div className="card-header"><h2 className="card-title">Per-item buckets</h2><span className="card-meta">an item fails when any analyzer flag is set</span></div>
        <BucketsPanel result={result} selected={pair} onSelect={setPair} />
        {pair ? <SideBySide pair={pair} /> : null}
      </section>
      {result.by === 'prompt_version' ? <PromptDiffView a={result.a} b={result.b} /> : null}
    </>
  );
}

function Comparison({ by, a, b, correction }: { by: CompareAxis; a: string; b: string; correction: CorrectionMethod }) {
  const result = useApi('compare.run', { by, a, b, correction });
  if (result.error) return <ErrorBanner error={result.error} onRetry={result.reload} />;
  if (!result.data || !result.current) return <Loading label="Comparing versions…" />;
  return <Result result={result.data} />;
}

/** Two versions along one axis: per-metric differences with intervals and tests, buckets, both answers side by side. */
export function ComparePage({ params }: { params: Readonly<Record<string, string>> }) {
  const by: CompareAxis = isAxis(params.by) ? params.by : 'prompt_version';
  const correction: CorrectionMethod = params.correction === 'bh' || params.correction === 'none' ? params.correction : 'holm';
  const values = useApi('compare.values', { by });
  const list = values.data ?? [];
  const a = list.find((v) => v.value === params.a)?.value ?? list[list.length - 2]?.value ?? list[0]?.value;
  const b = list.find((v) => v.value === params.b)?.value ?? list[list.length - 1]?.value;
  const go = (next: Record<string, string | undefined>) => navigate('compare', { by, a, b, correction, ...next }, true);
  return (
    <div className="page" data-testid="compare-page">
      <PageHeader title="Compare" subtitle="Is version B better than A, and is the difference more than noise? Paired tests when the same inputs were answered by both, intervals for every difference, and a correction across the metrics shown." />
      <Segmented label="Compare by" testId="compare-by" options={AXES} value={by} onChange={(v) => navigate('compare', { by: v, correction }, true)} />
      {values.error ? <ErrorBanner error={values.error} onRetry={values.reload} /> : null}
      {values.data === undefined && !values.error ? <Loading /> : null}
      {values.data && list.length < 2 ? (
        <EmptyState title="Two versions needed">
          {list.length === 0 ? 'No records carry this field. ' : `Only one value (${list[0]!.label}) here. `}
          Import logs from another version on the <a href={formatHash('import')}>Import</a> page, or compare along another axis.
        </EmptyState>
      ) : null}
      {a !== undefined && b !== undefined && list.length >= 2 ? (
        <>
          <div className="compare-pickers">
            <VersionPicker label="A (baseline)" testId="compare-a" values={list} value={a} onChange={(v) => go({ a: v })} />
            <VersionPicker label="B (candidate)" testId="compare-b" values={list} value={b} onChange={(v) => go({ b: v })} />
            <Segmented label="Correction" testId="compare-correction" value={correction} onChange={(v) => go({ correction: v })}
              options={[{ value: 'holm', label: 'Holm', title: 'family-wise error (default)' }, { value: 'bh', label: 'BH', title: 'false discovery rate' }, { value: 'none', label: 'None', title: 'raw p-values' }]} />
          </div>
          <Comparison by={by} a={a} b={b} correction={correction} />
        </>
      ) : null}
      <ProfileCompare />
      <CostSettings />
    </div>
  );
}
