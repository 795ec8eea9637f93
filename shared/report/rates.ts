import { wilsonInterval } from '../stats/proportions';
import type { RateStat } from './report-schema';

/** Six decimals: enough for any rate or mean a reader compares, and stable when the report is rebuilt to verify it. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function roundOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? round6(x) : null;
}

/** A count out of `of` with its 95% Wilson interval; rate and interval are null when nothing was measured. */
export function rateStat(count: number, of: number): RateStat {
  if (of === 0) return { count, of, rate: null, ci95: null };
  const ci = wilsonInterval(count, of, 0.95);
  return { count, of, rate: round6(count / of), ci95: [round6(ci.low), round6(ci.high)] };
}

export function percent(stat: RateStat, digits = 2): string {
  return stat.rate === null ? 'n/a' : `${(stat.rate * 100).toFixed(digits)}%`;
}

export function ciText(stat: RateStat, digits = 2): string {
  return stat.ci95 === null ? '' : `95% CI ${(stat.ci95[0] * 100).toFixed(digits)}-${(stat.ci95[1] * 100).toFixed(digits)}%`;
}
