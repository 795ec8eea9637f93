// One column's drift per time window against the whole reference, with bands from reference chunks. Each
// reference chunk is compared with the rest of the reference (leaving the chunk out), so the band describes
// independent samples as the windows are. Windows use a distance (not a p-value, which would mostly track the window's size): Wasserstein / reference
// std or PSI for numbers, Jensen-Shannon or PSI for categories.
import { wassersteinNormalized, wassersteinSorted } from '../stats/wasserstein';
import { jensenShannonDistance } from '../stats/jensen-shannon';
import { psiFromCounts, psiNumericSorted } from '../stats/psi';
import { std } from '../stats/descriptive';
import { sortFloat64InPlace } from '../stats/sort';
import { inferColumnType } from './column-typing';
import { finiteNumbers } from './column-values';
import { referenceChunks, seriesOverWindows, sliceByPeriod, type Period, type WindowSeries } from './time-windows';
import type { ColumnData } from './types';

export type WindowStatistic = 'wasserstein' | 'psi' | 'jensenshannon';

export interface DriftOverTimeOptions {
  period: Period;
  /** Times of the reference rows, to chunk the reference by the same period (else by window size). */
  referenceTimes?: ArrayLike<number> | null;
  statistic?: WindowStatistic;
}

export interface ColumnDriftOverTime extends WindowSeries {
  name: string;
  statistic: WindowStatistic;
}

function pick(values: Float64Array, rows: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length);
  let k = 0;
  for (const r of rows) {
    const v = values[r]!;
    if (v - v === 0) out[k++] = v;
  }
  return sortFloat64InPlace(out.subarray(0, k).slice());
}

/** Row indices 0..n-1 not in `rows`. */
function complement(rows: readonly number[], n: number): number[] {
  const skip = new Uint8Array(n);
  for (const r of rows) skip[r] = 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!skip[i]) out.push(i);
  return out;
}

function codeCounts(column: ColumnData, rows: readonly number[] | null): number[] {
  const counts = new Array<number>(column.dictionary.length).fill(0);
  const codes = column.codes;
  if (!codes) return counts;
  const add = (i: number): void => {
    const c = codes[i]!;
    if (c >= 0) counts[c] = counts[c]! + 1;
  };
  if (rows === null) for (let i = 0; i < codes.length; i++) add(i);
  else for (const r of rows) add(r);
  return counts;
}

/** `reference` and `current` must be row-aligned (load without sortNumbers). */
export function columnDriftOverTime(reference: ColumnData, current: ColumnData, currentTimes: ArrayLike<number>, options: DriftOverTimeOptions): ColumnDriftOverTime {
  const windows = sliceByPeriod(currentTimes, options.period);
  const chunks = referenceChunks(reference.profile.rows, options.referenceTimes ?? null, windows, options.period);
  const numeric = inferColumnType(reference) === 'numeric' && inferColumnType(current) === 'numeric';
  if (numeric && reference.numbers && current.numbers) {
    const statistic = options.statistic === 'psi' ? 'psi' : 'wasserstein';
    const ref = sortFloat64InPlace(finiteNumbers(reference));
    const refStd = std(ref);
    const refValues = reference.numbers;
    const curValues = current.numbers;
    const distanceTo = (base: Float64Array, baseStd: number, sample: Float64Array): number =>
      statistic === 'psi' ? psiNumericSorted(base, sample) : wassersteinNormalized(wassersteinSorted(base, sample), baseStd);
    const series = seriesOverWindows(windows, chunks, (rows, isRef) => {
      const sample = pick(isRef ? refValues : curValues, rows);
      if (sample.length < 2) return null;
      if (!isRef) return ref.length < 2 ? null : distanceTo(ref, refStd, sample);
      const rest = pick(refValues, complement(rows, refValues.length));
      return rest.length < 2 ? null : distanceTo(rest, std(rest), sample);
    });
    return { name: current.name, statistic, ...series };
  }
  // Categories: align the current column's codes with the reference dictionary by label.
  const statistic = options.statistic === 'psi' ? 'psi' : 'jensenshannon';
  const labels = [...new Set([...reference.dictionary, ...current.dictionary])];
  const refIndex = reference.dictionary.map((l) => labels.indexOf(l));
  const curIndex = current.dictionary.map((l) => labels.indexOf(l));
  const spread = (counts: number[], index: number[]): number[] => {
    const out = new Array<number>(labels.length).fill(0);
    counts.forEach((c, code) => {
      out[index[code]!] = out[index[code]!]! + c;
    });
    return out;
  };
  const refAll = spread(codeCounts(reference, null), refIndex);
  const series = seriesOverWindows(windows, chunks, (rows, isRef) => {
    const counts = isRef ? spread(codeCounts(reference, rows), refIndex) : spread(codeCounts(current, rows), curIndex);
    const base = isRef ? refAll.map((v, i) => v - counts[i]!) : refAll;
    if (counts.reduce((s, v) => s + v, 0) < 2 || base.reduce((s, v) => s + v, 0) < 2) return null;
    return statistic === 'psi' ? psiFromCounts(base, counts) : jensenShannonDistance(base, counts);
  });
  return { name: current.name, statistic, ...series };
}
