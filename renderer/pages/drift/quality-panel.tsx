import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelQualityReport } from '../../../shared/contract/drift-schemas';
import { ErrorBanner, Loading } from '../../components/feedback';
import { formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { formatStat } from './format-drift';

type Side = { label: string; report: ModelQualityReport | undefined };

const ROWS: { label: string; value: (r: ModelQualityReport) => number | null | undefined }[] = [
  { label: 'Accuracy', value: (r) => r.classification?.accuracy },
  { label: 'Precision (positive class)', value: (r) => positiveClass(r)?.precision },
  { label: 'Recall (positive class)', value: (r) => positiveClass(r)?.recall },
  { label: 'F1 (positive class)', value: (r) => positiveClass(r)?.f1 },
  { label: 'F1 macro', value: (r) => r.classification?.f1_macro },
  { label: 'ROC AUC', value: (r) => r.scores?.roc_auc },
  { label: 'PR AUC', value: (r) => r.scores?.pr_auc },
  { label: 'Log loss', value: (r) => r.scores?.log_loss },
  { label: 'Brier', value: (r) => r.scores?.brier },
  { label: 'ECE', value: (r) => r.scores?.ece },
  { label: 'MAE', value: (r) => r.regression?.mae },
  { label: 'RMSE', value: (r) => r.regression?.rmse },
  { label: 'R²', value: (r) => r.regression?.r2 },
];

/** Per-class figures of the score's positive label, else of the last label (the usual "1"). */
function positiveClass(r: ModelQualityReport) {
  const perClass = r.classification?.per_class ?? [];
  return perClass.find((c) => c.label === r.scores?.positive_label) ?? perClass[perClass.length - 1];
}

function MetricsTable({ sides }: { sides: Side[] }) {
  const rows = ROWS.filter((row) => sides.some((s) => s.report && row.value(s.report) !== undefined && row.value(s.report) !== null));
  return (
    <table className="data-table" data-testid="quality-metrics">
      <thead><tr><th>Metric</th>{sides.map((s) => <th key={s.label} className="num">{s.label}</th>)}</tr></thead>
      <tbody>
        <tr><td>Rows</td>{sides.map((s) => <td key={s.label} className="num">{formatCount(s.report?.rows)}</td>)}</tr>
        {rows.map((row) => (
          <tr key={row.label} data-metric={row.label}>
            <td>{row.label}</td>
            {sides.map((s) => <td key={s.label} className="num">{s.report ? formatStat(row.value(s.report)) : '—'}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConfusionMatrix({ report }: { report: ModelQualityReport }) {
  const c = report.classification;
  if (!c) return null;
  return (
    <table className="data-table confusion" data-testid="confusion-matrix">
      <thead>
        <tr><th>{report.columns.target} ↓ / {report.columns.prediction} →</th>{c.labels.map((l) => <th key={l} className="num">{l}</th>)}</tr>
      </thead>
      <tbody>
        {c.labels.map((truth, i) => (
          <tr key={truth}>
            <th scope="row">{truth}</th>
            {c.labels.map((pred, j) => <td key={pred} className={`num${i === j ? ' confusion-hit' : ''}`}>{formatCount(c.confusion_matrix[i]?.[j] ?? 0)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const DIAGONAL = [{ mean_score: 0, positive_rate: 0 }, { mean_score: 1, positive_rate: 1 }];

function ReliabilityChart({ sides }: { sides: Side[] }) {
  const curves = sides.filter((s) => s.report?.scores?.reliability.length);
  if (!curves.length) return <p className="muted">No probability scores: calibration needs a column with the score role.</p>;
  const colours = ['#8ea3c7', '#2958c9'];
  return (
    <div data-testid="reliability-chart">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="mean_score" domain={[0, 1]} tick={{ fontSize: 11 }} label={{ value: 'mean score', position: 'insideBottom', offset: -4, fontSize: 11 }} />
          <YAxis type="number" dataKey="positive_rate" domain={[0, 1]} tick={{ fontSize: 11 }} width={40} />
          <Tooltip formatter={(v) => formatStat(Number(v))} />
          <Legend verticalAlign="top" />
          <Line data={DIAGONAL} dataKey="positive_rate" name="Perfect calibration" stroke="#b9c1ce" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
          {curves.map((s, i) => (
            <Line key={s.label} data={s.report!.scores!.reliability} dataKey="positive_rate" name={s.label} stroke={colours[i % colours.length]}
              isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Model quality of the current dataset beside the reference, from the columns whose roles are target, prediction and score. */
export function QualityPanel({ referenceAssetId, currentAssetId }: { referenceAssetId: number; currentAssetId: number }) {
  const current = useApi('metrics.dataset', { assetId: currentAssetId });
  const reference = useApi('metrics.dataset', { assetId: referenceAssetId });
  const sides: Side[] = [{ label: 'Reference', report: reference.data }, { label: 'Current', report: current.data }];
  const notes = current.data?.notes ?? [];
  return (
    <section className="card" data-testid="quality-panel">
      <div className="card-header">
        <h2 className="card-title">Model quality</h2>
        {current.data ? (
          <span className="card-meta">
            {current.data.task} · target <code>{current.data.columns.target}</code>, prediction <code>{current.data.columns.prediction}</code>
            {current.data.columns.score ? <>, score <code>{current.data.columns.score}</code></> : null}
          </span>
        ) : null}
      </div>
      {current.error ? <ErrorBanner error={current.error} onRetry={current.reload} /> : null}
      {current.data === undefined && !current.error ? <Loading label="Computing model quality…" /> : null}
      {current.data ? (
        <>
          <div className="quality-layout">
            <div>
              <h3 className="quality-subtitle">Metrics</h3>
              <MetricsTable sides={reference.error ? sides.slice(1) : sides} />
            </div>
            <div>
              {current.data.classification ? (
                <>
                  <h3 className="quality-subtitle">Confusion matrix (current)</h3>
                  <ConfusionMatrix report={current.data} />
                </>
              ) : null}
              <h3 className="quality-subtitle">Calibration (reliability)</h3>
              <ReliabilityChart sides={reference.error ? sides.slice(1) : sides} />
            </div>
          </div>
          {notes.length ? <ul className="quality-notes">{notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
        </>
      ) : null}
    </section>
  );
}
