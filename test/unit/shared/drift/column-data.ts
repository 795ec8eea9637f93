// Builds ColumnData the way the CSV loader would, from plain values (tests only).
import type { ColumnData, ColumnProfile } from '../../../../shared/drift/types';

export type Cell = number | string | null | Date;

export function column(name: string, cells: readonly Cell[]): ColumnData {
  const profile: ColumnProfile = { rows: cells.length, missing: 0, nan: 0, numbers: 0, posInf: 0, negInf: 0, dates: 0, strings: 0 };
  const numbers = new Float64Array(cells.length).fill(Number.NaN);
  const dates = new Float64Array(cells.length).fill(Number.NaN);
  const codes = new Int32Array(cells.length).fill(-1);
  const dictionary: string[] = [];
  const dictionaryCounts: number[] = [];
  cells.forEach((c, i) => {
    if (c === null) profile.missing++;
    else if (c instanceof Date) {
      profile.dates++;
      dates[i] = c.getTime();
    } else if (typeof c === 'number') {
      if (Number.isNaN(c)) profile.nan++;
      else if (c === Infinity) profile.posInf++;
      else if (c === -Infinity) profile.negInf++;
      else profile.numbers++;
      numbers[i] = c;
    } else {
      profile.strings++;
      let code = dictionary.indexOf(c);
      if (code < 0) {
        code = dictionary.length;
        dictionary.push(c);
        dictionaryCounts.push(0);
      }
      dictionaryCounts[code]!++;
      codes[i] = code;
    }
  });
  return { name, profile, numbers, dates, codes, dictionary, dictionaryCounts };
}

/** n values from a deterministic sequence (van der Corput-like spread), shifted. */
export function spread(n: number, shift = 0, scale = 1): number[] {
  return Array.from({ length: n }, (_, i) => ((((i * 0.6180339887) % 1) - 0.5) * scale) + shift);
}

/** Every number in a result is finite or null (what the JSON contract promises). */
export function allFiniteOrNull(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFiniteOrNull);
  if (value && typeof value === 'object') return Object.values(value).every(allFiniteOrNull);
  return true;
}
