// Pulls comparable samples out of a row-aligned column: finite numbers, text lengths, category counts.
import { sortFloat64InPlace } from '../stats/sort';
import type { ColumnData } from './types';

/** Finite numbers of the column, in row order (a fresh array, safe to sort in place). */
export function finiteNumbers(column: ColumnData): Float64Array {
  const src = column.numbers;
  if (!src) return new Float64Array(0);
  if (column.numbersSorted) return src.slice();
  const out = new Float64Array(column.profile.numbers);
  let k = 0;
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    // v - v is 0 only for finite v (NaN and ±Infinity give NaN).
    if (v - v === 0) out[k++] = v;
  }
  return k === out.length ? out : out.slice(0, k);
}

/** Finite numbers, ascending. Reuses the column's array when the loader already sorted it. */
export function sortedFiniteNumbers(column: ColumnData): Float64Array {
  if (column.numbersSorted && column.numbers) return column.numbers;
  return sortFloat64InPlace(finiteNumbers(column));
}

/** Length in characters of every string cell. */
export function textLengths(column: ColumnData): Float64Array {
  const out = new Float64Array(column.profile.strings);
  let k = 0;
  column.dictionary.forEach((s, code) => {
    const n = column.dictionaryCounts[code] ?? 0;
    out.fill(s.length, k, k + n);
    k += n;
  });
  return out;
}

function formatNumber(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/** Count per category label. Numbers and dates become labels too (mixed columns are compared as categories). */
export function categoryCounts(column: ColumnData): Map<string, number> {
  const counts = new Map<string, number>();
  column.dictionary.forEach((s, code) => {
    const n = column.dictionaryCounts[code] ?? 0;
    if (n > 0) counts.set(s, (counts.get(s) ?? 0) + n);
  });
  const addNumbers = (values: Float64Array | null, label: (v: number) => string): void => {
    if (!values) return;
    const byValue = new Map<number, number>();
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isNaN(v)) byValue.set(v, (byValue.get(v) ?? 0) + 1);
    }
    for (const [v, n] of byValue) counts.set(label(v), (counts.get(label(v)) ?? 0) + n);
  };
  addNumbers(column.numbers, formatNumber);
  addNumbers(column.dates, (v) => new Date(v).toISOString());
  return counts;
}

/** An example of the string cells of a column, quoted for a note. */
export function exampleString(column: ColumnData): string | null {
  const first = column.dictionary[0];
  return first === undefined ? null : JSON.stringify(first.length > 30 ? `${first.slice(0, 27)}...` : first);
}
