// Population-wide figures from a scored profile: slices along one grouping field (other fields added together),
// flag rates with Wilson intervals, exact score means, and a two-group comparison from counts alone.
import type { FlagRate, PopulationSlice, ProfileCompareRow, ProfileComparison, ScoreSummary } from '../contract/profile-schemas';
import { fisherExact } from '../stats/fisher';
import { holm } from '../stats/multiple-testing';
import { newcombeUnpaired } from '../stats/proportion-difference';
import { wilsonInterval } from '../stats/proportions';
import { twoProportionZ } from '../stats/z-test';
import { decimalToNano, nanoToDecimal, NANO_DIGITS } from './fixed-point';
import { FLAG_NAMES, HIST_BINS, type ProfileGroup, type ScoredProfile } from './scored-profile';

const ALPHA = 0.05;
/** Below this expected count in a 2x2 cell the normal approximation is poor; Fisher's exact test is used. */
const MIN_EXPECTED = 5;
const NANO = 10 ** NANO_DIGITS;

interface ScoreAcc { count: number; sum: bigint; min: number | null; max: number | null; hist: number[]; under: number; over: number }
interface SliceAcc { records: number; flags: Record<(typeof FLAG_NAMES)[number], number>; scores: Map<string, ScoreAcc>; tokensIn: number; tokensOut: number; cost: bigint }

function emptySlice(): SliceAcc {
  return { records: 0, flags: { hallucination: 0, toxic: 0, injection: 0, pii: 0 }, scores: new Map(), tokensIn: 0, tokensOut: 0, cost: 0n };
}

function addGroup(acc: SliceAcc, g: ProfileGroup): void {
  acc.records += g.records;
  for (const f of FLAG_NAMES) acc.flags[f] += g.flags[f];
  for (const [name, s] of Object.entries(g.scores)) {
    let t = acc.scores.get(name);
    if (!t) acc.scores.set(name, (t = { count: 0, sum: 0n, min: null, max: null, hist: new Array<number>(HIST_BINS).fill(0), under: 0, over: 0 }));
    t.count += s.count;
    t.sum += decimalToNano(s.sum);
    if (s.min !== null) t.min = t.min === null ? s.min : Math.min(t.min, s.min);
    if (s.max !== null) t.max = t.max === null ? s.max : Math.max(t.max, s.max);
    s.hist.forEach((c, i) => { t.hist[i]! += c; });
    t.under += s.under;
    t.over += s.over;
  }
  acc.tokensIn += g.tokens_in;
  acc.tokensOut += g.tokens_out;
  acc.cost += decimalToNano(g.cost);
}

export function flagRate(flag: FlagRate['flag'], count: number, n: number): FlagRate {
  if (n === 0) return { flag, count, n, rate: null, low: null, high: null };
  const ci = wilsonInterval(count, n);
  return { flag, count, n, rate: count / n, low: ci.low, high: ci.high };
}

/** Exact mean: the nano-unit sum divided in BigInt first, so a huge count loses no digits before the float. */
function exactMean(sum: bigint, count: number): number | null {
  if (count === 0) return null;
  const n = BigInt(count);
  return Number(sum / n) / NANO + Number(sum % n) / count / NANO;
}

function toSlice(value: string | null, acc: SliceAcc): PopulationSlice {
  const scores: ScoreSummary[] = [...acc.scores.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, s]) => ({
    name, count: s.count, mean: exactMean(s.sum, s.count), min: s.min, max: s.max, hist: s.hist, under: s.under, over: s.over,
  }));
  return {
    value, records: acc.records, flags: FLAG_NAMES.map((f) => flagRate(f, acc.flags[f], acc.records)), scores,
    tokensIn: acc.tokensIn, tokensOut: acc.tokensOut, cost: nanoToDecimal(acc.cost),
  };
}

/** Checks that `dimension` is one of the profile's grouping fields; the message lists them. */
export function requireDimension(profile: ScoredProfile, dimension: string): void {
  if (!profile.by.includes(dimension)) throw new Error(`the profile is grouped by ${profile.by.join(', ')}; it has no "${dimension}" to slice by`);
}

