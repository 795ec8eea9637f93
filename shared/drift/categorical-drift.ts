// Runs one drift test on category counts aligned by category (reference, current).
import { chi2Homogeneity } from '../stats/chi2';
import { twoProportionZ } from '../stats/z-test';
import { jensenShannonDistance } from '../stats/jensen-shannon';
import { psiFromCounts } from '../stats/psi';
import type { DriftTest, TestOutcome } from './types';

export function categoricalTest(test: DriftTest, ref: readonly number[], cur: readonly number[]): TestOutcome {
  const notes: string[] = [];
  let chosen = test;
  if (chosen === 'ks' || chosen === 'wasserstein') {
    chosen = ref.length > 2 ? 'chisquare' : 'z';
    notes.push(`${test} needs numeric values; used ${chosen}`);
  }
  if (chosen === 'z' && ref.length > 2) {
    chosen = 'chisquare';
    notes.push(`z-test needs at most 2 values (found ${ref.length}); used chisquare`);
  }
  switch (chosen) {
    case 'z': {
      const nr = ref.reduce((s, v) => s + v, 0);
      const nc = cur.reduce((s, v) => s + v, 0);
      const r = twoProportionZ(ref[0] ?? 0, nr, cur[0] ?? 0, nc);
      return { test: chosen, statistic: r.statistic, pValue: r.pValue, notes };
    }
    case 'chisquare': {
      const r = chi2Homogeneity(ref, cur);
      return { test: chosen, statistic: r.statistic, pValue: r.pValue, notes };
    }
    case 'jensenshannon':
      return { test: chosen, statistic: jensenShannonDistance(ref, cur), pValue: null, notes };
    default:
      return { test: 'psi', statistic: psiFromCounts(ref, cur), pValue: null, notes };
  }
}

/** Aligns two category count maps over the union of categories (sorted, so results are reproducible). */
export function alignCounts(ref: ReadonlyMap<string, number>, cur: ReadonlyMap<string, number>): { keys: string[]; ref: number[]; cur: number[] } {
  const keys = [...new Set([...ref.keys(), ...cur.keys()])].sort();
  return { keys, ref: keys.map((k) => ref.get(k) ?? 0), cur: keys.map((k) => cur.get(k) ?? 0) };
}
