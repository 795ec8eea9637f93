// Drift between column summaries (two profiles, or a profile and a parsed file): where both sides kept exact
// values the summaries become column data again and go through the same engine as two files (exact); a numeric
// column with only a sketch on either side is compared from the sketches, and its note says it is
// approximate and by how much.
import { columnDrift } from '../column-drift';
import { inferColumnType, reconcileTypes } from '../column-typing';
import { columnsToCompare, summarizeDrift } from '../dataset-drift';
import { chooseTest, LARGE_REFERENCE } from '../test-choice';
import { DEFAULT_THRESHOLDS, P_VALUE_TESTS, type ColumnDriftResult, type DriftOptions, type DriftReport } from '../types';
import { summaryToColumn, type ColumnSummary } from './column-summary';
import { sketchCount } from './log-sketch';
import { psiFromSketches, sketchNumericTest, type SketchSide } from './sketch-drift';
import { summaryIsExact, type TabularProfile } from './tabular-profile';

function side(s: ColumnSummary): SketchSide {
  const m = s.moments;
  return { sketch: s.sketch!, count: sketchCount(s.sketch!), std: m.n ? Math.sqrt(m.m2 / m.n) : 0, meanAbs: m.n ? m.absSum / m.n : 0 };
}

export function columnDriftFromSummaries(name: string, ref: ColumnSummary | undefined, cur: ColumnSummary | undefined, options: DriftOptions = {}): ColumnDriftResult {
  const refCol = ref ? summaryToColumn(ref) : undefined;
  const curCol = cur ? summaryToColumn(cur) : undefined;
  if (!ref || !cur || (summaryIsExact(ref) && summaryIsExact(cur))) return columnDrift(name, refCol, curCol, options);
  const compared = reconcileTypes(inferColumnType(refCol!), inferColumnType(curCol!));
  // Only the numeric comparison needs the values; everything else is exact from counts.
  if (compared.kind !== 'numeric' || !ref.sketch || !cur.sketch) return columnDrift(name, refCol, curCol, options);
  // The engine gives the parts that do not depend on numeric values (missing share, notes on excluded cells).
  const base = columnDrift(name, { ...refCol!, numbers: null, profile: { ...refCol!.profile } }, { ...curCol!, numbers: null, profile: { ...curCol!.profile } }, options);
  const r = side(ref);
  const c = side(cur);
  const test = options.tests?.[name] ?? options.tests?.['*'] ?? chooseTest('numeric', r.count, Number.POSITIVE_INFINITY, options.largeReference ?? LARGE_REFERENCE);
  const outcome = sketchNumericTest(test, r, c);
  const threshold = options.thresholds?.[name] ?? options.thresholds?.['*'] ?? DEFAULT_THRESHOLDS[outcome.test];
  const isP = P_VALUE_TESTS.has(outcome.test);
  const statistic = Number.isFinite(outcome.statistic) ? outcome.statistic : null;
  const pValue = outcome.pValue !== null && Number.isFinite(outcome.pValue) ? outcome.pValue : null;
  const drifted = isP ? pValue !== null && pValue < threshold : statistic !== null && statistic >= threshold;
  const psi = psiFromSketches(ref.sketch, cur.sketch, r.count, c.count);
  const kept = (base.note ?? '').split('; ').filter((n) => n && n !== 'not tested' && !/fewer than 2 numeric values/.test(n));
  const note = [...kept, ...compared.notes, ...outcome.notes].filter((n, i, all) => all.indexOf(n) === i).join('; ');
  return { ...base, type: compared.type, test: outcome.test, statistic, p_value: isP ? pValue : null, threshold, drifted, psi: Number.isFinite(psi) ? psi : null, ...(note ? { note } : {}) };
}

/** Dataset drift between two profiles (or a profile and summaries of a parsed file). */
export function driftFromProfiles(ref: TabularProfile, cur: TabularProfile, options: DriftOptions & { columns?: readonly string[] } = {}): DriftReport {
  const refBy = new Map(ref.columns.map((c) => [c.name, c]));
  const curBy = new Map(cur.columns.map((c) => [c.name, c]));
  const names = columnsToCompare([...refBy.keys()], [...curBy.keys()], options.columns);
  return summarizeDrift(names.map((n) => columnDriftFromSummaries(n, refBy.get(n), curBy.get(n), options)), options);
}

/** Which statistics of a report are exact: lists the columns compared from sketches. */
export function approximateColumns(report: DriftReport): string[] {
  return report.columns.filter((c) => c.note?.includes('approximate:')).map((c) => c.name);
}
