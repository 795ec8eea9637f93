// Collects one column of one file while the scanner streams rows: counts per kind of cell, numbers and dates
// as Float64 (NaN where absent), strings as dictionary codes (-1 where absent). A store is created the first
// time a cell needs it and back-filled, so a purely numeric column never allocates codes and vice versa.
import path from 'node:path';
import type { ColumnProfile } from '../../shared/drift/types';
import { CellKind, classifyText } from '../../shared/drift/cell-text';
import { parseNumberBytes } from './cell-parse';
import { ChunkedArray, type StoredArray } from './chunked-array';
import { FIELD_ESCAPED, FIELD_QUOTED } from './csv-scanner';
import { scanned } from './cell-parse';
import { SortedNumbers, type NumberPiece } from './sorted-numbers';

export interface StoredColumn {
  name: string;
  profile: ColumnProfile;
  numbers: StoredArray | null;
  /** `numbers` holds the finite numbers only, ascending (see ColumnData.numbersSorted). */
  numbersSorted: boolean;
  /** Built with sortNumbers: the finite numbers, unsorted (`numbers` is then null); see sortPieces. */
  piece: NumberPiece | null;
  dates: StoredArray | null;
  codes: StoredArray | null;
  dictionary: string[];
  dictionaryCounts: number[];
}

export class ColumnBuilder {
  readonly profile: ColumnProfile = { rows: 0, missing: 0, nan: 0, numbers: 0, posInf: 0, negInf: 0, dates: 0, strings: 0 };
  private numbers: ChunkedArray | null = null;
  /** With sortNumbers: the finite numbers only, not row-aligned, sorted at finish. */
  private readonly sorted: SortedNumbers | null;
  private dates: ChunkedArray | null = null;
  private codes: ChunkedArray | null = null;
  private readonly lookup = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private readonly dictionaryCounts: number[] = [];
  private readonly dateOut = new Float64Array(1);

  constructor(readonly name: string, private readonly spillDir: string | null, private readonly index: number, sortNumbers = false) {
    this.sorted = sortNumbers ? new SortedNumbers(spillDir === null ? null : path.join(spillDir, String(index))) : null;
  }

  private open(type: 'f64' | 'i32', suffix: string, filler: number): ChunkedArray {
    const file = this.spillDir === null ? null : path.join(this.spillDir, `${this.index}.${suffix}`);
    const store = new ChunkedArray(type, file);
    store.pushRepeated(filler, this.profile.rows);
    return store;
  }

  private store(num: number, date: number, code: number): void {
    if (this.sorted !== null) {
      if (num - num === 0) this.sorted.add(num, scanned.decimals);
    } else if (this.numbers !== null) this.numbers.push(num);
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

  /** A cell the scanner already parsed as a number, with its decimals (scanned.decimals). */
  addNumber(v: number, decimals: number): void {
    if (v - v === 0) {
      this.profile.numbers++;
      if (this.sorted !== null && this.dates === null && this.codes === null) {
        // The hot path of numeric columns: nothing row-aligned to keep.
        this.sorted.add(v, decimals);
        this.profile.rows++;
        return;
      }
      scanned.decimals = decimals;
    } else if (v > 0) this.profile.posInf++;
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
    if (v === v) return this.addNumber(v, scanned.decimals);
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

  /** With sortNumbers (constructor), the finite numbers come as an unsorted `piece` instead of row-aligned `numbers`. */
  finish(): StoredColumn {
    return {
      name: this.name,
      profile: { ...this.profile },
      numbers: this.numbers?.finish() ?? null,
      numbersSorted: false,
      piece: this.sorted?.finish() ?? null,
      dates: this.dates?.finish() ?? null,
      codes: this.codes?.finish() ?? null,
      dictionary: this.dictionary,
      dictionaryCounts: this.dictionaryCounts,
    };
  }
}
