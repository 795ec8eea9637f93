import { ErrorBanner } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useApi } from '../../hooks/use-api';
import { navigate } from '../../routing/router';
import { QueueList } from './queue-list';
import { ReviewerForm } from './reviewer-form';
import { ReviewWorkbench } from './review-workbench';
import { SampleForm } from './sample-form';
import { useReviewer } from './use-reviewer';
import './review.css';

/** Review: reproducible samples drawn as queues, judged one record at a time, with agreement and the audit conclusion. */
export function ReviewPage({ params }: { params: Readonly<Record<string, string>> }) {
  const [reviewer, setReviewer] = useReviewer();
  const queues = useApi('review.queues', {});
  const facets = useApi('records.facets', {});
  const selected = params.queue ?? queues.data?.at(-1)?.queue;
  const summary = queues.data?.find((q) => q.queue === selected);
  const open = (queue: string) => navigate('review', { queue });
  return (
    <div className="page review-page">
      <PageHeader
        title="Review"
        subtitle="Seeded samples for human verdicts; every verdict and undo goes on the audit log."
        actions={reviewer ? (
          <span className="review-who" data-testid="reviewer-current">
            Reviewing as <strong>{reviewer}</strong>
            <button type="button" className="button button-small button-ghost" onClick={() => setReviewer(null)} data-testid="reviewer-change">Change</button>
          </span>
        ) : null}
      />
      {queues.error ? <ErrorBanner error={queues.error} onRetry={queues.reload} /> : null}
      {!reviewer ? <ReviewerForm onSet={setReviewer} /> : (
        <div className="review-layout">
          <aside className="review-side">
            <QueueList queues={queues.data ?? []} selected={selected} onSelect={open} />
            <SampleForm facets={facets.data} onCreated={open} />
          </aside>
          {summary ? <ReviewWorkbench key={`${summary.queue}:${reviewer}`} summary={summary} reviewer={reviewer} /> : null}
        </div>
      )}
    </div>
  );
}
