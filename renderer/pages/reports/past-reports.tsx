import { EmptyState, ErrorBanner, Loading } from '../../components/feedback';
import { HashText } from '../../components/hash-text';
import { formatTimestamp } from '../../format/format';
import { useApi } from '../../hooks/use-api';

export function PastReports() {
  const list = useApi('reports.list', {});
  if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  if (list.data.length === 0) return <EmptyState title="No reports yet">Generated reports are listed here with their hashes.</EmptyState>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="reports-table">
        <thead>
          <tr><th>Created</th><th className="num">Records</th><th className="num">Findings</th><th>report.json SHA-256</th><th>report.pdf SHA-256</th><th>Key</th><th className="num">Audit length</th><th>Tree head</th><th>Folder</th></tr>
        </thead>
        <tbody>
          {list.data.map((r) => (
            <tr key={r.id} data-testid="report-row">
              <td className="nowrap">{formatTimestamp(r.createdAt)}</td>
              <td className="num">{r.records}</td>
              <td className="num">{r.findings}</td>
              <td><HashText hash={r.jsonSha256} /></td>
              <td><HashText hash={r.pdfSha256} /></td>
              <td><HashText hash={r.keyId} /></td>
              <td className="num">{r.auditLength}</td>
              <td><HashText hash={r.merkleRoot} /></td>
              <td className="cell-truncate mono" title={r.outDir}>{r.outDir}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
