import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ColumnDriftRow } from '../../../shared/contract/drift-schemas';
import { formatEdge, formatShare } from './format-drift';

const REFERENCE_COLOUR = '#8ea3c7';
const CURRENT_COLOUR = '#2958c9';

interface Point { label: string; reference: number; current: number }

function points(column: ColumnDriftRow): Point[] {
  const d = column.distribution;
  if (!d) return [];
  if (d.kind === 'categorical') return d.categories.map((label, i) => ({ label, reference: d.reference[i] ?? 0, current: d.current[i] ?? 0 }));
  return d.reference.map((reference, i) => ({ label: `${formatEdge(d.edges[i]!)}–${formatEdge(d.edges[i + 1]!)}`, reference, current: d.current[i] ?? 0 }));
}

/** Reference and current shares side by side: histogram bins for numbers, category shares for categories. */
export function DistributionChart({ column, labels = { reference: 'Reference', current: 'Current' }, testId = 'drift-distribution' }: {
  column: ColumnDriftRow; labels?: { reference: string; current: string }; testId?: string;
}) {
  const data = points(column);
  if (!data.length) return <p className="muted drift-chart-empty">No distribution to chart for {column.name} ({column.type ?? 'absent on one side'}).</p>;
  return (
    <div className="drift-chart" data-testid={testId} data-kind={column.distribution?.kind}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} barCategoryGap={column.distribution?.kind === 'numeric' ? 1 : '20%'}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" angle={data.length > 8 ? -30 : 0} textAnchor={data.length > 8 ? 'end' : 'middle'} height={data.length > 8 ? 60 : 30} />
          <YAxis tickFormatter={(v: number) => formatShare(v, 0)} tick={{ fontSize: 11 }} width={44} />
          <Tooltip formatter={(v) => formatShare(Number(v))} />
          <Legend />
          <Bar dataKey="reference" name={labels.reference} fill={REFERENCE_COLOUR} isAnimationActive={false} />
          <Bar dataKey="current" name={labels.current} fill={CURRENT_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
