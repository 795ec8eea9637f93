import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { WindowSeries } from '../../../shared/contract/drift-schemas';
import { formatStat } from './format-drift';

const LINE_COLOUR = '#2958c9';
const BAND_COLOUR = '#8ea3c7';
const ALERT_COLOUR = '#c9372c';

interface Point { start: string; rows: number; value: number | null; alert: number | null }

/** A value per time window as a line, the reference band (mean ± 3 std) shaded, windows outside it marked in red. */
export function WindowChart({ series, label, testId, height = 240 }: { series: WindowSeries; label: string; testId: string; height?: number }) {
  const data: Point[] = series.points.map((p) => ({ start: p.start, rows: p.rows, value: p.value, alert: p.alert ? p.value : null }));
  const alerts = series.points.filter((p) => p.alert).length;
  const band = series.band;
  const values = series.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  // The axis covers the windows and the band, so a quiet series still shows where the band sits.
  const lo = Math.min(...values, ...(band ? [band.lower] : []));
  const hi = Math.max(...values, ...(band ? [band.upper] : []));
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 0.1;
  return (
    <div className="drift-chart" data-testid={testId} data-alerts={alerts} data-band={band ? 'yes' : 'no'} data-windows={series.points.length}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="start" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis domain={values.length ? [lo - pad, hi + pad] : ['auto', 'auto']} tickFormatter={(v: number) => formatStat(v, 2)} tick={{ fontSize: 11 }} width={48} allowDataOverflow />
          {band ? <ReferenceArea y1={band.lower} y2={band.upper} fill={BAND_COLOUR} fillOpacity={0.18} stroke="none" ifOverflow="extendDomain" /> : null}
          {band ? <ReferenceLine y={band.mean} stroke={BAND_COLOUR} strokeDasharray="4 4" /> : null}
          <Tooltip formatter={(v, name) => [formatStat(Number(v)), name === 'alert' ? 'outside band' : label]} labelFormatter={(l) => `window from ${String(l)}`} />
          <Line dataKey="value" name={label} stroke={LINE_COLOUR} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          <Scatter dataKey="alert" name="alert" fill={ALERT_COLOUR} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
