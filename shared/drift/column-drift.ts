// Drift of one column between a reference and a current file: typing, test choice, the test, PSI, missing
// share, unseen categories, and a plain-language note for anything unusual. Never throws on bad data and
// never returns NaN or Infinity: a number that cannot be computed is null with a note saying why.
import { countDistinctUnion } from '../stats/descriptive';
import { psiFromCounts, psiNumericSorted } from '../stats/psi';
import { sortFloat64InPlace } from '../stats/sort';
import { alignCounts, categoricalTest } from './categorical-drift';
import { categoryCounts, exampleString, sortedFiniteNumbers, textLengths } from './column-values';
import { inferColumnType, missingCount, reconcileTypes } from './column-typing';
import { numericTest } from './numeric-drift';
import { chooseTest, LARGE_REFERENCE } from './test-choice';
import { DEFAULT_THRESHOLDS, P_VALUE_TESTS } from './types';
import type { ColumnData, ColumnDriftResult, ColumnType, DriftOptions, DriftTest, TestOutcome, UnseenCategories } from './types';

const UNSEEN_EXAMPLES = 10;

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

function baseResult(name: string, type: ColumnType | null, ref?: ColumnData, cur?: ColumnData): ColumnDriftResult {
  return {
    name,
    type,
    test: null,
    statistic: null,
    p_value: null,
    threshold: null,
    drifted: false,
    psi: null,
    missing_share: {
      reference: ref ? share(missingCount(ref.profile), ref.profile.rows) : null,
      current: cur ? share(missingCount(cur.profile), cur.profile.rows) : null,
    },
    unseen_categories: null,
  };
}

function withNotes(result: ColumnDriftResult, notes: string[]): ColumnDriftResult {
  const unique = [...new Set(notes.filter(Boolean))];
  return unique.length ? { ...result, note: unique.join('; ') } : result;
}

/** Notes about values a numeric comparison leaves out. */
function exclusionNotes(column: ColumnData, side: string): string[] {
  const p = column.profile;
  const notes: string[] = [];
  if (p.nan) notes.push(`${p.nan} NaN value${p.nan > 1 ? 's' : ''} in ${side} treated as missing`);
  const inf = p.posInf + p.negInf;
  if (inf) notes.push(`${inf} infinite value${inf > 1 ? 's' : ''} in ${side} excluded`);
  if (p.strings) notes.push(`${p.strings} non-numeric value${p.strings > 1 ? 's' : ''} in ${side} excluded (e.g. ${exampleString(column)})`);
  if (p.dates) notes.push(`${p.dates} date value${p.dates > 1 ? 's' : ''} in ${side} excluded`);
  return notes;
}

function pickTest(name: string, options: DriftOptions): DriftTest | undefined {
  return options.tests?.[name] ?? options.tests?.['*'];
}

function pickThreshold(name: string, test: DriftTest, options: DriftOptions): number {
  return options.thresholds?.[name] ?? options.thresholds?.['*'] ?? DEFAULT_THRESHOLDS[test];
}

function finish(result: ColumnDriftResult, outcome: TestOutcome, psi: number | null, name: string, options: DriftOptions, notes: string[]): ColumnDriftResult {
  const threshold = pickThreshold(name, outcome.test, options);
  const statistic = finiteOrNull(outcome.statistic);
  const pValue = finiteOrNull(outcome.pValue);
  const isP = P_VALUE_TESTS.has(outcome.test);
  const all = [...notes, ...outcome.notes];
  if (statistic === null) all.push(`${outcome.test} statistic could not be computed`);
  const psiValue = finiteOrNull(psi);
  if (psi !== null && psiValue === null) all.push('PSI could not be computed');
  const drifted = isP ? pValue !== null && pValue < threshold : statistic !== null && statistic >= threshold;
  return withNotes({ ...result, test: outcome.test, statistic, p_value: isP ? pValue : null, threshold, drifted, psi: psiValue }, all);
}

/** `ref` and `cur` are finite and ascending. */
function numericColumnDrift(result: ColumnDriftResult, ref: Float64Array, cur: Float64Array, name: string, options: DriftOptions, notes: string[]): ColumnDriftResult {
  if (ref.length < 2 || cur.length < 2) {
    const side = ref.length < 2 ? `reference (${ref.length})` : `current (${cur.length})`;
    return withNotes(result, [...notes, `fewer than 2 numeric values in ${side}; not tested`]);
  }
  const distinct = countDistinctUnion(ref, cur, 21);
  if (distinct === 1) notes.push(`constant column (single value ${ref[0]} in both files)`);
  else if (ref[0] === ref[ref.length - 1]) notes.push(`reference is constant (${ref[0]})`);
  const test = pickTest(name, options) ?? chooseTest('numeric', ref.length, distinct, options.largeReference ?? LARGE_REFERENCE);
  return finish(result, numericTest(test, ref, cur, distinct), psiNumericSorted(ref, cur), name, options, notes);
}

