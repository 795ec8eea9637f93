import { ErrorBanner, Loading } from '../../components/feedback';
import { icons } from '../../components/icons';
import { useApi } from '../../hooks/use-api';
import { RecordPromptAsset } from './record-prompt-asset';
import { RecordView } from './record-view';

/** The side panel on the records page: loads one record and its analyzers' findings, and shows them. */
export function RecordDetailPanel({ id, onClose }: { id: number; onClose: () => void }) {
  const record = useApi('records.get', { id });
  const findings = useApi('records.findings', { id });
  return (
    <aside className="detail-panel" data-testid="record-detail" aria-label={`Record ${id}`}>
      <div className="detail-header">
        <div>
          <div className="detail-eyebrow">Record</div>
          <h2 className="detail-title">#{id}</h2>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close record" title="Close (Esc)" data-testid="record-detail-close">
          {icons.close}
        </button>
      </div>
      <div className="detail-body">
        {record.error ? <ErrorBanner error={record.error} onRetry={record.reload} /> : null}
        {findings.error && !record.error ? <ErrorBanner error={findings.error} onRetry={findings.reload} /> : null}
        {record.data?.id === id
          // Keyed by id so a selected claim does not carry over to the next record.
          ? <RecordView key={id} record={record.data} findings={findings.current ? findings.data : undefined}
            promptAsset={record.data.promptId ? <RecordPromptAsset promptId={record.data.promptId} promptVersion={record.data.promptVersion} /> : null} />
          : record.error ? null : <Loading />}
      </div>
    </aside>
  );
}
