import { useEffect, useState } from 'react';
import type { RecordFlag } from '../../shared/contract/analysis-schemas';
import { call } from '../api/client';
import { toError } from './use-api';
import { useWorkspaceRevision } from './use-events';

export type FlagCounts = Record<RecordFlag, number> & { total: number };

const FLAGS: readonly RecordFlag[] = ['hallucination', 'toxic', 'injection', 'pii', 'any', 'unscored'];

/**
 * How many records carry each flag, from records.list totals (limit 1): the contract has no aggregate method,
 * and the same query the records page filters with keeps the two views in agreement.
 */
export function useFlagCounts(): { counts: FlagCounts | null; error: Error | null; reload: () => void } {
  const revision = useWorkspaceRevision();
  const [nonce, setNonce] = useState(0);
  const [counts, setCounts] = useState<FlagCounts | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    let live = true;
    const count = (flag?: RecordFlag) => call('records.list', { ...(flag ? { flag } : {}), limit: 1 }).then((page) => page.total);
    Promise.all([count(), ...FLAGS.map((flag) => count(flag))]).then(
      ([total = 0, ...perFlag]) => {
        if (!live) return;
        const next = { total } as FlagCounts;
        FLAGS.forEach((flag, index) => { next[flag] = perFlag[index] ?? 0; });
        setCounts(next);
        setError(null);
      },
      (e: unknown) => { if (live) setError(toError(e)); },
    );
    return () => { live = false; };
  }, [revision, nonce]);

  return { counts, error, reload: () => setNonce((n) => n + 1) };
}
