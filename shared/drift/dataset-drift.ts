// Dataset-level verdict: optional multiple-testing correction over the p-value tests, then the share of
// tested columns that drifted against the dataset threshold (0.5 by default, as Evidently).
import { adjustPValues } from '../stats/multiple-testing';
import { columnDrift } from './column-drift';
import { P_VALUE_TESTS } from './types';
import type { ColumnData, ColumnDriftResult, DriftOptions, DriftReport } from './types';

export const DATASET_DRIFT_SHARE = 0.5;

export function summarizeDrift(columns: ColumnDriftResult[], options: DriftOptions = {}): DriftReport {
  const correction = options.correction ?? 'none';
  let out = columns;
  if (correction !== 'none') {
    const idx = columns.flatMap((c, i) => (c.test && P_VALUE_TESTS.has(c.test) && c.p_value !== null ? [i] : []));
    const adjusted = adjustPValues(idx.map((i) => columns[i]!.p_value!), correction);
    out = columns.map((c) => ({ ...c, p_value_adjusted: null }));
    idx.forEach((i, k) => {
      const c = out[i]!;
      out[i] = { ...c, p_value_adjusted: adjusted[k]!, drifted: adjusted[k]! < (c.threshold ?? 0.05) };
    });
  }
  const tested = out.filter((c) => c.statistic !== null);
  const drifted = tested.filter((c) => c.drifted).length;
  const shareDrifted = tested.length ? drifted / tested.length : 0;
  return { columns: out, share_drifted: shareDrifted, dataset_drifted: tested.length > 0 && shareDrifted >= (options.datasetShare ?? DATASET_DRIFT_SHARE) };
}

/** Column names to compare: the selection if given, else reference columns then current-only ones. */
export function columnsToCompare(reference: readonly string[], current: readonly string[], selection?: readonly string[]): string[] {
  if (selection && selection.length) return [...new Set(selection)];
  return [...new Set([...reference, ...current])];
}

/** Whole-dataset drift for data already in memory (the CLI streams columns through columnDrift instead). */
export function driftReport(reference: readonly ColumnData[], current: readonly ColumnData[], options: DriftOptions & { columns?: readonly string[] } = {}): DriftReport {
  const refBy = new Map(reference.map((c) => [c.name, c]));
  const curBy = new Map(current.map((c) => [c.name, c]));
  const names = columnsToCompare([...refBy.keys()], [...curBy.keys()], options.columns);
  return summarizeDrift(names.map((n) => columnDrift(n, refBy.get(n), curBy.get(n), options)), options);
}
