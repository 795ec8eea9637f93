import type { DriftOverTimeReport, MetricOverTime } from '../../../shared/contract/drift-schemas';
import { Badge } from '../../components/badge';
import { Loading } from '../../components/feedback';
import type { ApiState } from '../../hooks/use-api';
import { METRIC_LABELS } from './drift-verdict';
import { formatStat } from './format-drift';
import { WindowChart } from './window-chart';

export type Period = DriftOverTimeReport['period'];

const STATISTIC_LABELS: Record<string, string> = {
  wasserstein: 'Wasserstein / reference std', psi: 'PSI', jensenshannon: 'Jensen-Shannon distance',
};

function BandNote({ band }: { band: MetricOverTime['band'] }) {
  if (!band) return <span className="muted">no reference band (too few reference chunks)</span>;
  return <span className="muted">band {formatStat(band.lower)} to {formatStat(band.upper)} from {band.chunks} reference chunks</span>;
}

/**
 * The selected column's drift per day or week, and the model's quality per window, against reference bands. The
 * page fetches `drift.overTime` once for this panel and the verdict.
 */
export function WindowPanel({ report, column, period, onPeriod }: {
  report: ApiState<DriftOverTimeReport>; column: string | undefined; period: Period; onPeriod: (p: Period) => void;
}) {
  const data = report.current ? report.data : undefined;
  const series = data?.columns.find((c) => c.name === column);
  return (
    <section className="card" data-testid="window-panel">
      <div className="card-header">
        <h2 className="card-title">Over time{column ? `: ${column}` : ''}</h2>
        <span className="card-meta">
          {data ? <>windows by <code>{data.time_column}</code>; band = reference mean ± 3 std over {data.chunking === 'period' ? `reference ${period}s` : 'reference row chunks'}</> : null}
        </span>
        <label className="select-box">
          <span className="select-label">Window</span>
          <select value={period} aria-label="Window length" data-testid="drift-period" onChange={(e) => onPeriod(e.target.value === 'day' ? 'day' : 'week')}>
            <option value="week">Week</option>
            <option value="day">Day</option>
          </select>
        </label>
      </div>
      {report.error ? <p className="muted drift-chart-empty" data-testid="window-unavailable">Time windows unavailable: {report.error.message}</p> : null}
      {!data && !report.error ? <Loading label="Slicing into time windows…" /> : null}
      {data ? (
        <div className="window-body">
          {series ? (
            <>
              <div className="window-caption">
                <strong>{STATISTIC_LABELS[series.statistic] ?? series.statistic}</strong> per {period} vs the whole reference{' '}
                {series.points.some((p) => p.alert) ? <Badge tone="danger">{series.points.filter((p) => p.alert).length} alerts</Badge> : <Badge tone="success">no alerts</Badge>}{' '}
                <BandNote band={series.band} />
              </div>
              <WindowChart series={series} label={series.statistic} testId="window-chart" />
            </>
          ) : <p className="muted drift-chart-empty">{column ? `${column} is not charted over time.` : 'Pick a column.'}</p>}
          {data.quality ? (
            <>
              <h3 className="quality-subtitle">Model quality per {period}</h3>
              <div className="window-metrics">
                {data.quality.metrics.map((m) => (
                  <div key={m.metric} data-testid="window-metric" data-metric={m.metric}>
                    <div className="window-caption">
                      <strong>{METRIC_LABELS[m.metric]}</strong>{m.metric === 'f1' && data.quality?.positive_label ? ` (class ${data.quality.positive_label})` : ''}{' '}
                      {m.points.some((p) => p.alert) ? <Badge tone="danger">{m.points.filter((p) => p.alert).length} alerts</Badge> : null}
                    </div>
                    <WindowChart series={m} label={METRIC_LABELS[m.metric]} testId="window-metric-chart" height={180} />
                    <BandNote band={m.band} />
                  </div>
                ))}
              </div>
            </>
          ) : null}
          {data.notes.length ? <ul className="quality-notes">{data.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
        </div>
      ) : null}
    </section>
  );
}
