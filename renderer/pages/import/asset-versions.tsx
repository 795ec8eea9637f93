import { Badge } from '../../components/badge';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { HashText } from '../../components/hash-text';
import { formatCount, formatTimestamp } from '../../format/format';
import { useApi } from '../../hooks/use-api';

/**
 * Every import run: the asset version it made, its source and content hashes, and its ledger. Meant for the
 * workspace (Overview) page, next to the assets list.
 */
export function AssetVersionsPanel() {
  const runs = useApi('import.history', {});
  return (
    <section className="card" data-testid="import-history">
      <div className="card-header">
        <h2 className="card-title">Imports and versions</h2>
        <span className="card-meta">{runs.data ? `${formatCount(runs.data.length)} imports` : null}</span>
      </div>
      {runs.error ? <ErrorBanner error={runs.error} onRetry={runs.reload} /> : null}
      {runs.data === undefined && !runs.error ? <Loading /> : null}
      {runs.data?.length === 0 ? <EmptyState title="Nothing imported yet"><a href="#/import">Import logs, a dataset or a knowledge base</a></EmptyState> : null}
      {runs.data && runs.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr><th>Asset</th><th>Format</th><th className="num">Input</th><th className="num">Imported</th><th className="num">Quarantined</th><th className="num">Duplicates</th><th>Source SHA-256</th><th>Content SHA-256</th><th>Finished</th></tr>
            </thead>
            <tbody>
              {runs.data.map((r) => (
                <tr key={r.importId} data-testid="import-history-row">
                  <td><div className="cell-strong">{r.name} {r.version !== null ? `v${r.version}` : ''}</div><div className="cell-sub">{r.kind}{r.assetId === null ? ' · nothing stored' : ''}</div></td>
                  <td><Badge>{r.format}</Badge></td>
                  <td className="num">{formatCount(r.inputCount)}</td>
                  <td className="num">{formatCount(r.imported)}</td>
                  <td className="num">{r.quarantined ? <Badge tone="warning">{formatCount(r.quarantined)}</Badge> : '0'}</td>
                  <td className="num">{formatCount(r.duplicates)}</td>
                  <td><HashText hash={r.sha256} /></td>
                  <td><HashText hash={r.contentSha256} /></td>
                  <td className="nowrap">{formatTimestamp(r.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
