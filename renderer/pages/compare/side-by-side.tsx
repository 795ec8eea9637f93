import { ErrorBanner, Loading } from '../../components/feedback';
import { useApi } from '../../hooks/use-api';
import { RecordView } from '../records/record-view';

function Side({ label, id }: { label: string; id: number }) {
  const record = useApi('records.get', { id });
  const findings = useApi('records.findings', { id });
  return (
    <section className="card compare-side" data-testid={`compare-side-${label.toLowerCase()}`}>
      <div className="card-header"><h3 className="card-title">{label}: record {id}</h3></div>
      {record.error ? <ErrorBanner error={record.error} /> : null}
      {record.data ? <RecordView record={record.data} findings={findings.data ?? []} /> : <Loading />}
    </section>
  );
}

/** Both answers to the same input, each with its claims, evidence and flags. */
export function SideBySide({ pair }: { pair: { a: number; b: number } }) {
  return (
    <div className="compare-side-by-side" data-testid="compare-side-by-side">
      <Side label="A" id={pair.a} />
      <Side label="B" id={pair.b} />
    </div>
  );
}
