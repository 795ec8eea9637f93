import { useEffect, useRef, useState } from 'react';
import type { QueueSummary, VerdictValue } from '../../../shared/contract/review-schemas';
import { call } from '../../api/client';
import { ErrorBanner, Loading } from '../../components/feedback';
import { toError, useApi } from '../../hooks/use-api';
import { RecordView } from '../records/record-view';
import { CheatSheet } from './cheat-sheet';
import { QueueStats } from './queue-stats';
import { useReviewKeys } from './use-review-keys';
import { VerdictBar, type VerdictDraft } from './verdict-bar';

const EMPTY_DRAFT: VerdictDraft = { labels: [], comment: '', corrected: '' };

/** One queue, one record at a time, judged by keyboard; the next unreviewed item follows each verdict. */
export function ReviewWorkbench({ summary, reviewer }: { summary: QueueSummary; reviewer: string }) {
  const queue = summary.queue;
  const items = useApi('review.items', { queue, reviewer });
  const stats = useApi('review.stats', { queue });
  const [position, setPosition] = useState<number | null>(null);
  const [draft, setDraft] = useState<VerdictDraft>(EMPTY_DRAFT);
  const [labelMode, setLabelMode] = useState(false);
  const [cheat, setCheat] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const busy = useRef(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  // Open at the reviewer's first unreviewed item once the item list is in.
  useEffect(() => {
    if (position !== null || !items.data || !items.current) return;
    const open = items.data.find((i) => i.mine === null && i.reviews < summary.config.minReviews) ?? items.data.find((i) => i.mine === null);
    setPosition(open ? open.position : 0);
    if (!open) setNote('You have reviewed every item in this queue.');
  }, [items.data, items.current, position, summary.config.minReviews]);

  const item = useApi('review.item', { queue, reviewer, position: position ?? 0 });
  const current = item.current && item.data?.position === position ? item.data : undefined;
  // The draft starts from the stored verdict when a record comes up, and only then: the item reloads whenever the
  // workspace changes (an undo, another reviewer's verdict), and resetting it there would drop a label or comment
  // the reviewer entered while the reload was on its way.
  const draftRecord = useRef<number | null>(null);
  useEffect(() => {
    if (!current || draftRecord.current === current.record.id) return;
    draftRecord.current = current.record.id;
    setDraft(current.mine ? { labels: current.mine.labels, comment: current.mine.comment ?? '', corrected: current.mine.corrected_output ?? '' } : EMPTY_DRAFT);
    setLabelMode(false);
  }, [current]);

  const total = summary.n;
  const move = (delta: number) => setPosition((p) => (p === null ? p : Math.max(0, Math.min(total - 1, p + delta))));

  async function judge(verdict: VerdictValue) {
    if (!current || busy.current) return;
    busy.current = true;
    setFailure(null);
    try {
      const out = await call('review.verdict', {
        queue, reviewer, record: current.record.id, verdict, labels: draft.labels, comment: draft.comment.trim() || null,
        corrected_output: draft.corrected.trim() || null,
      });
      if (out.next === null) setNote('You have reviewed every item in this queue.');
      else { setNote(null); setPosition(out.next); }
    } catch (err) {
      setFailure(toError(err));
    } finally {
      busy.current = false;
    }
  }

  async function undo() {
    if (busy.current) return;
    busy.current = true;
    try {
      const { undone } = await call('review.undo', { queue, reviewer });
      if (!undone) setNote('Nothing to undo.');
      else {
        setNote(`Undid your verdict on record #${undone.record}.`);
        const at = items.data?.find((i) => i.record === undone.record);
        if (at) setPosition(at.position);
      }
    } catch (err) {
      setFailure(toError(err));
    } finally {
      busy.current = false;
    }
  }

  useReviewKeys({
    next: () => move(1),
    previous: () => move(-1),
    verdict: (v) => void judge(v),
    toggleLabels: () => setLabelMode((m) => !m),
    labelKey: (index) => {
      if (!labelMode) return false;
      const label = summary.config.labels[index];
      if (label) setDraft((d) => ({ ...d, labels: d.labels.includes(label) ? d.labels.filter((l) => l !== label) : [...d.labels, label] }));
      return true;
    },
    closeOverlays: () => {
      const open = labelMode || cheat;
      setLabelMode(false);
      setCheat(false);
      return open;
    },
    comment: () => commentRef.current?.focus(),
    undo: () => void undo(),
    cheatSheet: () => setCheat((c) => !c),
  });

  const mineCount = items.data?.filter((i) => i.mine !== null).length ?? 0;
  return (
    <div className="review-workbench" data-testid="review-workbench" data-queue={queue}>
      <div className="card review-progress" data-testid="review-progress">
        <span className="review-position" data-testid="review-position" data-position={position ?? ''}>
          Item {position === null ? '—' : position + 1} of {total}
        </span>
        <span data-testid="review-mine-count" data-count={mineCount}>You: {mineCount} of {total}</span>
        <span>Queue: {summary.done} of {total} done{summary.config.minReviews > 1 ? ` (${summary.config.minReviews} reviews each)` : ''}</span>
        {summary.config.blind ? <span className="badge badge-neutral" data-testid="review-blind">Blind</span> : null}
        <span className="muted review-reviewers" data-testid="review-reviewers">
          {summary.reviewers.map((r) => `${r.reviewer} ${r.reviewed}`).join(' · ')}
        </span>
        <button type="button" className="button button-small button-ghost" onClick={() => setCheat((c) => !c)} data-testid="review-keys">Keys (?)</button>
      </div>
      {cheat ? <CheatSheet onClose={() => setCheat(false)} /> : null}
      {note ? <p className="banner review-note" role="status" data-testid="review-note">{note}</p> : null}
      {failure ? <ErrorBanner error={failure} /> : null}
      {item.error ? <ErrorBanner error={item.error} onRetry={item.reload} /> : null}
      {current ? (
        <>
          <VerdictBar config={summary.config} mine={current.mine} others={current.others} draft={draft} labelMode={labelMode}
            busy={false} commentRef={commentRef} onDraft={setDraft} onVerdict={(v) => void judge(v)} />
          <article className="card review-record" data-testid="review-record" data-record={current.record.id}>
            <RecordView key={current.record.id} record={current.record} findings={current.findings} />
          </article>
        </>
      ) : item.error ? null : <Loading />}
      {stats.data ? <QueueStats stats={stats.data} blind={summary.config.blind} /> : null}
    </div>
  );
}
