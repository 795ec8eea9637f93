import type { ImportPreview, QuarantineEntry } from '../../../shared/contract/import-schemas';
import { Badge } from '../../components/badge';
import { truncate } from '../../format/format';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return truncate(typeof v === 'string' ? v : JSON.stringify(v), 120);
}

/** The first rows exactly as they will be stored, and what the first rows would send to quarantine. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const columns = [...new Set(preview.rows.flatMap((r) => Object.keys(r)))].slice(0, 12);
  return (
    <div className="import-steps" data-testid="import-preview">
      <div className="import-actions">
        <Badge tone="info">{preview.spec.kind}</Badge>
        <Badge tone="accent">{preview.spec.format}</Badge>
        {preview.compressed ? <Badge>gzip</Badge> : null}
        <span>{preview.reason}</span>
      </div>
      {preview.warnings.map((w) => <div key={w} className="banner banner-info"><span className="banner-text">{w}</span></div>)}
      {preview.rows.length === 0 ? <div className="muted">No rows in the first part of the file would be stored.</div> : (
        <div className="table-scroll">
          <table className="data-table">
            <thead><tr>{columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>
              {preview.rows.map((r, i) => <tr key={i}>{columns.map((c) => <td key={c} className="cell-truncate">{cell(r[c])}</td>)}</tr>)}
            </tbody>
          </table>
        </div>
      )}
      {preview.quarantine.length ? <QuarantineList rows={preview.quarantine} /> : null}
    </div>
  );
}

export function QuarantineList({ rows }: { rows: QuarantineEntry[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="import-quarantine">
        <thead><tr><th>File</th><th className="num">Line / byte</th><th>Field</th><th>Reason</th></tr></thead>
        <tbody>
          {rows.map((q, i) => (
            <tr key={i}>
              <td className="mono cell-truncate" title={q.file}>{q.file.split(/[\\/]/).pop()}</td>
              <td className="num">{q.line ?? (q.byteOffset !== null ? `@${q.byteOffset}` : '—')}</td>
              <td>{q.field ?? '—'}</td>
              <td>{q.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
