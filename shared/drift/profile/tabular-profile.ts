// A tabular profile: one summary per column of a dataset (or of several parts of it, merged), with where the
// rows came from. Profiles merge exactly and in any order when their columns match (same names, same order);
// another schema is refused.
import type { ColumnData } from '../types';
import { mergeSummaries, ProfileMismatchError, summarizeColumn, type ColumnSummary, type SummaryOptions } from './column-summary';

export const TABULAR_PROFILE_VERSION = 1;

export interface ProfileSource {
  file: string;
  bytes: number;
  rows: number;
}

export interface TabularProfile {
  version: number;
  rows: number;
  sources: ProfileSource[];
  columns: ColumnSummary[];
}

export function profileColumns(columns: readonly ColumnData[], options: SummaryOptions = {}, source?: ProfileSource): TabularProfile {
  const summaries = columns.map((c) => summarizeColumn(c, options));
  return { version: TABULAR_PROFILE_VERSION, rows: summaries[0]?.profile.rows ?? 0, sources: source ? [source] : [], columns: summaries };
}

export function mergeTabularProfiles(a: TabularProfile, b: TabularProfile): TabularProfile {
  const an = a.columns.map((c) => c.name);
  const bn = b.columns.map((c) => c.name);
  if (an.length !== bn.length || an.some((n, i) => n !== bn[i])) {
    const missing = an.filter((n) => !bn.includes(n));
    const extra = bn.filter((n) => !an.includes(n));
    const why = missing.length || extra.length
      ? [missing.length ? `missing ${missing.slice(0, 5).join(', ')}` : '', extra.length ? `extra ${extra.slice(0, 5).join(', ')}` : ''].filter(Boolean).join('; ')
      : 'same columns in another order';
    throw new ProfileMismatchError(`columns differ (${why})`);
  }
  const sketchA = a.columns.find((c) => c.sketch)?.sketch?.alpha;
  const sketchB = b.columns.find((c) => c.sketch)?.sketch?.alpha;
  if (sketchA !== undefined && sketchB !== undefined && sketchA !== sketchB) throw new ProfileMismatchError(`sketch accuracy differs (alpha ${sketchA} vs ${sketchB})`);
  return {
    version: TABULAR_PROFILE_VERSION,
    rows: a.rows + b.rows,
    sources: [...a.sources, ...b.sources],
    columns: a.columns.map((c, i) => mergeSummaries(c, b.columns[i]!)),
  };
}

/** Whether drift from this column can be exact (exact values kept, or no numbers at all). */
export function summaryIsExact(s: ColumnSummary): boolean {
  return s.moments.n === 0 || s.numbers !== null;
}
