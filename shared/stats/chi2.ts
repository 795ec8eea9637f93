// Pearson chi-square test of homogeneity on a contingency table, as scipy.stats.chi2_contingency computes it
// (Yates' continuity correction only when asked and only for one degree of freedom).
import { chi2Sf } from './special';

export interface Chi2Result {
  statistic: number;
  pValue: number;
  dof: number;
}

/** Test on an r x c table of counts. Columns whose total is zero are dropped (they carry no information). */
export function chi2Contingency(table: ReadonlyArray<ArrayLike<number>>, correction = true): Chi2Result {
  const rows = table.length;
  const width = rows ? table[0]!.length : 0;
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += table[r]![c]!;
    if (s > 0) keep.push(c);
  }
  const rowSums = table.map((row) => keep.reduce((s, c) => s + row[c]!, 0));
  const liveRows = rowSums.filter((s) => s > 0).length;
  const dof = (liveRows - 1) * (keep.length - 1);
  if (dof <= 0) return { statistic: 0, pValue: 1, dof: Math.max(dof, 0) };
  const colSums = keep.map((c) => table.reduce((s, row) => s + row[c]!, 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  let statistic = 0;
  for (let r = 0; r < rows; r++) {
    if (rowSums[r] === 0) continue;
    for (let k = 0; k < keep.length; k++) {
      const expected = (rowSums[r]! * colSums[k]!) / total;
      let observed = table[r]![keep[k]!]!;
      if (correction && dof === 1) {
        const diff = expected - observed;
        observed += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += (observed - expected) ** 2 / expected;
    }
  }
  return { statistic, pValue: chi2Sf(statistic, dof), dof };
}

/** Homogeneity of two category count vectors aligned by category (reference, current). */
export function chi2Homogeneity(reference: ArrayLike<number>, current: ArrayLike<number>, correction = false): Chi2Result {
  return chi2Contingency([reference, current], correction);
}
