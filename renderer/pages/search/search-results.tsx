import type { SearchHit, SearchResult } from '../../../shared/contract/retrieval-schemas';
import { Badge } from '../../components/badge';
import { EmptyState } from '../../components/feedback';
import { formatTimestamp, truncate } from '../../format/format';

/** Neighbours with their cosine similarity, best first: a KB chunk with its document, or a record with its model and time. */
export function SearchResults({ result }: { result: SearchResult }) {
  if (result.hits.length === 0) {
    return (
      <EmptyState title="No results">
        {result.note ?? 'Nothing in this index matches the query.'}
      </EmptyState>
    );
  }
  return (
    <ol className="search-hits" data-testid="search-hits">
      {result.hits.map((hit, i) => <HitRow key={hit.id} hit={hit} rank={i + 1} />)}
    </ol>
  );
}

function HitRow({ hit, rank }: { hit: SearchHit; rank: number }) {
  const pct = Math.max(0, Math.min(1, hit.score)) * 100;
  return (
    <li className="search-hit" data-testid="search-hit" data-id={hit.id} data-score={hit.score.toFixed(4)}>
      <div className="search-hit-rank">{rank}</div>
      <div className="search-hit-body">
        <div className="search-hit-head">
          {hit.docId !== null ? (
            <>
              <span className="search-hit-title">{hit.title ?? hit.docId}</span>
              <code className="hash" title={`document ${hit.docId}, chunk ${hit.chunkIndex ?? 0}`}>{truncate(hit.docId, 48)}#{hit.chunkIndex ?? 0}</code>
            </>
          ) : (
            <>
              <a className="search-hit-title" href={`#/records?record=${hit.id}`}>Record {hit.externalId ?? hit.id}</a>
              {hit.model ? <Badge tone="info">{hit.model}</Badge> : null}
              {hit.timestamp ? <span className="muted">{formatTimestamp(hit.timestamp)}</span> : null}
            </>
          )}
        </div>
        <div className="text-block search-hit-text">{truncate(hit.text, 1200)}</div>
      </div>
      <div className="search-hit-score" title="cosine similarity">
        <span className="bar-track"><span className="bar-fill" style={{ width: `${pct}%` }} /></span>
        <span className="search-hit-value">{hit.score.toFixed(3)}</span>
      </div>
    </li>
  );
}
