import { useState } from 'react';
import type { ComparisonResult } from '../../../shared/contract/compare-schemas';
import { Segmented } from '../../components/segmented';
import { formatCount } from '../../format/format';
import { formatHash } from '../../routing/routes';

type BucketName = keyof ComparisonResult['buckets'];

const BUCKETS: { value: BucketName; label: string; title: string }[] = [
  { value: 'regressed', label: 'Regressed', title: 'passed on A, fails on B' },
  { value: 'fixed', label: 'Fixed', title: 'failed on A, passes on B' },
  { value: 'still_failing', label: 'Still failing', title: 'fails on both' },
  { value: 'unchanged', label: 'Unchanged', title: 'passes on both' },
];

/** Per-pair outcome buckets with links into the records and a side-by-side view of the chosen pair. */
export function BucketsPanel({ result, selected, onSelect }: { result: ComparisonResult; selected: { a: number; b: number } | null; onSelect: (pair: { a: number; b: number }) => void }) {
  const [bucket, setBucket] = useState<BucketName>('regressed');
  if (result.mode !== 'paired') {
    return <p className="muted" data-testid="compare-buckets-unpaired">Buckets need the same inputs answered by both versions; this comparison is unpaired.</p>;
  }
  const pairs = result.bucket_items[bucket];
  return (
    <div data-testid="compare-buckets">
      <Segmented label="Bucket" testId="compare-bucket" value={bucket} onChange={setBucket}
        options={BUCKETS.map((b) => ({ ...b, label: `${b.label} (${formatCount(result.buckets[b.value])})` }))} />
      {pairs.length === 0 ? <p className="muted">No pairs in this bucket.</p> : (
        <ul className="compare-pairs" data-testid="compare-bucket-pairs">
          {pairs.map((p) => (
            <li key={`${p.a}-${p.b}`} className={selected?.a === p.a && selected.b === p.b ? 'active' : ''}>
              <button type="button" className="link-button" onClick={() => onSelect(p)} data-testid="compare-pair">A #{p.a} ↔ B #{p.b}</button>
              <a href={formatHash('records', { record: String(p.a) })}>record {p.a}</a>
              <a href={formatHash('records', { record: String(p.b) })}>record {p.b}</a>
            </li>
          ))}
        </ul>
      )}
      {result.buckets[bucket] > pairs.length ? <p className="muted">Showing the first {pairs.length} of {formatCount(result.buckets[bucket])}.</p> : null}
    </div>
  );
}
