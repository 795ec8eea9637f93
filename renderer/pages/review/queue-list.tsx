import type { QueueSummary } from '../../../shared/contract/review-schemas';
import { HashText } from '../../components/hash-text';

/** The workspace's review queues with their design and progress; selecting one opens it. */
export function QueueList({ queues, selected, onSelect }: { queues: QueueSummary[]; selected: string | undefined; onSelect: (queue: string) => void }) {
  if (queues.length === 0) return <p className="muted review-empty">No review queues yet. Draw a sample to start.</p>;
  return (
    <ul className="review-queues" data-testid="review-queues">
      {queues.map((q) => (
        <li key={q.id}>
          <button type="button" className={`review-queue${q.queue === selected ? ' review-queue-active' : ''}`} data-testid="review-queue"
            data-queue={q.queue} onClick={() => onSelect(q.queue)}>
            <span className="review-queue-name">{q.queue}</span>
            <span className="muted review-queue-meta">
              {q.method}{q.strata ? ` by ${q.strata}` : ''} · {q.n} of {q.population} · seed {q.seed}{q.config.blind ? ' · blind' : ''}
            </span>
            <span className="progress-track" aria-hidden="true"><span className="progress-fill" style={{ width: `${q.n ? (100 * q.done) / q.n : 0}%` }} /></span>
            <span className="muted review-queue-meta">{q.done} of {q.n} done · population <HashText hash={q.population_sha256} length={10} /></span>
          </button>
        </li>
      ))}
    </ul>
  );
}
