import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import { attributeSampleSize } from '../../shared/stats/sample-size';
import { drawQueue } from '../review/draw-queue';
import { queueStats, queueSummary } from '../review/queue-summaries';
import { readVerdictFile } from '../review/verdict-file';
import { nextUnreviewed, recordVerdict, requireQueue, storeImported, undoVerdict } from '../review/verdicts';
import { findingsForRecord } from '../storage/findings-repo';
import { getRecord } from '../storage/records-repo';
import { itemAt, listQueueRows, queueItems, queueVerdicts, recordVerdicts } from '../storage/review-repo';
import type { Workspace } from '../storage/workspace';
import type { EventBus } from './event-bus';

type ReviewMethod = Extract<keyof Handlers, `review.${string}`>;
type ReviewHandlers = Pick<Handlers, ReviewMethod>;

export function createReviewHandlers(ws: Workspace, events: EventBus): ReviewHandlers {
  const db = ws.db;
  const changed = () => events.emit({ type: 'workspace.changed', reason: 'review' });
  return {
    async 'review.sampleSize'(plan) {
      try {
        const s = attributeSampleSize(plan);
        return { n: s.n, expected_deviations: s.expectedDeviations, model: s.model };
      } catch (err) {
        throw new ApiError('bad_request', (err as Error).message);
      }
    },
    async 'review.sample'(req) {
      const result = drawQueue(ws, req);
      changed();
      return result;
    },
    async 'review.queues'() {
      return listQueueRows(db).map((q) => queueSummary(db, q));
    },
    async 'review.items'({ queue, reviewer }) {
      const q = requireQueue(db, queue);
      const counts = new Map<number, number>();
      const mine = new Map<number, string>();
      for (const v of queueVerdicts(db, q.id)) {
        counts.set(v.record, (counts.get(v.record) ?? 0) + 1);
        if (v.reviewer === reviewer) mine.set(v.record, v.verdict);
      }
      return queueItems(db, q.id).map((i) => ({
        position: i.position, record: i.record, reviews: counts.get(i.record) ?? 0,
        mine: (mine.get(i.record) as 'pass' | 'fail' | 'unsure' | undefined) ?? null,
      }));
    },
    async 'review.item'({ queue, reviewer, position }) {
      const q = requireQueue(db, queue);
      const item = itemAt(db, q.id, position);
      if (!item) throw new ApiError('not_found', `review queue "${queue}" has no item ${position} (it has ${q.n})`);
      const record = getRecord(db, item.record);
      if (!record) throw new ApiError('not_found', `record ${item.record} no longer exists`);
      const verdicts = recordVerdicts(db, q.id, item.record);
      return {
        queue: q.name, position, total: q.n, record, findings: findingsForRecord(db, item.record),
        mine: verdicts.find((v) => v.reviewer === reviewer) ?? null,
        others: q.config.blind ? [] : verdicts.filter((v) => v.reviewer !== reviewer),
        reviews: verdicts.length,
      };
    },
    async 'review.verdict'({ queue, ...v }) {
      const q = requireQueue(db, queue);
      const verdict = recordVerdict(ws, q.name, v);
      const position = queueItems(db, q.id).find((i) => i.record === v.record)?.position ?? -1;
      changed();
      return { verdict, next: nextUnreviewed(db, q, v.reviewer, position) };
    },
    async 'review.undo'({ queue, reviewer }) {
      const undone = undoVerdict(ws, queue, reviewer);
      if (undone) changed();
      return { undone };
    },
    async 'review.import'({ queue, path }) {
      const q = requireQueue(db, queue);
      const file = readVerdictFile(db, q, path);
      const imported = storeImported(ws, q, file.verdicts, { path, sha256: file.sha256 });
      changed();
      return { queue: q.name, imported };
    },
    async 'review.stats'({ queue }) {
      return queueStats(db, requireQueue(db, queue));
    },
  };
}
