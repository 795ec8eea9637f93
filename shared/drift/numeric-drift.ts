// Runs one drift test on two numeric samples that are sorted ascending and hold only finite values.
import { ks2SampSorted } from '../stats/ks';
import { wassersteinSorted, wassersteinNormalized } from '../stats/wasserstein';
import { jensenShannonDistance } from '../stats/jensen-shannon';
import { psiNumericSorted } from '../stats/psi';
import { histogramSorted, std, sturgesEdges } from '../stats/descriptive';
import { categoricalTest } from './categorical-drift';
import type { DriftTest, TestOutcome } from './types';

/** Evidently bins a numeric column for Jensen-Shannon only when it has more than this many values. */
const JS_BIN_ABOVE = 20;

/** Counts per distinct value, aligned across both samples (used when a numeric column has few values). */
export function valueCounts(ref: Float64Array, cur: Float64Array): { keys: string[]; ref: number[]; cur: number[] } {
  const keys: string[] = [];
  const rc: number[] = [];
  const cc: number[] = [];
  let i = 0;
  let j = 0;
  while (i < ref.length || j < cur.length) {
    const v = i < ref.length && (j >= cur.length || ref[i]! <= cur[j]!) ? ref[i]! : cur[j]!;
    let a = 0;
    let b = 0;
    while (i < ref.length && ref[i] === v) {
      a++;
      i++;
    }
    while (j < cur.length && cur[j] === v) {
      b++;
      j++;
    }
    keys.push(String(v));
    rc.push(a);
    cc.push(b);
  }
  return { keys, ref: rc, cur: cc };
}

export function numericTest(test: DriftTest, ref: Float64Array, cur: Float64Array, distinct: number): TestOutcome {
  switch (test) {
    case 'ks': {
      const r = ks2SampSorted(ref, cur);
      return { test, statistic: r.statistic, pValue: r.pValue, notes: [] };
    }
    case 'wasserstein': {
      const sd = std(ref);
      const notes = sd === 0 ? ['reference is constant; distance divided by 0.001 instead of its std'] : [];
      return { test, statistic: wassersteinNormalized(wassersteinSorted(ref, cur), sd), pValue: null, notes };
    }
    case 'psi':
      return { test, statistic: psiNumericSorted(ref, cur), pValue: null, notes: [] };
    case 'jensenshannon':
      if (distinct > JS_BIN_ABOVE) {
        const lo = Math.min(ref[0]!, cur[0]!);
        const hi = Math.max(ref[ref.length - 1]!, cur[cur.length - 1]!);
        const edges = sturgesEdges(lo, hi, ref.length + cur.length);
        const statistic = jensenShannonDistance(histogramSorted(ref, edges), histogramSorted(cur, edges));
        return { test, statistic, pValue: null, notes: [`binned into ${edges.length - 1} Sturges bins`] };
      }
      break;
    default:
      break;
  }
  // chisquare, z and few-valued jensenshannon treat each distinct number as a category.
  const counts = valueCounts(ref, cur);
  return categoricalTest(test, counts.ref, counts.cur);
}
