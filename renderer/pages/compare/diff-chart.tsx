import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricRow } from '../../../shared/contract/compare-schemas';
import { direction } from './format-compare';

const TONE = { better: '#2f8a4c', worse: '#c9372c', same: '#8ea3c7' } as const;

interface Bar {
  name: string;
  diff: number;
  /** [below, above] the bar, as recharts' ErrorBar expects. */
  error: [number, number];
  tone: keyof typeof TONE;
}

function barsOf(rows: readonly MetricRow[], scale: (m: MetricRow) => number | null): Bar[] {
  return rows.flatMap((m) => {
    const s = scale(m);
    if (m.diff === null || s === null || s === 0) return [];
    const diff = (m.diff / s) * 100;
    const low = m.ci_low === null ? diff : (m.ci_low / s) * 100;
    const high = m.ci_high === null ? diff : (m.ci_high / s) * 100;
    return [{ name: m.name, diff, error: [Math.max(0, diff - low), Math.max(0, high - diff)] as [number, number], tone: direction(m) }];
  });
}

/**
 * B − A per metric with its 95% interval as an error bar: rates and scores in percentage points, usage
 * (tokens, latency, cost) relative to A in percent, so both fit one axis each.
 */
export function DiffChart({ rows, kind }: { rows: readonly MetricRow[]; kind: 'points' | 'relative' }) {
  const picked = rows.filter((m) => (kind === 'points' ? m.name.endsWith('_rate') || /(grounding|relevance)_mean$/.test(m.name) : /(tokens|latency|cost)/.test(m.name)));
  const bars = barsOf(picked, kind === 'points' ? () => 1 : (m) => (m.a === null ? null : Math.abs(m.a)));
  if (bars.length === 0) return <p className="muted">No differences to chart.</p>;
  return (
    <div className="compare-chart" data-testid={`compare-chart-${kind}`} data-bars={bars.length}>
      <ResponsiveContainer width="100%" height={Math.max(140, 34 * bars.length + 40)}>
        <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => `${v.toFixed(1)}${kind === 'points' ? ' pp' : '%'}`} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} />
          <ReferenceLine x={0} stroke="#555" />
          <Tooltip formatter={(v) => [`${Number(v).toFixed(2)}${kind === 'points' ? ' pp' : '%'}`, 'B − A']} />
          <Bar dataKey="diff" isAnimationActive={false}>
            {bars.map((b) => <Cell key={b.name} fill={TONE[b.tone]} />)}
            <ErrorBar dataKey="error" width={6} strokeWidth={1.5} stroke="#222" direction="x" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
