// Human-readable drift table for terminals: one aligned row per column, then the dataset verdict.
import type { DriftReport } from './types';

export function formatNumber(v: number | null, digits = 4): string {
  if (v === null) return '-';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e6) return v.toExponential(2);
  return Number(v.toPrecision(digits)).toString();
}

export function alignRows(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

export function formatDriftTable(report: DriftReport, datasetShare = 0.5): string {
  const adjusted = report.columns.some((c) => c.p_value_adjusted !== undefined);
  const header = ['column', 'type', 'test', 'statistic', adjusted ? 'p (adjusted)' : 'p-value', 'threshold', 'drifted', 'psi', 'missing', 'note'];
  const rows = report.columns.map((c) => [
    c.name,
    c.type ?? '-',
    c.test ?? '-',
    formatNumber(c.statistic),
    formatNumber(adjusted ? (c.p_value_adjusted ?? null) : c.p_value),
    formatNumber(c.threshold),
    c.statistic === null ? '-' : c.drifted ? 'yes' : 'no',
    formatNumber(c.psi),
    c.missing_share.current === null ? '-' : `${(c.missing_share.current * 100).toFixed(1)}%`,
    c.note ?? '',
  ]);
  const tested = report.columns.filter((c) => c.statistic !== null);
  const drifted = tested.filter((c) => c.drifted).length;
  const summary =
    `Drifted columns: ${drifted} of ${tested.length} tested (${(report.share_drifted * 100).toFixed(1)}%). ` +
    `Dataset drift: ${report.dataset_drifted ? 'yes' : 'no'} (threshold ${(datasetShare * 100).toFixed(0)}% of columns).`;
  return [...alignRows([header, ...rows]), '', summary].join('\n');
}
