import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Badge } from '../../components/badge';
import { ErrorBanner, Loading } from '../../components/feedback';
import { formatCost, formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { formatHash } from '../../routing/routes';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** Cost per version and per day, token efficiency, and budget alerts. */
export function CostCard() {
  const summary = useApi('cost.summary', {});
  if (summary.error) return <ErrorBanner error={summary.error} onRetry={summary.reload} />;
  const s = summary.data;
  if (!s) return <Loading label="Totalling cost…" />;
  const e = s.efficiency;
  return (
    <section className="card" data-testid="overview-cost">
      <div className="card-header">
        <h2 className="card-title">Cost and tokens</h2>
        <span className="card-meta">{formatCost(s.total.costUsd)} over {formatCount(s.total.records)} records{s.total.computed ? ' · partly priced from the price table' : ''}
          {s.total.unpriced ? ` · ${formatCount(s.total.unpriced)} without a price` : ''}</span>
      </div>
      {s.alerts.length ? (
        <ul className="budget-alerts" data-testid="budget-alerts">
          {s.alerts.slice(0, 8).map((a) => (
            <li key={`${a.budgetId}-${a.when}`}><Badge tone="danger">over budget</Badge> {a.scope} {a.value}: {formatCost(a.spentUsd)} in {a.when === 'total' ? 'total' : a.when} against {formatCost(a.limitUsd)} per {a.period}{a.estimate ? ' (estimate)' : ''}</li>
          ))}
          {s.alerts.length > 8 ? <li className="muted">and {s.alerts.length - 8} more</li> : null}
        </ul>
      ) : s.budgets.length ? <p className="muted" data-testid="budget-ok">{s.budgets.length} budget(s), none exceeded.</p> : null}
      <table className="data-table" data-testid="cost-by-version">
        <thead><tr><th>Prompt version</th><th className="num">Records</th><th className="num">Tokens in</th><th className="num">Tokens out</th><th className="num">Cost</th><th className="num">Per record</th></tr></thead>
        <tbody>
          {s.byPromptVersion.map((v) => (
            <tr key={v.value ?? '(none)'}>
              <td>{v.value ?? '(none)'}</td><td className="num">{formatCount(v.records)}</td><td className="num">{formatCount(v.tokensIn)}</td>
              <td className="num">{formatCount(v.tokensOut)}</td><td className="num">{formatCost(v.costUsd)}</td><td className="num">{formatCost(v.costPerRecord)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="token-efficiency">
        Tokens: prompt {pct(e.promptShare)}, retrieved context {pct(e.contextShare)} (split by characters, an estimate), output {pct(e.outputShare)}.
        {e.outliers.count ? <> {formatCount(e.outliers.count)} records above {formatCount(Math.round(e.outliers.limit ?? 0))} tokens (Q3 + 3 IQR), e.g. <a href={formatHash('records', { record: String(e.outliers.top[0]!.id) })}>record {e.outliers.top[0]!.id}</a>.</> : null}
      </p>
      {s.byDay.length > 1 ? (
        <div data-testid="cost-by-day">
          <ResponsiveContainer width="100%" height={160}>
            <BarChart data={s.byDay} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 10 }} interval="preserveStartEnd" />
              <YAxis tickFormatter={(v: number) => `$${v.toFixed(2)}`} tick={{ fontSize: 10 }} width={52} />
              <Tooltip formatter={(v) => [formatCost(Number(v)), 'cost']} />
              <Bar dataKey="costUsd" fill="#2958c9" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
    </section>
  );
}
