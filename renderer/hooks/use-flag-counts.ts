import type { RecordFlag } from '../../shared/contract/analysis-schemas';
import { useApi } from './use-api';

export type FlagCounts = Record<RecordFlag, number> & { total: number };

/** How many records carry each flag of the latest analysis, from one records.stats call. */
export function useFlagCounts(): { counts: FlagCounts | null; error: Error | null; reload: () => void } {
  const stats = useApi('records.stats', {});
  const s = stats.data;
  const counts: FlagCounts | null = s
    ? { total: s.count, unscored: s.unscored, ...s.flags }
    : null;
  return { counts, error: stats.error ?? null, reload: stats.reload };
}
