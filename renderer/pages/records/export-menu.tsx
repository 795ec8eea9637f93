import { useRef, useState } from 'react';
import type { RecordExportFormat, RecordExportQuery } from '../../../shared/contract/records-schemas';
import { formatCount } from '../../format/format';
import { toError } from '../../hooks/use-api';
import { downloadRecords, type ExportProgress } from './export-records';

interface Props {
  query: Omit<RecordExportQuery, 'after' | 'format' | 'limit'>;
  total: number | null;
}

/** Exports the records the table shows, in its order, as CSV or JSONL; masked unless personal data is shown. */
export function ExportMenu({ query, total }: Props) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function run(format: RecordExportFormat) {
    abort.current = new AbortController();
    setMessage(null);
    setProgress({ rows: 0, total });
    try {
      const rows = await downloadRecords(query, format, total, setProgress, abort.current.signal);
      setMessage(`Exported ${formatCount(rows)} records${query.revealPii ? ' with personal data shown' : ', personal data masked'}.`);
    } catch (err) {
      const error = toError(err);
      setMessage(error.name === 'AbortError' ? 'Export cancelled.' : `Export failed: ${error.message}`);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  return (
    <div className="export-menu" data-testid="records-export">
      {progress ? (
        <>
          <span className="muted" data-testid="records-export-progress">
            Exporting {formatCount(progress.rows)}{progress.total !== null ? ` of ${formatCount(progress.total)}` : ''}…
          </span>
          <button type="button" className="button button-ghost" onClick={() => abort.current?.abort()}>Cancel</button>
        </>
      ) : (
        <>
          <button type="button" className="button button-ghost" onClick={() => void run('csv')} data-testid="records-export-csv">Export CSV</button>
          <button type="button" className="button button-ghost" onClick={() => void run('jsonl')} data-testid="records-export-jsonl">Export JSONL</button>
        </>
      )}
      {message ? <span className="muted" role="status" data-testid="records-export-message">{message}</span> : null}
    </div>
  );
}
