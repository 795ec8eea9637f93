import type { RecordFilterSpec, RecordTotals } from '../../../shared/contract/records-schemas';
import { formatCost, formatCount, formatLatency } from '../../format/format';
import { useApi } from '../../hooks/use-api';

/**
 * Records, tokens, cost and mean latency of exactly what the current filter shows. Asked for once the table's
 * first rows are in (`ready`): the server answers calls in turn, and rows come first.
 */
export function RecordsTotals({ filter, ready }: { filter: RecordFilterSpec; ready: boolean }) {
  return ready ? <LoadedTotals filter={filter} /> : <TotalsStrip totals={undefined} error={undefined} />;
}

function LoadedTotals({ filter }: { filter: RecordFilterSpec }) {
  const totals = useApi('records.totals', filter);
  return <TotalsStrip totals={totals.current ? totals.data : undefined} error={totals.error} />;
}

function TotalsStrip({ totals: t, error }: { totals: RecordTotals | undefined; error: Error | undefined }) {
  const item = (label: string, value: string, testId: string) => (
    <div className="totals-item" data-testid={testId}>
      <span className="totals-label">{label}</span> <strong className="totals-value">{value}</strong>
    </div>
  );
  return (
    <div className="records-totals" data-testid="records-totals" data-count={t?.count ?? ''} aria-live="polite" aria-busy={!t}>
      {error ? <span className="muted">Totals unavailable: {error.message}</span> : (
        <>
          {item('Records', t ? formatCount(t.count) : '…', 'totals-records')}
          {item('Tokens in', t ? formatCount(t.tokensIn) : '…', 'totals-tokens-in')}
          {item('Tokens out', t ? formatCount(t.tokensOut) : '…', 'totals-tokens-out')}
          {item('Cost', t ? formatCost(t.cost) : '…', 'totals-cost')}
          {item('Mean latency', t ? formatLatency(t.latencyMsMean) : '…', 'totals-latency')}
        </>
      )}
    </div>
  );
}

