// Per-pair outcome buckets (multivon-eval's diff view): an item fails when the chosen flag is set. Regressed:
// passed on A, fails on B; fixed: the reverse; still failing: both; unchanged: neither. Pairs where either side
// is unanalyzed belong to no bucket.
import type { BucketFlag, BucketItems, Buckets } from '../contract/compare-schemas';
import type { CompareItem } from './compare-item';

export const BUCKET_SAMPLE = 200;

function fails(item: CompareItem, flag: BucketFlag): boolean | null {
  const f = item.flags;
  if (!f) return null;
  return flag === 'any' ? f.hallucination || f.toxic || f.injection || f.pii : f[flag];
}

export function bucketPairs(a: readonly CompareItem[], b: readonly CompareItem[], pairs: readonly [number, number][], flag: BucketFlag): { counts: Buckets; items: BucketItems } {
  const counts: Buckets = { regressed: 0, fixed: 0, still_failing: 0, unchanged: 0 };
  const items: BucketItems = { regressed: [], fixed: [], still_failing: [], unchanged: [] };
  for (const [i, j] of pairs) {
    const fa = fails(a[i]!, flag);
    const fb = fails(b[j]!, flag);
    if (fa === null || fb === null) continue;
    const bucket = fa ? (fb ? 'still_failing' : 'fixed') : fb ? 'regressed' : 'unchanged';
    counts[bucket]++;
    if (items[bucket].length < BUCKET_SAMPLE) items[bucket].push({ a: a[i]!.recordId, b: b[j]!.recordId });
  }
  return { counts, items };
}
