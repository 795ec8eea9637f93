// Joins the parts of one column read from several byte ranges (and threads) into the ColumnData the drift
// engine and the profile summariser take: counts summed, dictionaries merged in first-seen order, the finite
// numbers of every part sorted together. Row alignment is not kept (drift and profiles do not need it).
import type { ColumnData, ColumnProfile } from '../../shared/drift/types';
import { loadStoredArray } from './chunked-array';
import type { StoredColumn } from './column-builder';
import { sortPieces, type NumberPiece } from './sorted-numbers';

export function assembleColumn(parts: readonly StoredColumn[]): ColumnData {
  const profile: ColumnProfile = { rows: 0, missing: 0, nan: 0, numbers: 0, posInf: 0, negInf: 0, dates: 0, strings: 0 };
  const lookup = new Map<string, number>();
  const dictionary: string[] = [];
  const dictionaryCounts: number[] = [];
  const pieces: NumberPiece[] = [];
  const dateParts: Float64Array[] = [];
  for (const part of parts) {
    for (const k of Object.keys(profile) as (keyof ColumnProfile)[]) profile[k] += part.profile[k];
    part.dictionary.forEach((s, i) => {
      let code = lookup.get(s);
      if (code === undefined) {
        code = dictionary.length;
        lookup.set(s, code);
        dictionary.push(s);
        dictionaryCounts.push(0);
      }
      dictionaryCounts[code]! += part.dictionaryCounts[i] ?? 0;
    });
    if (part.piece) pieces.push(part.piece);
    if (part.dates) dateParts.push(loadStoredArray(part.dates) as Float64Array);
  }
  let dates: Float64Array | null = null;
  if (dateParts.length) {
    dates = new Float64Array(dateParts.reduce((s, d) => s + d.length, 0));
    let at = 0;
    for (const d of dateParts) {
      dates.set(d, at);
      at += d.length;
    }
  }
  return {
    name: parts[0]?.name ?? '',
    profile,
    numbers: profile.numbers > 0 ? sortPieces(pieces) : null,
    numbersSorted: true,
    dates,
    codes: null,
    dictionary,
    dictionaryCounts,
  };
}
