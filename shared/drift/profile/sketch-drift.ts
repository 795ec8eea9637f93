// Numeric drift from two quantile sketches, for profiles that kept no exact values. Bucket counts are exact,
// so the two empirical CDFs are exact at every bucket edge and only move inside a bucket; that bounds each
// statistic:
//   KS: D_edges (largest gap at an edge) <= D <= D_edges + the largest bucket mass on either side;
//   Wasserstein: moving every value to its bucket centre moves it by at most alpha |x|, so the distance is
//     within alpha (mean |x| of the reference + mean |x| of the current) of the one reported;
//   PSI: bins are whole buckets (edges at the bucket edges nearest the reference deciles), so PSI over those
//     bins is exact; only the bins differ from exact-decile bins.
import { kstwoSf } from '../../stats/kolmogorov';
import { psiFromCounts } from '../../stats/psi';
import { wassersteinNormalized } from '../../stats/wasserstein';
import type { DriftTest, TestOutcome } from '../types';
import { sketchBuckets, type LogSketch, type SketchBucket } from './log-sketch';

interface Aligned {
  upper: number[];
  centre: number[];
  ref: number[];
  cur: number[];
}

function align(a: SketchBucket[], b: SketchBucket[]): Aligned {
  const out: Aligned = { upper: [], centre: [], ref: [], cur: [] };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const ka = i < a.length ? a[i]!.key : Infinity;
    const kb = j < b.length ? b[j]!.key : Infinity;
    const k = Math.min(ka, kb);
    const bucket = ka === k ? a[i]! : b[j]!;
    out.upper.push(bucket.upper);
    out.centre.push(bucket.centre);
    out.ref.push(ka === k ? a[i++]!.count : 0);
    out.cur.push(kb === k ? b[j++]!.count : 0);
  }
  return out;
}

export interface SketchSide {
  sketch: LogSketch;
  count: number;
  /** Population standard deviation and mean |x| (from exact moments). */
  std: number;
  meanAbs: number;
}

function ksFromBuckets(al: Aligned, n1: number, n2: number): { d: number; bound: number } {
  let cr = 0;
  let cc = 0;
  let d = 0;
  let mass = 0;
  for (let k = 0; k < al.ref.length; k++) {
    mass = Math.max(mass, al.ref[k]! / n1, al.cur[k]! / n2);
    cr += al.ref[k]!;
    cc += al.cur[k]!;
    d = Math.max(d, Math.abs(cr / n1 - cc / n2));
  }
  return { d, bound: Math.min(1, d + mass) };
}

function wassersteinFromBuckets(al: Aligned, n1: number, n2: number): number {
  let cr = 0;
  let cc = 0;
  let total = 0;
  for (let k = 0; k + 1 < al.ref.length; k++) {
    cr += al.ref[k]!;
    cc += al.cur[k]!;
    total += Math.abs(cr / n1 - cc / n2) * (al.centre[k + 1]! - al.centre[k]!);
  }
  return total;
}

/** PSI with bins made of whole buckets, cut where the reference CDF first reaches each decile. */
export function psiFromSketches(ref: LogSketch, cur: LogSketch, n1: number, n2: number, bins = 10): number {
  const al = align(sketchBuckets(ref), sketchBuckets(cur));
  const r: number[] = [];
  const c: number[] = [];
  let accR = 0;
  let accC = 0;
  let cum = 0;
  let next = 1;
  for (let k = 0; k < al.ref.length; k++) {
    accR += al.ref[k]!;
    accC += al.cur[k]!;
    cum += al.ref[k]!;
    if (next < bins && cum / n1 >= next / bins) {
      r.push(accR);
      c.push(accC);
      accR = accC = 0;
      while (next < bins && cum / n1 >= next / bins) next++;
    }
  }
  r.push(accR);
  c.push(accC);
  return psiFromCounts(r, c);
}

export function sketchNumericTest(test: DriftTest, ref: SketchSide, cur: SketchSide): TestOutcome {
  const al = align(sketchBuckets(ref.sketch), sketchBuckets(cur.sketch));
  const alpha = ref.sketch.alpha;
  if (test === 'ks') {
    const { d, bound } = ksFromBuckets(al, ref.count, cur.count);
    const en = Math.round((ref.count * cur.count) / (ref.count + cur.count));
    return {
      test,
      statistic: d,
      pValue: kstwoSf(en, d),
      notes: [`approximate: KS from quantile sketches (alpha ${alpha}); the exact D lies in [${d.toPrecision(4)}, ${bound.toPrecision(4)}] and the p-value is that of the lower end`],
    };
  }
  if (test === 'psi') {
    return { test, statistic: psiFromSketches(ref.sketch, cur.sketch, ref.count, cur.count), pValue: null, notes: ['PSI from sketch buckets: exact counts, bins cut at bucket edges near the reference deciles'] };
  }
  const used: DriftTest = 'wasserstein';
  const w = wassersteinFromBuckets(al, ref.count, cur.count);
  const sd = ref.std;
  const err = alpha * (ref.meanAbs + cur.meanAbs);
  const notes = [`approximate: Wasserstein from quantile sketches (alpha ${alpha}); the exact distance is within ${wassersteinNormalized(err, sd).toPrecision(3)} of the value (normalized)`];
  if (test !== used) notes.push(`${test} needs exact values, which this profile does not keep; used wasserstein`);
  if (sd === 0) notes.push('reference is constant; distance divided by 0.001 instead of its std');
  return { test: used, statistic: wassersteinNormalized(w, sd), pValue: null, notes };
}
