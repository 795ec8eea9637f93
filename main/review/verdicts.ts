// Recording, undoing and importing verdicts. Each change goes through Workspace.mutate: the verdict, its history row
// (for undo) and the audit entry naming who, queue, record, old and new value land together or not at all.
import { ApiError } from '../../shared/contract/bridge';
import type { Verdict, VerdictValue } from '../../shared/contract/review-schemas';
import type { Db } from '../storage/db';
import {
  addHistory, getVerdict, itemRecordSet, lastUndoable, markUndone, queueByName, queueItems, queueVerdicts, writeVerdict, type QueueRow,
} from '../storage/review-repo';
import type { Workspace } from '../storage/workspace';

export interface VerdictInput {
  record: number;
  reviewer: string;
  verdict: VerdictValue;
  labels: string[];
  comment: string | null;
  corrected_output: string | null;
}

export function requireQueue(db: Db, name: string): QueueRow {
  const q = queueByName(db, name);
  if (!q) throw new ApiError('not_found', `review queue "${name}" does not exist`);
  return q;
}

/** Why this verdict cannot be stored in this queue, or null when it can. */
export function verdictProblem(q: QueueRow, records: Set<number>, v: VerdictInput): string | null {
  if (!records.has(v.record)) return `record ${v.record} is not in review queue "${q.name}"`;
  if (q.config.assignees.length && !q.config.assignees.includes(v.reviewer)) {
    return `reviewer "${v.reviewer}" is not assigned to queue "${q.name}" (assigned: ${q.config.assignees.join(', ')})`;
  }
  const unknown = v.labels.filter((l) => !q.config.labels.includes(l));
  if (unknown.length) return `unknown label ${unknown.join(', ')} (queue labels: ${q.config.labels.join(', ')})`;
  if (v.corrected_output !== null && !q.config.allowCorrection) return `queue "${q.name}" does not take corrected outputs`;
  return null;
}

const brief = (v: Verdict | null) => v && { verdict: v.verdict, labels: v.labels, comment: v.comment, corrected_output: v.corrected_output };

function store(db: Db, q: QueueRow, v: VerdictInput, at: string): { old: Verdict | null; new: Verdict } {
  const old = getVerdict(db, q.id, v.record, v.reviewer);
  const next: Verdict = { ...v, labels: [...new Set(v.labels)], at };
  writeVerdict(db, q.id, v.record, v.reviewer, next);
  addHistory(db, q.id, v.record, v.reviewer, old, next, at);
  return { old, new: next };
}

/** Stores one reviewer's verdict on one record of the queue (replacing their earlier one). */
export function recordVerdict(ws: Workspace, queue: string, v: VerdictInput): Verdict {
  const q = requireQueue(ws.db, queue);
  const problem = verdictProblem(q, itemRecordSet(ws.db, q.id), v);
  if (problem) throw new ApiError(problem.startsWith('record') ? 'not_found' : 'bad_request', problem);
  const change = ws.mutate('review.verdict', (db) => store(db, q, v, new Date().toISOString()),
    (c) => ({ queue: q.name, record: v.record, reviewer: v.reviewer, old: brief(c.old), new: brief(c.new) }));
  return change.new;
}

/** Reverts the reviewer's latest change in the queue (again and again, back to the first). */
export function undoVerdict(ws: Workspace, queue: string, reviewer: string): { record: number; old: Verdict | null; new: Verdict | null } | null {
  const q = requireQueue(ws.db, queue);
  const last = lastUndoable(ws.db, q.id, reviewer);
  if (!last) return null;
  return ws.mutate('review.verdict.undo', (db) => {
    writeVerdict(db, q.id, last.record, reviewer, last.old);
    markUndone(db, last.id);
    return { record: last.record, old: last.new, new: last.old };
  }, (u) => ({ queue: q.name, record: u.record, reviewer, old: brief(u.old), new: brief(u.new) }));
}

/** Stores many verdicts (already checked) in one transaction with one audit entry listing each change. */
export function storeImported(ws: Workspace, q: QueueRow, verdicts: VerdictInput[], source: { path: string; sha256: string }): number {
  return ws.mutate('review.verdicts.imported', (db) => {
    const at = new Date().toISOString();
    return verdicts.map((v) => ({ v, change: store(db, q, v, at) }));
  }, (changes) => ({
    queue: q.name, file: source.path, file_sha256: source.sha256, count: changes.length,
    verdicts: changes.map(({ v, change }) => ({ record: v.record, reviewer: v.reviewer, old: brief(change.old), new: brief(change.new) })),
  })).length;
}

/**
 * The first item, after the current order, that this reviewer has not judged and that still needs reviews;
 * items other reviewers already brought to the minimum come last (double review should not over-collect).
 */
export function nextUnreviewed(db: Db, q: QueueRow, reviewer: string, after = -1): number | null {
  const counts = new Map<number, number>();
  const mine = new Set<number>();
  for (const v of queueVerdicts(db, q.id)) {
    counts.set(v.record, (counts.get(v.record) ?? 0) + 1);
    if (v.reviewer === reviewer) mine.add(v.record);
  }
  const items = queueItems(db, q.id);
  const open = items.filter((i) => !mine.has(i.record) && (counts.get(i.record) ?? 0) < q.config.minReviews);
  const pick = open.find((i) => i.position > after) ?? open[0];
  return pick ? pick.position : null;
}
