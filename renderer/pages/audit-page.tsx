import { Fragment, useState } from 'react';
import type { AuditEntry } from '../../shared/contract/schemas';
import { Badge } from '../components/badge';
import { EmptyState, ErrorBanner, Loading } from '../components/feedback';
import { HashText } from '../components/hash-text';
import { PageHeader } from '../components/page-header';
import { formatCount, formatTimestamp, prettyJson, summarizePayload } from '../format/format';
import { useApi } from '../hooks/use-api';
import { ChainBanner } from './audit/chain-banner';

const PAGE_SIZE = 100;

export function AuditPage() {
  const [offset, setOffset] = useState(0);
  const chain = useApi('audit.verify', {});
  const entries = useApi('audit.list', { offset, limit: PAGE_SIZE });
  const total = entries.data?.total ?? 0;

  return (
    <div className="page">
      <PageHeader
        title="Audit log"
        subtitle="Every change made to this workspace. Each entry's hash covers the entry and the hash before it, so an edit anywhere breaks the chain."
      />
      {chain.error ? <ErrorBanner error={chain.error} onRetry={chain.reload} /> : null}
      {chain.data ? <ChainBanner status={chain.data} verifying={chain.loading} onVerify={chain.reload} /> : null}
      {!chain.data && !chain.error ? <Loading label="Verifying the chain…" /> : null}

      <section className="card">
        <div className="card-header">
          <h2 className="card-title">Entries</h2>
          <Pager offset={offset} total={total} onChange={setOffset} />
        </div>
        {entries.error ? <ErrorBanner error={entries.error} onRetry={entries.reload} /> : null}
        {entries.data === undefined && !entries.error ? <Loading /> : null}
        {entries.data?.rows.length === 0 ? <EmptyState title="No entries">Nothing has changed this workspace yet.</EmptyState> : null}
        {entries.data && entries.data.rows.length > 0
          ? <AuditTable rows={entries.data.rows} firstBadSeq={chain.data?.firstBadSeq ?? null} />
          : null}
      </section>
    </div>
  );
}

function AuditTable({ rows, firstBadSeq }: { rows: AuditEntry[]; firstBadSeq: number | null }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="table-scroll">
      <table className="data-table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th className="num">Seq</th>
            <th>At</th>
            <th>Actor</th>
            <th>Action</th>
            <th>Payload</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => {
            const bad = firstBadSeq !== null && entry.seq >= firstBadSeq;
            const expanded = open === entry.seq;
            return (
              <Fragment key={entry.seq}>
                <tr
                  className={`clickable${bad ? ' row-bad' : ''}${expanded ? ' row-selected' : ''}`}
                  data-testid="audit-row"
                  data-seq={entry.seq}
                  onClick={() => setOpen(expanded ? null : entry.seq)}
                  aria-expanded={expanded}
                >
                  <td className="num mono">{entry.seq}</td>
                  <td className="nowrap">{formatTimestamp(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td><Badge tone={bad ? 'danger' : 'neutral'}>{entry.action}</Badge></td>
                  <td className="cell-truncate" title={summarizePayload(entry.payload, 2000)}>{summarizePayload(entry.payload)}</td>
                  <td><HashText hash={entry.hash} /></td>
                </tr>
                {expanded ? (
                  <tr className="row-expansion">
                    <td colSpan={6}>
                      <dl className="kv kv-wide">
                        <dt>Hash</dt><dd><code className="hash-full">{entry.hash}</code></dd>
                        <dt>Previous hash</dt><dd><code className="hash-full">{entry.prevHash}</code></dd>
                        <dt>Payload</dt><dd><pre className="code-block">{prettyJson(entry.payload)}</pre></dd>
                      </dl>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ offset, total, onChange }: { offset: number; total: number; onChange: (offset: number) => void }) {
  if (total === 0) return null;
  const last = Math.min(offset + PAGE_SIZE, total);
  return (
    <div className="pager" data-testid="audit-pager">
      <span className="card-meta">{formatCount(offset + 1)}–{formatCount(last)} of {formatCount(total)}</span>
      <button type="button" className="button button-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - PAGE_SIZE))}>Previous</button>
      <button type="button" className="button button-small" disabled={last >= total} onClick={() => onChange(offset + PAGE_SIZE)}>Next</button>
    </div>
  );
}