/** The whole population and one slice per value of `dimension` (most records first; null = records without it). */
export function populationSlices(profile: ScoredProfile, dimension: string): { overall: PopulationSlice; slices: PopulationSlice[] } {
  requireDimension(profile, dimension);
  const overall = emptySlice();
  const byValue = new Map<string | null, SliceAcc>();
  for (const g of profile.groups) {
    addGroup(overall, g);
    const value = g.key[dimension] ?? null;
    let acc = byValue.get(value);
    if (!acc) byValue.set(value, (acc = emptySlice()));
    addGroup(acc, g);
  }
  const slices = [...byValue.entries()].map(([v, acc]) => toSlice(v, acc))
    .sort((a, b) => b.records - a.records || String(a.value).localeCompare(String(b.value)));
  return { overall: toSlice(null, overall), slices };
}

/**
 * Rates of two independent groups from counts: the two-proportion z-test (the 2x2 chi-square without continuity
 * correction, z^2 = chi^2) when every expected cell count is at least 5, Fisher's exact test otherwise, and the
 * Newcombe interval of the difference. Nothing is paired: a profile keeps counts, not the records behind them.
 */
export function compareRates(flag: FlagRate['flag'], xa: number, na: number, xb: number, nb: number): Omit<ProfileCompareRow, 'p_adjusted' | 'significant'> {
  const a = flagRate(flag, xa, na);
  const b = flagRate(flag, xb, nb);
  if (na === 0 || nb === 0) return { flag, a, b, diff: null, ci_low: null, ci_high: null, test: null, p_value: null };
  const ci = newcombeUnpaired(xa, na, xb, nb);
  const pooled = (xa + xb) / (na + nb);
  const minExpected = Math.min(na, nb) * Math.min(pooled, 1 - pooled);
  const useZ = minExpected >= MIN_EXPECTED;
  const p = useZ ? twoProportionZ(xa, na, xb, nb).pValue : fisherExact(xa, na - xa, xb, nb - xb).pValue;
  return { flag, a, b, diff: xb / nb - xa / na, ci_low: ci.low, ci_high: ci.high, test: useZ ? 'two_proportion_z' : 'fisher_exact', p_value: p };
}

export function compareSlices(a: PopulationSlice, b: PopulationSlice): Pick<ProfileComparison, 'rows' | 'scores' | 'notes'> {
  const raw = FLAG_NAMES.map((f) => {
    const ra = a.flags.find((x) => x.flag === f)!;
    const rb = b.flags.find((x) => x.flag === f)!;
    return compareRates(f, ra.count, ra.n, rb.count, rb.n);
  });
  const tested = raw.filter((r) => r.p_value !== null);
  const adjusted = holm(tested.map((r) => r.p_value!));
  const rows: ProfileCompareRow[] = raw.map((r) => {
    const k = tested.indexOf(r);
    const pAdj = k >= 0 ? adjusted[k]! : null;
    return { ...r, p_adjusted: pAdj, significant: pAdj !== null && pAdj < ALPHA };
  });
  const names = [...new Set([...a.scores, ...b.scores].map((s) => s.name))].sort();
  const scores = names.map((name) => {
    const ma = a.scores.find((s) => s.name === name)?.mean ?? null;
    const mb = b.scores.find((s) => s.name === name)?.mean ?? null;
    return { name, a: ma, b: mb, diff: ma !== null && mb !== null ? mb - ma : null };
  });
  const notes = [
    'Population-wide: every figure comes from the profile\'s exact counts, not from records in this workspace.',
    'Unpaired tests only: a profile keeps counts per group, not the records, so no item is matched across A and B (no McNemar, no Wilcoxon).',
    'Flag rates: two-proportion z-test (the same p-value as a 2x2 chi-square without continuity correction) when every expected count is at least 5, Fisher\'s exact test otherwise; Newcombe 95% intervals of B − A; Holm across the four flags.',
    'Mean scores are exact but untested: a profile holds sums and 20-bin histograms, not the per-record values a test needs.',
  ];
  return { rows, scores, notes };
}
