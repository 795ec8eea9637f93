import { shortHash } from '../format/format';

/** A hash cut to its first characters; the full value is on hover and is what a copy selects. */
export function HashText({ hash, length = 12 }: { hash: string | null; length?: number }) {
  if (!hash) return <span className="muted">—</span>;
  return (
    <code className="hash" title={hash} data-full={hash}>
      {shortHash(hash, length)}
    </code>
  );
}
