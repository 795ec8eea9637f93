import type { StoredProfileInfo } from '../../../shared/contract/profile-schemas';
import { formatCount, shortHash } from '../../format/format';

/** How every population-wide figure is labelled, so it is never mistaken for a workspace-record figure. */
export function populationLabel(info: Pick<StoredProfileInfo, 'records' | 'sha256'>): string {
  return `population-wide (${formatCount(info.records)} records, from profile sha256 ${shortHash(info.sha256)}…)`;
}

/** A rate as a percentage with two decimals (population rates are often well under 1%). */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(2)}%`;
}

export function formatInterval(low: number | null, high: number | null): string {
  return low === null || high === null ? '—' : `${formatRate(low)} … ${formatRate(high)}`;
}

/** A difference of rates in percentage points. */
export function formatPoints(diff: number | null): string {
  if (diff === null) return '—';
  const v = (Math.abs(diff) * 100).toFixed(2);
  return `${diff > 0 ? '+' : diff < 0 ? '−' : '±'}${v} pp`;
}

/** A group key value as shown: records without the field are "(none)". */
export function sliceLabel(value: string | null): string {
  return value ?? '(none)';
}
