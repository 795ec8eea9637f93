// Human review: each queue's sample design, progress, deviations with their upper limit against the tolerable
// rate, agreement between reviewers, and analyzer precision/recall against the verdicts, from the review domain's
// reviewQueueSummaries().
import { controlsFor } from '../../../shared/report/control-mapping';
import { roundOrNull } from '../../../shared/report/rates';
import type { ReportV1 } from '../../../shared/report/report-schema';
import { reviewQueueSummaries } from '../../review/queue-summaries';
import type { SectionContext } from './context';
import { buildExternal, type ExternalResult } from './external-section';

export function reviewSource(ctx: SectionContext): ExternalResult | null {
  const queues = reviewQueueSummaries(ctx.ws.db);
  if (queues.length === 0) return null;
  const rows = queues.map(({ design: d, results: r }) => ({
    queue: d.queue, method: d.method, seed: d.seed, population: d.population, population_sha256: d.population_sha256, n: d.n,
    reviewed: r.reviewed, done: d.done, deviations: r.deviations, confidence: r.confidence, tolerable: r.tolerable,
    upper_limit: roundOrNull(r.upper_limit_finite ?? r.upper_limit), below_tolerable: r.below_tolerable, conclusion: r.conclusion,
    kappa: roundOrNull(r.agreement.kappa), alpha: roundOrNull(r.agreement.alpha),
    analyzers: r.analyzers.map((a) => ({ flag: a.flag, precision: roundOrNull(a.precision), recall: roundOrNull(a.recall), tp: a.tp, fp: a.fp, fn: a.fn })),
  }));
  const complete = rows.filter((q) => q.reviewed >= q.n);
  const failing = complete.filter((q) => !q.below_tolerable);
  const verdict = failing.length ? 'fail' : complete.length < rows.length ? 'attention' : 'pass';
  const findings = [
    ...failing.map((q) => ({
      id: `deviations-${q.queue}`, severity: 'high', title: `Review queue "${q.queue}": deviation rate may exceed the tolerable ${(q.tolerable * 100).toFixed(1)}%`,
      detail: `${q.deviations} deviations in ${q.reviewed} reviewed records; upper limit ${q.upper_limit === null ? 'n/a' : `${(q.upper_limit * 100).toFixed(2)}%`} at ${(q.confidence * 100).toFixed(0)}% confidence. ${q.conclusion}`,
    })),
    ...rows.filter((q) => q.reviewed < q.n).map((q) => ({
      id: `incomplete-${q.queue}`, severity: 'medium', title: `Review queue "${q.queue}" is not finished`,
      detail: `${q.reviewed} of ${q.n} sampled records reviewed; its conclusion is provisional.`,
    })),
  ];
  const note = `${rows.length} review queue(s); ${complete.length} complete, ${failing.length} above the tolerable deviation rate.`;
  return { note, data: { verdict, queues: rows, findings } };
}

export function buildReview(ctx: SectionContext): Promise<ReportV1['review']> {
  return buildExternal(ctx, 'review', reviewSource, controlsFor('review'), 'no review queues in this workspace');
}
