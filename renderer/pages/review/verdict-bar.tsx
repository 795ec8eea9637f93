import type { RefObject } from 'react';
import type { ReviewConfig, Verdict, VerdictValue } from '../../../shared/contract/review-schemas';

export interface VerdictDraft {
  labels: string[];
  comment: string;
  corrected: string;
}

interface Props {
  config: ReviewConfig;
  mine: Verdict | null;
  others: Verdict[];
  draft: VerdictDraft;
  labelMode: boolean;
  busy: boolean;
  commentRef: RefObject<HTMLTextAreaElement | null>;
  onDraft: (draft: VerdictDraft) => void;
  onVerdict: (value: VerdictValue) => void;
}

const BUTTONS: ReadonlyArray<[VerdictValue, string, string]> = [['pass', '1', 'Pass'], ['fail', '2', 'Fail'], ['unsure', '3', 'Unsure']];

/** Verdict buttons, labels, comment and corrected output; everything also reachable by keyboard. */
export function VerdictBar({ config, mine, others, draft, labelMode, busy, commentRef, onDraft, onVerdict }: Props) {
  const toggle = (label: string) => onDraft({ ...draft, labels: draft.labels.includes(label) ? draft.labels.filter((l) => l !== label) : [...draft.labels, label] });
  return (
    <section className="card review-verdict" data-testid="verdict-bar">
      <div className="review-verdict-buttons">
        {BUTTONS.map(([value, key, text]) => (
          <button key={value} type="button" disabled={busy} data-testid={`verdict-${value}`}
            className={`button review-verdict-${value}${mine?.verdict === value ? ' review-verdict-chosen' : ''}`} onClick={() => onVerdict(value)}>
            <kbd>{key}</kbd> {text}
          </button>
        ))}
        <span className="muted review-mine" data-testid="verdict-mine">{mine ? `Your verdict: ${mine.verdict}` : 'Not reviewed by you'}</span>
      </div>
      <div className={`review-labels${labelMode ? ' review-labels-open' : ''}`} data-testid="review-labels" data-open={labelMode}>
        {config.labels.map((label, i) => (
          <label key={label} className="review-label">
            <input type="checkbox" checked={draft.labels.includes(label)} onChange={() => toggle(label)} data-testid="review-label" data-label={label} />
            {labelMode && i < 9 ? <kbd>{i + 1}</kbd> : null} {label}
          </label>
        ))}
      </div>
      <textarea ref={commentRef} className="text-input review-comment" rows={2} placeholder="Comment (c)" maxLength={10000} value={draft.comment}
        data-testid="review-comment" onChange={(e) => onDraft({ ...draft, comment: e.target.value })} />
      {config.allowCorrection ? (
        <details className="review-correction">
          <summary>Corrected output</summary>
          <textarea className="text-input" rows={3} maxLength={200000} value={draft.corrected} data-testid="review-corrected"
            onChange={(e) => onDraft({ ...draft, corrected: e.target.value })} />
        </details>
      ) : null}
      {others.length > 0 ? (
        <p className="muted" data-testid="review-others">
          Other reviewers: {others.map((o) => `${o.reviewer}: ${o.verdict}`).join(' · ')}
        </p>
      ) : null}
    </section>
  );
}
