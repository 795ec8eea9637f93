// Queue designs with their progress and results, for the Review page, `assay review stats` and the signed report.
import type { QueueSummary, ReviewStats } from '../../shared/contract/review-schemas';
import { reviewStats } from '../../shared/review/review-stats';
import type { Db } from '../storage/db';
import { itemFlags, listQueueRows, queueItems, queueVerdicts, type QueueRow } from '../storage/review-repo';

export function queueSummary(db: Db, q: QueueRow): QueueSummary {
  const counts = new Map<number, number>();
  const perReviewer = new Map<string, number>();
  for (const v of queueVerdicts(db, q.id)) {
    counts.set(v.record, (counts.get(v.record) ?? 0) + 1);
    perReviewer.set(v.reviewer, (perReviewer.get(v.reviewer) ?? 0) + 1);
  }
  const items = queueItems(db, q.id);
  return {
    id: q.id, queue: q.name, created_at: q.created_at, created_by: q.created_by, method: q.method, strata: q.strata, allocation: q.allocation,
    seed: q.seed, filter: q.filter, population: q.population, population_sha256: q.population_sha256, confidence: q.confidence,
    tolerable: q.tolerable, expected: q.expected, n: q.n, config: q.config,
    reviewed: items.filter((i) => counts.has(i.record)).length,
    done: items.filter((i) => (counts.get(i.record) ?? 0) >= q.config.minReviews).length,
    reviewers: [...perReviewer].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([reviewer, reviewed]) => ({ reviewer, reviewed })),
  };
}

export function queueStats(db: Db, q: QueueRow): ReviewStats {
  return reviewStats(
    { queue: q.name, n: q.n, population: q.population, method: q.method, allocation: q.allocation, confidence: q.confidence, tolerable: q.tolerable },
    itemFlags(db, q.id),
    queueVerdicts(db, q.id),
  );
}

export interface ReviewQueueReport {
  design: QueueSummary;
  results: ReviewStats;
}

/**
 * Every review queue's design (method, seed, filter, population and its sha256, confidence, tolerable and expected
 * rates, n, config), progress and results (reviewed, deviations, upper limit, conclusion, agreement, per-flag
 * precision and recall with Wilson intervals): what the signed report prints about human review.
 */
export function reviewQueueSummaries(db: Db): ReviewQueueReport[] {
  return listQueueRows(db).map((q) => ({ design: queueSummary(db, q), results: queueStats(db, q) }));
}
