// Per-column summary of a tabular profile, built from a column's values once and merged exactly:
//   cell-kind counts (rows, missing, NaN, numbers, infinities, dates, strings)       sums;
//   category (string) counts, date value counts                                      exact, summed per value;
//   finite numbers as exact value counts (sorted distinct values, counts)             exact merge (merge-sum),
//     dropped for the sketch alone when a column has more than `exactCap` distinct values;
//   a quantile sketch of the finite numbers (log-sketch.ts)                           exact bucket counts;
//   count, mean, M2 and sum |x| of the finite numbers                                 Chan's parallel update
//     (floating point, so merge order changes the last bits; used for the reference std and error bounds).
// Turning a summary with exact values back into column data (summaryToColumn) gives the drift engine exactly
// the sorted values it would have read from the CSV, so drift from exact profiles equals drift from files.
import type { ColumnData, ColumnProfile } from '../types';
import { DEFAULT_ALPHA, mergeSketches, sketchFromCounts, type LogSketch } from './log-sketch';

export interface ValueCounts {
  values: Float64Array;
  counts: Float64Array;
}

export interface Moments {
  n: number;
  mean: number;
  m2: number;
  absSum: number;
}

export interface ColumnSummary {
  name: string;
  profile: ColumnProfile;
  dictionary: string[];
  dictionaryCounts: number[];
  dates: ValueCounts | null;
  /** Exact value counts of the finite numbers; null when only the sketch is kept. */
  numbers: ValueCounts | null;
  sketch: LogSketch | null;
  moments: Moments;
}

export interface SummaryOptions {
  /** Keep exact value counts only for columns with at most this many distinct numbers (default: always). */
  exactCap?: number;
  alpha?: number;
}

/** Value counts of an ascending array. */
export function countSorted(sorted: ArrayLike<number>): ValueCounts {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const values = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (k < 0 || v !== values[k]) values[++k] = v;
    counts[k]!++;
  }
  return { values, counts };
}

function momentsOf(vc: ValueCounts): Moments {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let absSum = 0;
  for (let k = 0; k < vc.values.length; k++) {
    const x = vc.values[k]!;
    const c = vc.counts[k]!;
    // Welford's update for c copies of x at once.
    const total = n + c;
    const delta = x - mean;
    mean += (delta * c) / total;
    m2 += delta * delta * ((n * c) / total);
    n = total;
    absSum += Math.abs(x) * c;
  }
  return { n, mean, m2, absSum };
}

function mergeMoments(a: Moments, b: Moments): Moments {
  const n = a.n + b.n;
  if (n === 0) return { n: 0, mean: 0, m2: 0, absSum: 0 };
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + delta * delta * ((a.n * b.n) / n), absSum: a.absSum + b.absSum };
}

/** Sum of two value-count lists (both ascending). */
export function mergeValueCounts(a: ValueCounts, b: ValueCounts): ValueCounts {
  const values: number[] = [];
  const counts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = i < a.values.length ? a.values[i]! : Infinity;
    const y = j < b.values.length ? b.values[j]! : Infinity;
    if (x < y || j >= b.values.length) {
      values.push(x);
      counts.push(a.counts[i++]!);
    } else if (y < x || i >= a.values.length) {
      values.push(y);
      counts.push(b.counts[j++]!);
    } else {
      values.push(x);
      counts.push(a.counts[i++]! + b.counts[j++]!);
    }
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts) };
}

function expand(vc: ValueCounts): Float64Array {
  let n = 0;
  for (let k = 0; k < vc.counts.length; k++) n += vc.counts[k]!;
  const out = new Float64Array(n);
  let at = 0;
  for (let k = 0; k < vc.values.length; k++) {
    const end = at + vc.counts[k]!;
    out.fill(vc.values[k]!, at, end);
    at = end;
  }
  return out;
}

/** Summary of one column. `column.numbers` must be sorted finite values (numbersSorted) or row-aligned. */
export function summarizeColumn(column: ColumnData, options: SummaryOptions = {}): ColumnSummary {
  let sorted: Float64Array;
  if (column.numbersSorted && column.numbers) sorted = column.numbers;
  else {
    const finite = (column.numbers ?? new Float64Array(0)).filter((v) => v - v === 0);
    sorted = finite.sort();
  }
  const numbers = countSorted(sorted);
  let dates: ValueCounts | null = null;
  if (column.dates) {
    const d = column.dates.filter((v) => v === v).sort();
    if (d.length) dates = countSorted(d);
  }
  const keepExact = numbers.values.length <= (options.exactCap ?? Infinity);
  return {
    name: column.name,
    profile: { ...column.profile },
    dictionary: [...column.dictionary],
    dictionaryCounts: [...column.dictionaryCounts],
    dates,
    numbers: keepExact ? numbers : null,
    sketch: sorted.length ? sketchFromCounts(numbers.values, numbers.counts, options.alpha ?? DEFAULT_ALPHA) : null,
    moments: momentsOf(numbers),
  };
}

export class ProfileMismatchError extends Error {}

/** Exact merge of two summaries of the same column (values of one column from two parts of a dataset). */
export function mergeSummaries(a: ColumnSummary, b: ColumnSummary): ColumnSummary {
  if (a.name !== b.name) throw new ProfileMismatchError(`column "${a.name}" cannot merge with column "${b.name}"`);
  const profile = { ...a.profile };
  for (const k of Object.keys(profile) as (keyof ColumnProfile)[]) profile[k] += b.profile[k];
  const lookup = new Map(a.dictionary.map((s, i) => [s, i]));
  const dictionary = [...a.dictionary];
  const dictionaryCounts = [...a.dictionaryCounts];
  b.dictionary.forEach((s, i) => {
    const at = lookup.get(s);
    if (at === undefined) {
      lookup.set(s, dictionary.length);
      dictionary.push(s);
      dictionaryCounts.push(b.dictionaryCounts[i]!);
    } else dictionaryCounts[at]! += b.dictionaryCounts[i]!;
  });
  const either = <T>(x: T | null, y: T | null, f: (p: T, q: T) => T): T | null => (x && y ? f(x, y) : (x ?? y));
  const aHas = a.moments.n > 0;
  const bHas = b.moments.n > 0;
  // Exact values survive only if every part with numbers kept them.
  const numbers = (aHas && !a.numbers) || (bHas && !b.numbers) ? null : either(a.numbers, b.numbers, mergeValueCounts);
  return {
    name: a.name,
    profile,
    dictionary,
    dictionaryCounts,
    dates: either(a.dates, b.dates, mergeValueCounts),
    numbers,
    sketch: either(a.sketch, b.sketch, mergeSketches),
    moments: mergeMoments(a.moments, b.moments),
  };
}

/** Column data for the drift engine from a summary with exact values (sorted numbers, dates, categories). */
export function summaryToColumn(s: ColumnSummary): ColumnData {
  return {
    name: s.name,
    profile: { ...s.profile },
    numbers: s.numbers ? expand(s.numbers) : null,
    numbersSorted: true,
    dates: s.dates ? expand(s.dates) : null,
    codes: null,
    dictionary: s.dictionary,
    dictionaryCounts: s.dictionaryCounts,
  };
}