function unseen(keys: string[], ref: number[], cur: number[]): UnseenCategories {
  const total = cur.reduce((s, v) => s + v, 0);
  const found = keys.map((k, i) => ({ k, ref: ref[i]!, cur: cur[i]! })).filter((e) => e.ref === 0 && e.cur > 0);
  found.sort((a, b) => b.cur - a.cur || (a.k < b.k ? -1 : 1));
  const rows = found.reduce((s, e) => s + e.cur, 0);
  return { count: found.length, share: total > 0 ? rows / total : 0, examples: found.slice(0, UNSEEN_EXAMPLES).map((e) => e.k) };
}

function categoricalColumnDrift(result: ColumnDriftResult, refData: ColumnData, curData: ColumnData, name: string, options: DriftOptions, notes: string[]): ColumnDriftResult {
  const aligned = alignCounts(categoryCounts(refData), categoryCounts(curData));
  const nRef = aligned.ref.reduce((s, v) => s + v, 0);
  const nCur = aligned.cur.reduce((s, v) => s + v, 0);
  const unseenCats = unseen(aligned.keys, aligned.ref, aligned.cur);
  const base = { ...result, unseen_categories: unseenCats };
  if (unseenCats.count) {
    notes.push(`${unseenCats.count} categor${unseenCats.count > 1 ? 'ies' : 'y'} not in reference (${(unseenCats.share * 100).toFixed(1)}% of current rows)`);
  }
  if (nRef < 2 || nCur < 2) {
    const side = nRef < 2 ? `reference (${nRef})` : `current (${nCur})`;
    return withNotes(base, [...notes, `fewer than 2 values in ${side}; not tested`]);
  }
  const distinct = aligned.keys.length;
  if (distinct === 1) notes.push(`constant column (single value ${JSON.stringify(aligned.keys[0])} in both files)`);
  const test = pickTest(name, options) ?? chooseTest('categorical', nRef, distinct, options.largeReference ?? LARGE_REFERENCE);
  return finish(base, categoricalTest(test, aligned.ref, aligned.cur), psiFromCounts(aligned.ref, aligned.cur), name, options, notes);
}

/** Drift of one column; either side may be absent (the column is missing from that file). */
export function columnDrift(name: string, ref: ColumnData | undefined, cur: ColumnData | undefined, options: DriftOptions = {}): ColumnDriftResult {
  if (!ref || !cur) {
    const present = ref ?? cur;
    const type = present ? inferColumnType(present) : null;
    const where = !ref && !cur ? 'either file' : !ref ? 'the reference file' : 'the current file';
    return withNotes(baseResult(name, type, ref, cur), [`column not found in ${where}; not tested`]);
  }
  const compared = reconcileTypes(inferColumnType(ref), inferColumnType(cur));
  const result = baseResult(name, compared.type, ref, cur);
  if (ref.profile.rows < 2 || cur.profile.rows < 2) {
    const side = ref.profile.rows < 2 ? `reference has ${ref.profile.rows}` : `current has ${cur.profile.rows}`;
    return withNotes(result, [`fewer than 2 rows (${side}); not tested`]);
  }
  const notes = [...compared.notes];
  switch (compared.kind) {
    case 'numeric':
      notes.push(...exclusionNotes(ref, 'reference'), ...exclusionNotes(cur, 'current'));
      return numericColumnDrift(result, sortedFiniteNumbers(ref), sortedFiniteNumbers(cur), name, options, notes);
    case 'text':
      notes.push('text: compared on length in characters (use embedding drift for content)');
      return numericColumnDrift(result, sortFloat64InPlace(textLengths(ref)), sortFloat64InPlace(textLengths(cur)), name, options, notes);
    case 'categorical':
      for (const [col, side] of [[ref, 'reference'], [cur, 'current']] as const) {
        if (col.profile.nan) notes.push(`${col.profile.nan} NaN value${col.profile.nan > 1 ? 's' : ''} in ${side} treated as missing`);
      }
      return categoricalColumnDrift(result, ref, cur, name, options, notes);
    default:
      return withNotes(result, notes);
  }
}
