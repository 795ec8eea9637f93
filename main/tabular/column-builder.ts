// Collects one column of one file while the scanner streams rows: counts per kind of cell, numbers and dates
// as Float64 (NaN where absent), strings as dictionary codes (-1 where absent). A store is created the first
// time a cell needs it and back-filled, so a purely numeric column never allocates codes and vice versa.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sortChunksFloat64, sortFloat64InPlace } from '../../shared/stats/sort';
import type { ColumnProfile } from '../../shared/drift/types';
import { CellKind, classifyText } from '../../shared/drift/cell-text';
import { parseNumberBytes } from './cell-parse';
import { ChunkedArray, loadStoredArray, type StoredArray } from './chunked-array';
import { FIELD_ESCAPED, FIELD_QUOTED } from './csv-scanner';

export interface StoredColumn {
  name: string;
  profile: ColumnProfile;
  numbers: StoredArray | null;
  /** `numbers` holds the finite numbers only, ascending (see ColumnData.numbersSorted). */
  numbersSorted: boolean;
  dates: StoredArray | null;
  codes: StoredArray | null;
  dictionary: string[];
  dictionaryCounts: number[];
}

export class ColumnBuilder {
  readonly profile: ColumnProfile = { rows: 0, missing: 0, nan: 0, numbers: 0, posInf: 0, negInf: 0, dates: 0, strings: 0 };
  private numbers: ChunkedArray | null = null;
  private dates: ChunkedArray | null = null;
  private codes: ChunkedArray | null = null;
  private readonly lookup = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private readonly dictionaryCounts: number[] = [];
  private readonly dateOut = new Float64Array(1);

  constructor(readonly name: string, private readonly spillDir: string | null, private readonly index: number) {}

  private open(type: 'f64' | 'i32', suffix: string, filler: number): ChunkedArray {
    const file = this.spillDir === null ? null : path.join(this.spillDir, `${this.index}.${suffix}`);
    const store = new ChunkedArray(type, file);
    store.pushRepeated(filler, this.profile.rows);
    return store;
  }

  private store(num: number, date: number, code: number): void {
    if (this.numbers !== null) this.numbers.push(num);
    else if (num === num) (this.numbers = this.open('f64', 'num', Number.NaN)).push(num);
    if (this.dates !== null) this.dates.push(date);
    else if (date === date) (this.dates = this.open('f64', 'date', Number.NaN)).push(date);
    if (this.codes !== null) this.codes.push(code);
    else if (code >= 0) (this.codes = this.open('i32', 'code', -1)).push(code);
    this.profile.rows++;
  }

  addMissing(): void {
    this.profile.missing++;
    this.store(Number.NaN, Number.NaN, -1);
  }

  /** A cell the scanner already parsed as a number. */
  addNumber(v: number): void {
    if (v - v === 0) this.profile.numbers++;
    else if (v > 0) this.profile.posInf++;
    else this.profile.negInf++;
    this.store(v, Number.NaN, -1);
  }

  add(buf: Buffer, start: number, end: number, flags: number): void {
    let s = start;
    let e = end;
    if ((flags & FIELD_QUOTED) === 0) {
      while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
      while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
    }
    if (s === e) return this.addMissing();
    const v = parseNumberBytes(buf, s, e);
    if (v === v) return this.addNumber(v);
    let text = buf.toString('utf8', s, e);
    if (flags & FIELD_ESCAPED) text = text.replaceAll('""', '"');
    switch (classifyText(text, this.dateOut)) {
      case CellKind.Missing:
        return this.addMissing();
      case CellKind.NaN:
        this.profile.nan++;
        return this.store(Number.NaN, Number.NaN, -1);
      case CellKind.PosInf:
        this.profile.posInf++;
        return this.store(Infinity, Number.NaN, -1);
      case CellKind.NegInf:
        this.profile.negInf++;
        return this.store(-Infinity, Number.NaN, -1);
      case CellKind.Date:
        this.profile.dates++;
        return this.store(Number.NaN, this.dateOut[0]!, -1);
      default: {
        this.profile.strings++;
        let code = this.lookup.get(text);
        if (code === undefined) {
          code = this.dictionary.length;
          this.lookup.set(text, code);
          this.dictionary.push(text);
          this.dictionaryCounts.push(0);
        }
        this.dictionaryCounts[code]!++;
        return this.store(Number.NaN, Number.NaN, code);
      }
    }
  }

  /** With `sortNumbers`, keeps only the finite numbers, sorted, in place of the row-aligned array. */
  finish(sortNumbers = false): StoredColumn {
    let numbers: StoredArray | null;
    // An in-memory column of finite numbers only sorts straight from its chunks, without joining them first.
    const chunks = sortNumbers && this.profile.numbers === this.profile.rows ? (this.numbers?.memoryChunks() ?? null) : null;
    if (chunks) numbers = { kind: 'memory', type: 'f64', data: sortChunksFloat64(chunks as Float64Array[], this.profile.rows) };
    else {
      numbers = this.numbers?.finish() ?? null;
      if (numbers && sortNumbers) numbers = sortedFinite(numbers, this.profile.numbers);
    }
    return {
      name: this.name,
      profile: { ...this.profile },
      numbers,
      numbersSorted: numbers !== null && sortNumbers,
      dates: this.dates?.finish() ?? null,
      codes: this.codes?.finish() ?? null,
      dictionary: this.dictionary,
      dictionaryCounts: this.dictionaryCounts,
    };
  }
}

/** Finite values of a stored Float64 column, sorted ascending, stored the same way (memory or file). */
function sortedFinite(stored: StoredArray, finiteCount: number): StoredArray {
  const all = loadStoredArray(stored) as Float64Array;
  // The joined in-memory array is this column's own: with no missing or non-finite cell it sorts in place.
  if (stored.kind === 'memory' && finiteCount === all.length) return { kind: 'memory', type: 'f64', data: sortFloat64InPlace(all) };
  const out = new Float64Array(finiteCount);
  let k = 0;
  for (let i = 0; i < all.length; i++) {
    const v = all[i]!;
    if (v - v === 0) out[k++] = v;
  }
  sortFloat64InPlace(out);
  if (stored.kind === 'memory') return { kind: 'memory', type: 'f64', data: out };
  writeFileSync(stored.path, new Uint8Array(out.buffer));
  return { kind: 'file', type: 'f64', path: stored.path, length: out.length };
}
