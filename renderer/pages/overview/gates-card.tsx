import { Badge } from '../../components/badge';
import { ErrorBanner } from '../../components/feedback';
import { formatTimestamp } from '../../format/format';
import { useApi } from '../../hooks/use-api';

/** The latest gate run (from `assay gate` or the app): each gate with value, threshold and verdict. */
export function GatesCard() {
  const latest = useApi('gates.latest', {});
  if (latest.error) return <ErrorBanner error={latest.error} onRetry={latest.reload} />;
  const run = latest.data;
  return (
    <section className="card" data-testid="overview-gates">
      <div className="card-header">
        <h2 className="card-title">Release gates</h2>
        {run ? <Badge tone={run.passed ? 'success' : 'danger'}>{run.passed ? 'all passed' : `${run.results.filter((r) => !r.passed).length} failed`}</Badge> : null}
        <span className="card-meta">{run ? `${run.policyPath ?? 'policy'} · ${formatTimestamp(run.createdAt)}` : null}</span>
      </div>
      {run === null ? <p className="muted">No gate has run yet. In CI: <code>assay gate &lt;workspace&gt; --policy policy.yml</code> (exit 1 when a gate fails).</p> : null}
      {run ? (
        <table className="data-table" data-testid="overview-gates-table">
          <thead><tr><th>Gate</th><th className="num">Value</th><th>Threshold</th><th>Verdict</th><th>Detail</th></tr></thead>
          <tbody>
            {run.results.map((r) => (
              <tr key={r.name} data-passed={r.passed ? 'yes' : 'no'}>
                <td>{r.name}</td>
                <td className="num">{r.value === null ? '—' : r.value.toPrecision(4)}{r.estimate ? ' (est.)' : ''}</td>
                <td>{r.op ? `${{ min: '≥', max: '≤', equals: '=' }[r.op]} ${r.threshold}` : ''}{r.baseline ? ` no regression vs ${r.baseline.version}` : ''}</td>
                <td><Badge tone={r.passed ? 'success' : 'danger'}>{r.passed ? 'pass' : 'fail'}</Badge></td>
                <td className="muted">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
