import { useState } from 'react';
import type { MethodInput } from '../../../shared/contract/api';
import type { EmbeddingDriftReport } from '../../../shared/contract/drift-schemas';
import { Badge } from '../../components/badge';
import { ErrorBanner, Loading } from '../../components/feedback';
import { StatCard } from '../../components/stat-card';
import { formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { formatHash } from '../../routing/routes';
import { formatShare, formatStat } from './format-drift';
import { EMPTY_SET, RecordSetPicker, toFilter, type SetChoice } from './record-set-picker';

type Field = 'input' | 'output';

const verdict = (drifted: boolean | undefined) =>
  drifted === undefined ? <Badge>not computed</Badge> : drifted ? <Badge tone="danger">drifted</Badge> : <Badge tone="success">stable</Badge>;

function Figures({ r }: { r: EmbeddingDriftReport }) {
  const t = r.thresholds;
  return (
    <div className="stat-grid embedding-figures" data-testid="embedding-figures">
      <StatCard label="Centroid distance" testId="embedding-centroid" value={<>{formatStat(r.centroid.euclidean)} {verdict(r.centroid.drifted)}</>}
        hint={`Euclidean, drift at ≥ ${t.centroid_euclidean}; cosine ${formatStat(r.centroid.cosine)}`} />
      <StatCard label="MMD p-value" testId="embedding-mmd" value={<>{formatStat(r.mmd?.p_value)} {verdict(r.mmd?.drifted)}</>}
        hint={r.mmd ? `drift at p < ${t.mmd_p_value}; MMD² ${formatStat(r.mmd.mmd2)}, RBF σ ${formatStat(r.mmd.sigma, 2)}, ${r.mmd.permutations} permutations` : 'needs 2 records per set'} />
      <StatCard label="Classifier ROC AUC" testId="embedding-auc" value={<>{formatStat(r.classifier?.roc_auc)} {verdict(r.classifier?.drifted)}</>}
        hint={r.classifier ? `drift above ${t.classifier_auc}; 0.5 = sets indistinguishable` : 'needs 5 records per set'} />
      <StatCard label="kNN novelty" testId="embedding-novelty" value={<>{formatShare(r.novelty?.share_novel)} {verdict(r.novelty?.drifted)}</>}
        hint={r.novelty ? `share of B farther from A than A's own 95th percentile (${formatStat(r.novelty.threshold)}); drift above ${formatShare(t.novelty_share, 0)}` : 'needs 2 reference records'} />
    </div>
  );
}

function NovelList({ r }: { r: EmbeddingDriftReport }) {
  const items = r.novelty?.most_novel ?? [];
  if (!items.length) return <p className="muted drift-chart-empty">No record of set B is farther from set A than A's own 95th percentile.</p>;
  return (
    <ol className="novel-list" data-testid="novel-list">
      {items.map((n) => (
        <li key={n.record_id} data-testid="novel-item" data-record={n.record_id}>
          <div className="novel-head">
            <a href={formatHash('records', { record: String(n.record_id) })}>record {n.record_id}</a>
            <span className="muted">distance {formatStat(n.distance)}{n.model ? ` · ${n.model}` : ''}{n.prompt_version ? ` · ${n.prompt_version}` : ''}{n.timestamp ? ` · ${n.timestamp.slice(0, 10)}` : ''}</span>
          </div>
          {/* Log text is untrusted: rendered as React text only. */}
          <div className="novel-text">{n.excerpt}</div>
          {n.nearest_reference_excerpt !== null ? <div className="novel-nearest muted">nearest in A (record {n.nearest_reference_id}): {n.nearest_reference_excerpt}</div> : null}
        </li>
      ))}
    </ol>
  );
}

function EmbeddingResult({ request }: { request: MethodInput<'drift.embeddings'> }) {
  const report = useApi('drift.embeddings', request);
  const r = report.current ? report.data : undefined;
  if (report.error) return <ErrorBanner error={report.error} onRetry={report.reload} />;
  if (!r) return <Loading label="Embedding both sets…" />;
  return (
    <div data-testid="embedding-result" data-drifted={r.drifted}>
      <p className="embedding-summary">
        {r.drifted ? <Badge tone="danger">Text drift</Badge> : <Badge tone="success">No text drift</Badge>}{' '}
        A: {r.reference.label} ({formatCount(r.reference.embedded)} embedded) → B: {r.current.label} ({formatCount(r.current.embedded)} embedded) ·{' '}
        {r.field} text · {r.provider}
      </p>
      <Figures r={r} />
      <h3 className="quality-subtitle">Most novel records in B</h3>
      <NovelList r={r} />
      {r.notes.length ? <ul className="quality-notes">{r.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
    </div>
  );
}

/** Text drift between two sets of log records (prompt or model versions, or time ranges), run on request. */
export function EmbeddingPanel() {
  const assets = useApi('assets.list', {});
  const facets = useApi('records.facets', {});
  const logs = (assets.data ?? []).filter((a) => a.kind === 'logs');
  const versions = facets.data?.promptVersions ?? [];
  const [choice, setChoice] = useState<{ reference?: SetChoice; current?: SetChoice; field: Field }>({ field: 'output' });
  // Until the user picks, compare the first prompt version with the last: the usual "did the new prompt change things".
  const reference = choice.reference ?? { ...EMPTY_SET, promptVersion: versions[0] ?? '' };
  const current = choice.current ?? { ...EMPTY_SET, promptVersion: versions.length > 1 ? versions[versions.length - 1]! : '' };
  const [request, setRequest] = useState<MethodInput<'drift.embeddings'> | null>(null);
  if (assets.data && !logs.length) return null;
  return (
    <section className="card" data-testid="embedding-panel">
      <div className="card-header">
        <h2 className="card-title">Embedding drift</h2>
        <span className="card-meta">text of two sets of log records, embedded with the built-in hashed TF-IDF</span>
      </div>
      <form className="embedding-form" onSubmit={(e) => { e.preventDefault(); setRequest({ reference: toFilter(reference), current: toFilter(current), field: choice.field }); }}>
        <RecordSetPicker title="Set A (reference)" testId="embedding-reference" value={reference} onChange={(c) => setChoice((s) => ({ ...s, reference: c }))} logs={logs} facets={facets.data} />
        <RecordSetPicker title="Set B (current)" testId="embedding-current" value={current} onChange={(c) => setChoice((s) => ({ ...s, current: c }))} logs={logs} facets={facets.data} />
        <div className="embedding-actions">
          <label className="select-box">
            <span className="select-label">Text</span>
            <select value={choice.field} aria-label="Text field" data-testid="embedding-field" onChange={(e) => setChoice((s) => ({ ...s, field: e.target.value === 'input' ? 'input' : 'output' }))}>
              <option value="output">Outputs</option>
              <option value="input">Inputs</option>
            </select>
          </label>
          <button type="submit" className="button button-primary" data-testid="embedding-run">Compare sets</button>
        </div>
      </form>
      <div className="embedding-body">
        {request ? <EmbeddingResult request={request} /> : <p className="muted">Choose two sets and press Compare sets.</p>}
      </div>
    </section>
  );
}
