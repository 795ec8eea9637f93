import type { MetricRow } from '../../../shared/contract/compare-schemas';

/** A metric value at a precision that fits its kind: rates as percentages, costs in dollars, the rest plainly. */
export function formatMetric(name: MetricRow['name'], v: number | null): string {
  if (v === null) return '—';
  if (name.endsWith('_rate')) return `${(v * 100).toFixed(2)}%`;
  if (name === 'cost_mean') return `$${v.toPrecision(3)}`;
  if (Math.abs(v) >= 100) return v.toFixed(0);
  return v.toPrecision(3);
}

export function formatDiff(name: MetricRow['name'], v: number | null): string {
  if (v === null) return '—';
  const s = formatMetric(name, Math.abs(v));
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${s}`;
}

export function formatP(p: number | null): string {
  if (p === null) return '—';
  if (p < 1e-4) return p.toExponential(1);
  return p.toFixed(4);
}

/** 'better' / 'worse' / 'same' for a difference B - A, by the metric's direction. */
export function direction(row: Pick<MetricRow, 'diff' | 'better'>): 'better' | 'worse' | 'same' {
  if (row.diff === null || row.diff === 0) return 'same';
  return (row.diff < 0) === (row.better === 'lower') ? 'better' : 'worse';
}

export const TEST_LABEL: Record<string, string> = {
  mcnemar_exact: 'exact McNemar', wilcoxon: 'Wilcoxon signed-rank', paired_bootstrap: 'paired bootstrap',
  fisher_exact: 'Fisher exact', mann_whitney: 'Mann-Whitney U', none: '—',
};
