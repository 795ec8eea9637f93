import type { RecordExportFormat, RecordExportQuery } from '../../../shared/contract/records-schemas';
import type { RecordCursor } from '../../../shared/contract/schemas';
import { call } from '../../api/client';

export interface ExportProgress { rows: number; total: number | null }

/**
 * Fetches an export of the current view chunk by chunk (PII masking is done in main, unless the user opted in)
 * and hands it to the browser as a download; no path on disk is ever named by the page.
 */
export async function downloadRecords(
  query: Omit<RecordExportQuery, 'after' | 'format' | 'limit'>, format: RecordExportFormat, total: number | null,
  onProgress: (p: ExportProgress) => void, signal: AbortSignal,
): Promise<number> {
  const parts: string[] = [];
  let rows = 0;
  let after: RecordCursor | undefined;
  for (;;) {
    if (signal.aborted) throw new DOMException('export cancelled', 'AbortError');
    const chunk = await call('records.exportChunk', { ...query, format, limit: 2000, after });
    parts.push(chunk.text);
    rows += chunk.rows;
    onProgress({ rows, total });
    if (!chunk.next) break;
    after = chunk.next;
  }
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/x-ndjson;charset=utf-8';
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `records-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return rows;
}
