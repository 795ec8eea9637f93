import type { ReactNode } from 'react';
import { PageHeader } from '../components/page-header';
import type { PageId } from '../routing/routes';

type PlannedPageId = Extract<PageId, 'drift' | 'compare' | 'review' | 'reports'>;

/** What each page will hold, from the product design; no sample data, so nothing here can be mistaken for a result. */
const PLANNED: Record<PlannedPageId, { title: string; summary: string; details: string[] }> = {
  drift: {
    title: 'Drift',
    summary: 'How the current window differs from a reference window, per column and on embeddings.',
    details: [
      'Per-feature tests chosen by column type and size (KS, chi-square, Wasserstein, Jensen-Shannon), with thresholds.',
      'Embedding drift on inputs and outputs, over time windows.',
      'Classification quality where labels exist: accuracy, precision, recall, calibration.',
    ],
  },
  compare: {
    title: 'Compare',
    summary: 'Two model or prompt versions side by side on the same questions, with confidence intervals.',
    details: [
      'Grounding, safety and PII rates per version, with the difference and its interval.',
      'Tokens, latency and cost per version from the built-in price tables.',
      'Gate policies (the same ones `assay gate` enforces in CI) shown as passed or failed.',
    ],
  },
  review: {
    title: 'Review',
    summary: 'A reproducible, risk-weighted sample of records for human verdicts.',
    details: [
      'Each answer with its unsupported claims highlighted beside the retrieved evidence.',
      'Verdicts and comments by keyboard, recorded in the audit log.',
      'Agreement between the analyzers\u2019 flags and the human verdicts.',
    ],
  },
  reports: {
    title: 'Reports',
    summary: 'Signed JSON and PDF reports that name every input by its hash.',
    details: [
      'Ed25519 signatures that anyone can check offline with `assay verify`.',
      'The audit chain\u2019s head hash and length, so any later edit to the workspace shows.',
      'A mapping of findings to regulatory requirements.',
    ],
  },
};

export function PlannedPage({ page }: { page: PlannedPageId }) {
  const plan = PLANNED[page];
  return (
    <div className="page">
      <PageHeader title={plan.title} />
      <section className="card planned" data-testid="planned-page">
        <span className="badge badge-neutral">Not yet available</span>
        <p className="planned-summary">{plan.summary}</p>
        <ul className="planned-list">
          {plan.details.map((line) => <li key={line}>{withInlineCode(line)}</li>)}
        </ul>
      </section>
    </div>
  );
}

/** Backticked words in the texts above are command names, shown as code. */
function withInlineCode(text: string): ReactNode[] {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}
