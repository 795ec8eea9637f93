import type { ReactNode } from 'react';
import type { LogRecord } from '../../../shared/contract/schemas';
import { ErrorBanner, Loading } from '../../components/feedback';
import { icons } from '../../components/icons';
import { formatCost, formatCount, formatLatency, formatTimestamp, prettyJson } from '../../format/format';
import { useApi } from '../../hooks/use-api';

/**
 * Everything about one interaction. Logged text is untrusted (a log may hold HTML or script); it is only ever
 * rendered as React text, never as markup.
 */
export function RecordDetailPanel({ id, onClose }: { id: number; onClose: () => void }) {
  const record = useApi('records.get', { id });
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
        {record.data === undefined && !record.error ? <Loading /> : null}
        {record.data && record.data.id === id ? <RecordDetail record={record.data} /> : null}
      </div>
    </aside>
  );
}

export function RecordDetail({ record }: { record: LogRecord }) {
  return (
    <>
      <dl className="kv detail-facts" data-testid="record-facts">
        <Fact label="External id">{record.externalId}</Fact>
        <Fact label="Time">{record.timestamp ? formatTimestamp(record.timestamp) : null}</Fact>
        <Fact label="Model">{record.model}{record.modelVersion ? <span className="muted"> · {record.modelVersion}</span> : null}</Fact>
        <Fact label="Prompt">{record.promptId}{record.promptVersion ? <span className="muted"> · {record.promptVersion}</span> : null}</Fact>
        <Fact label="Tokens">{formatCount(record.tokensIn)} in · {formatCount(record.tokensOut)} out</Fact>
        <Fact label="Latency">{formatLatency(record.latencyMs)}</Fact>
        <Fact label="Cost">{formatCost(record.cost)}</Fact>
        <Fact label="Asset">#{record.assetId}</Fact>
      </dl>

      <Section title="Input" testId="record-input">
        <div className="text-block">{record.input}</div>
      </Section>
      <Section title="Output" testId="record-output">
        <div className="text-block text-block-output">{record.output}</div>
      </Section>
      <Section title={`Contexts (${record.contexts.length})`} testId="record-contexts">
        {record.contexts.length === 0 ? <p className="muted">No retrieved contexts were logged.</p> : (
          <ol className="context-list">
            {record.contexts.map((context, index) => (
              <li key={index} className="context-item">
                <span className="context-index">{index + 1}</span>
                <div className="text-block">{context}</div>
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title="Metadata" testId="record-metadata">
        <MetadataTable metadata={record.metadata} />
      </Section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">—</span> : children}</dd>
    </>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="detail-section" data-testid={testId}>
      <h3 className="detail-section-title">{title}</h3>
      {children}
    </section>
  );
}

function MetadataTable({ metadata }: { metadata: Record<string, unknown> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <p className="muted">None.</p>;
  return (
    <dl className="kv">
      {entries.map(([key, value]) => (
        <Fact key={key} label={key}>
          {typeof value === 'object' && value !== null
            ? <pre className="code-block">{prettyJson(value)}</pre>
            : <span className="mono">{value === null ? 'null' : String(value)}</span>}
        </Fact>
      ))}
    </dl>
  );
}
