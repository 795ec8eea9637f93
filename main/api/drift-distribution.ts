// Small distribution summaries of a column pair for the drift chart: at most DISTRIBUTION_BINS bins or
// MAX_CATEGORIES categories per side, so the UI can chart a column without fetching its rows.
import type { ColumnDistribution, ColumnDriftRow } from '../../shared/contract/drift-schemas';
import type { ColumnData } from '../../shared/drift/types';

const DISTRIBUTION_BINS = 30;
const MAX_CATEGORIES = 20;
function finiteSorted(c: ColumnData): number[] {
  const out: number[] = [];
  for (const v of c.numbers ?? []) if (Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Equal-width bins over the central 99% of both sides (tails fold into the end bins so one outlier cannot flatten the chart). */
function numericDistribution(ref: ColumnData, cur: ColumnData): ColumnDistribution | undefined {
  const r = finiteSorted(ref);
  const c = finiteSorted(cur);
  if (!r.length || !c.length) return undefined;
  const lo = Math.min(quantile(r, 0.005), quantile(c, 0.005));
  const hi = Math.max(quantile(r, 0.995), quantile(c, 0.995));
  const bins = hi > lo ? DISTRIBUTION_BINS : 1;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const shares = (values: number[]): number[] => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) counts[Math.max(0, Math.min(bins - 1, Math.floor((v - lo) / width)))]!++;
    return counts.map((n) => n / values.length);
  };
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? Math.max(hi, lo + width) : lo + i * width));
  return { kind: 'numeric', edges, reference: shares(r), current: shares(c) };
}

function categoryShares(c: ColumnData): Map<string, number> {
  const total = c.dictionaryCounts.reduce((s, n) => s + n, 0);
  return new Map(c.dictionary.map((k, i) => [k, total ? c.dictionaryCounts[i]! / total : 0]));
}

/** Shares of the most common categories of both sides; the rest are summed into "(other)". */
function categoricalDistribution(ref: ColumnData, cur: ColumnData): ColumnDistribution | undefined {
  const r = categoryShares(ref);
  const c = categoryShares(cur);
  const keys = [...new Set([...r.keys(), ...c.keys()])].sort((a, b) => (r.get(b) ?? 0) + (c.get(b) ?? 0) - (r.get(a) ?? 0) - (c.get(a) ?? 0));
  if (!keys.length) return undefined;
  const shown = keys.slice(0, MAX_CATEGORIES);
  const pick = (m: Map<string, number>): number[] => shown.map((k) => m.get(k) ?? 0);
  const out = { kind: 'categorical' as const, categories: shown, reference: pick(r), current: pick(c) };
  if (keys.length > shown.length) {
    const rest = (m: Map<string, number>, picked: number[]): number => Math.max(0, [...m.values()].reduce((s, v) => s + v, 0) - picked.reduce((s, v) => s + v, 0));
    out.categories.push('(other)');
    out.reference.push(rest(r, out.reference));
    out.current.push(rest(c, out.current));
  }
  return out;
}

export function distribution(row: ColumnDriftRow, ref: ColumnData | undefined, cur: ColumnData | undefined): ColumnDistribution | undefined {
  if (!ref || !cur) return undefined;
  if (row.type === 'numeric') return numericDistribution(ref, cur);
  if (row.type === 'categorical') return categoricalDistribution(ref, cur);
  return undefined;
}

