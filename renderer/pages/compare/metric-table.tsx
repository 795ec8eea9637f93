import type { ComparisonResult } from '../../../shared/contract/compare-schemas';
import { Badge } from '../../components/badge';
import { direction, formatDiff, formatMetric, formatP, TEST_LABEL } from './format-compare';

/** Value per side, difference with its 95% interval, the test, raw and adjusted p-values, and the verdict. */
export function MetricTable({ result }: { result: ComparisonResult }) {
  return (
    <div className="table-wrap">
      <table className="data-table compare-table" data-testid="compare-metrics">
        <thead>
          <tr>
            <th>Metric</th><th className="num">A</th><th className="num">B</th><th className="num">B − A</th><th className="num">95% interval</th>
            <th>Test</th><th className="num">p</th><th className="num">p ({result.correction})</th><th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {result.metrics.map((m) => {
            const dir = direction(m);
            return (
              <tr key={m.name} data-testid={`compare-row-${m.name}`} data-significant={m.significant ? 'yes' : 'no'}>
                <td title={m.detail}>{m.name}{m.estimate ? <> <Badge tone="warning" title="some token counts or costs are estimates">estimate</Badge></> : null}</td>
                <td className="num">{formatMetric(m.name, m.a)}</td>
                <td className="num">{formatMetric(m.name, m.b)}</td>
                <td className={`num compare-${dir}`}>{formatDiff(m.name, m.diff)}</td>
                <td className="num">{m.ci_low === null ? '—' : `${formatDiff(m.name, m.ci_low)} … ${formatDiff(m.name, m.ci_high)}`}</td>
                <td title={m.detail}>{TEST_LABEL[m.test] ?? m.test}</td>
                <td className="num">{formatP(m.p_value)}</td>
                <td className="num">{formatP(m.p_adjusted)}</td>
                <td>{m.significant ? <Badge tone={dir === 'worse' ? 'danger' : 'success'}>{dir === 'worse' ? 'worse' : 'better'}</Badge> : <span className="muted">not significant</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
