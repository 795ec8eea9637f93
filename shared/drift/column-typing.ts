// Decides what a column is from the counts gathered while parsing, and reconciles the two files' views.
//   numeric      every non-missing cell is a number (or NaN/Infinity), or numbers are >= 90% and the rest
//                are excluded with a note;
//   datetime     ISO-8601 dates (same 90% rule);
//   text         strings, mostly distinct (>= 50%) and long (mean >= 20 characters);
//   categorical  other strings, including columns that are >= 90% strings (numbers read as labels);
//   mixed        numbers and strings with neither at 90%: compared as categories (numerically when the other
//                file's column is numeric);
//   empty        nothing but missing values.
import type { ColumnData, ColumnProfile, ColumnType } from './types';

export const DOMINANT_SHARE = 0.9;
const TEXT_MIN_DISTINCT = 20;
const TEXT_DISTINCT_RATIO = 0.5;
const TEXT_MEAN_LENGTH = 20;

export function nonMissing(p: ColumnProfile): number {
  return p.numbers + p.posInf + p.negInf + p.dates + p.strings;
}

export function missingCount(p: ColumnProfile): number {
  return p.missing + p.nan;
}

function looksLikeText(column: ColumnData): boolean {
  const distinct = column.dictionary.length;
  if (distinct < TEXT_MIN_DISTINCT || distinct / Math.max(1, column.profile.strings) < TEXT_DISTINCT_RATIO) return false;
  let chars = 0;
  column.dictionary.forEach((s, i) => {
    chars += s.length * (column.dictionaryCounts[i] ?? 0);
  });
  return chars / column.profile.strings >= TEXT_MEAN_LENGTH;
}

export function inferColumnType(column: ColumnData): ColumnType {
  const p = column.profile;
  const total = nonMissing(p);
  if (total === 0) return 'empty';
  const numeric = p.numbers + p.posInf + p.negInf;
  if (numeric / total >= DOMINANT_SHARE) return 'numeric';
  if (p.dates / total >= DOMINANT_SHARE) return 'datetime';
  if (p.strings / total >= DOMINANT_SHARE) return looksLikeText(column) ? 'text' : 'categorical';
  return 'mixed';
}

export interface ComparedAs {
  /** How the two columns are compared. */
  kind: 'numeric' | 'categorical' | 'text' | 'datetime' | 'none';
  /** Type reported for the column. */
  type: ColumnType | null;
  notes: string[];
}

/** Chooses one comparison for a column typed separately in the reference and the current file. */
export function reconcileTypes(ref: ColumnType, cur: ColumnType): ComparedAs {
  if (ref === 'empty' || cur === 'empty') {
    const which = ref === 'empty' && cur === 'empty' ? 'both files' : ref === 'empty' ? 'reference' : 'current';
    return { kind: 'none', type: ref === 'empty' ? cur : ref, notes: [`all values missing in ${which}; not tested`] };
  }
  if (ref === cur) {
    if (ref === 'mixed') return { kind: 'categorical', type: 'mixed', notes: ['mixed numbers and strings; compared as categories'] };
    if (ref === 'datetime') {
      return { kind: 'datetime', type: 'datetime', notes: ['datetime column: not tested (periods differ by design); use it to slice time windows'] };
    }
    return { kind: ref, type: ref, notes: [] };
  }
  const pair = `reference ${ref}, current ${cur}`;
  // A numeric column that picked up strings on one side: compare the numbers, leave the strings out.
  if ((ref === 'numeric' && cur === 'mixed') || (ref === 'mixed' && cur === 'numeric')) {
    return { kind: 'numeric', type: 'mixed', notes: [`type differs (${pair}); compared on the numeric values`] };
  }
  if ((ref === 'text' && cur === 'categorical') || (ref === 'categorical' && cur === 'text')) {
    return { kind: 'categorical', type: 'categorical', notes: [`type differs (${pair}); compared as categories`] };
  }
  return { kind: 'categorical', type: 'mixed', notes: [`type differs (${pair}); compared as categories`] };
}
