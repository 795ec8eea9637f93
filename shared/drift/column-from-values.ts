// Builds a ColumnData from plain values (record fields from the workspace, JSON), following the CSV loader's
// rules: null/undefined and null tokens are missing, numbers and numeric strings are numbers, NaN and
// Infinity are counted apart, ISO-8601 strings and Date objects are dates, booleans and other strings are
// categories.
import { CellKind, classifyText } from './cell-text';
import type { ColumnData, ColumnProfile } from './types';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function columnFromValues(name: string, values: readonly unknown[]): ColumnData {
  const n = values.length;
  const profile: ColumnProfile = { rows: n, missing: 0, nan: 0, numbers: 0, posInf: 0, negInf: 0, dates: 0, strings: 0 };
  const numbers = new Float64Array(n).fill(Number.NaN);
  const dates = new Float64Array(n).fill(Number.NaN);
  const codes = new Int32Array(n).fill(-1);
  const lookup = new Map<string, number>();
  const dictionary: string[] = [];
  const dictionaryCounts: number[] = [];
  const dateOut = new Float64Array(1);
  const addNumber = (i: number, v: number): void => {
    if (Number.isNaN(v)) profile.nan++;
    else if (v === Infinity) profile.posInf++;
    else if (v === -Infinity) profile.negInf++;
    else profile.numbers++;
    numbers[i] = v;
  };
  values.forEach((raw, i) => {
    if (raw === null || raw === undefined) return void profile.missing++;
    if (typeof raw === 'number') return addNumber(i, raw);
    if (raw instanceof Date) {
      const t = raw.getTime();
      if (Number.isNaN(t)) return void profile.missing++;
      profile.dates++;
      return void (dates[i] = t);
    }
    const text = (typeof raw === 'string' ? raw : typeof raw === 'boolean' || typeof raw === 'bigint' ? String(raw) : JSON.stringify(raw)).trim();
    if (NUMBER.test(text)) return addNumber(i, Number(text));
    switch (classifyText(text, dateOut)) {
      case CellKind.Missing:
        return void profile.missing++;
      case CellKind.NaN:
        return addNumber(i, Number.NaN);
      case CellKind.PosInf:
        return addNumber(i, Infinity);
      case CellKind.NegInf:
        return addNumber(i, -Infinity);
      case CellKind.Date:
        profile.dates++;
        return void (dates[i] = dateOut[0]!);
      default: {
        profile.strings++;
        let code = lookup.get(text);
        if (code === undefined) {
          code = dictionary.length;
          lookup.set(text, code);
          dictionary.push(text);
          dictionaryCounts.push(0);
        }
        dictionaryCounts[code] = dictionaryCounts[code]! + 1;
        codes[i] = code;
      }
    }
  });
  return {
    name,
    profile,
    numbers: profile.numbers + profile.nan + profile.posInf + profile.negInf ? numbers : null,
    dates: profile.dates ? dates : null,
    codes: profile.strings ? codes : null,
    dictionary,
    dictionaryCounts,
  };
}
