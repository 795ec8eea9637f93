// Review queues, their items and verdicts. Writes run inside Workspace.mutate (the caller's transaction).
import type { Allocation, PopulationFilter, ReviewConfig, SamplingMethod, StrataColumn, Verdict, VerdictValue } from '../../shared/contract/review-schemas';
import type { Db } from './db';

export interface QueueRow {
  id: number;
  name: string;
  created_at: string;
  created_by: string;
  method: SamplingMethod;
  strata: StrataColumn | null;
  allocation: Allocation | null;
  seed: number;
  filter: PopulationFilter;
  population: number;
  population_sha256: string;
  confidence: number;
  tolerable: number;
  expected: number;
  n: number;
  config: ReviewConfig;
}

type StoredQueueRow = Omit<QueueRow, 'filter' | 'config'> & { filter: string; config: string };

const toQueue = (r: StoredQueueRow): QueueRow => ({ ...r, filter: JSON.parse(r.filter) as PopulationFilter, config: JSON.parse(r.config) as ReviewConfig });

export function insertQueue(db: Db, q: Omit<QueueRow, 'id'>, items: { record: number; stratum: string | null }[]): number {
  const info = db.prepare(`INSERT INTO review_queues (name, created_at, created_by, method, strata, allocation, seed, filter, population,
    population_sha256, confidence, tolerable, expected, n, config) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(q.name, q.created_at, q.created_by, q.method, q.strata, q.allocation, q.seed, JSON.stringify(q.filter), q.population,
      q.population_sha256, q.confidence, q.tolerable, q.expected, q.n, JSON.stringify(q.config));
  const id = Number(info.lastInsertRowid);
  const add = db.prepare('INSERT INTO review_items (queue_id, position, record_id, stratum) VALUES (?, ?, ?, ?)');
  items.forEach((it, i) => add.run(id, i, it.record, it.stratum));
  return id;
}

export function queueByName(db: Db, name: string): QueueRow | undefined {
  const row = db.prepare('SELECT * FROM review_queues WHERE name = ?').get(name) as StoredQueueRow | undefined;
  return row && toQueue(row);
}

export function listQueueRows(db: Db): QueueRow[] {
  return (db.prepare('SELECT * FROM review_queues ORDER BY id').all() as StoredQueueRow[]).map(toQueue);
}

export interface ItemRow {
  position: number;
  record: number;
  stratum: string | null;
}

export function queueItems(db: Db, queueId: number): ItemRow[] {
  return db.prepare('SELECT position, record_id AS record, stratum FROM review_items WHERE queue_id = ? ORDER BY position').all(queueId) as ItemRow[];
}

export function itemAt(db: Db, queueId: number, position: number): ItemRow | undefined {
  return db.prepare('SELECT position, record_id AS record, stratum FROM review_items WHERE queue_id = ? AND position = ?').get(queueId, position) as ItemRow | undefined;
}

/** The queue's record ids (verdicts may only name these). */
export function itemRecordSet(db: Db, queueId: number): Set<number> {
  return new Set(db.prepare('SELECT record_id FROM review_items WHERE queue_id = ?').pluck().all(queueId) as number[]);
}

/** External ids of the queue's records, for verdict files that name records the way their source system did. */
export function itemExternalIds(db: Db, queueId: number): Map<string, number> {
  const rows = db.prepare(`SELECT r.external_id AS ext, r.id AS id FROM review_items i JOIN records r ON r.id = i.record_id
    WHERE i.queue_id = ? AND r.external_id IS NOT NULL`).all(queueId) as { ext: string; id: number }[];
  return new Map(rows.map((r) => [r.ext, r.id]));
}

interface VerdictRow {
  record_id: number;
  reviewer: string;
  verdict: VerdictValue;
  labels: string;
  comment: string | null;
  corrected_output: string | null;
  at: string;
}

const toVerdict = (r: VerdictRow): Verdict => ({
  record: r.record_id, reviewer: r.reviewer, verdict: r.verdict, labels: JSON.parse(r.labels) as string[], comment: r.comment,
  corrected_output: r.corrected_output, at: r.at,
});

export function queueVerdicts(db: Db, queueId: number): Verdict[] {
  return (db.prepare('SELECT * FROM review_verdicts WHERE queue_id = ? ORDER BY record_id, reviewer').all(queueId) as VerdictRow[]).map(toVerdict);
}

export function recordVerdicts(db: Db, queueId: number, recordId: number): Verdict[] {
  return (db.prepare('SELECT * FROM review_verdicts WHERE queue_id = ? AND record_id = ? ORDER BY reviewer').all(queueId, recordId) as VerdictRow[]).map(toVerdict);
}

export function getVerdict(db: Db, queueId: number, recordId: number, reviewer: string): Verdict | null {
  const row = db.prepare('SELECT * FROM review_verdicts WHERE queue_id = ? AND record_id = ? AND reviewer = ?').get(queueId, recordId, reviewer) as VerdictRow | undefined;
  return row ? toVerdict(row) : null;
}

/** Sets (or with null, removes) one reviewer's verdict on a record. */
export function writeVerdict(db: Db, queueId: number, recordId: number, reviewer: string, v: Verdict | null): void {
  if (v === null) {
    db.prepare('DELETE FROM review_verdicts WHERE queue_id = ? AND record_id = ? AND reviewer = ?').run(queueId, recordId, reviewer);
    return;
  }
  db.prepare(`INSERT INTO review_verdicts (queue_id, record_id, reviewer, verdict, labels, comment, corrected_output, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (queue_id, record_id, reviewer) DO UPDATE SET verdict = excluded.verdict,
    labels = excluded.labels, comment = excluded.comment, corrected_output = excluded.corrected_output, at = excluded.at`)
    .run(queueId, recordId, reviewer, v.verdict, JSON.stringify(v.labels), v.comment, v.corrected_output, v.at);
}

export function addHistory(db: Db, queueId: number, recordId: number, reviewer: string, oldV: Verdict | null, newV: Verdict | null, at: string): void {
  db.prepare('INSERT INTO review_verdict_history (queue_id, record_id, reviewer, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(queueId, recordId, reviewer, oldV && JSON.stringify(oldV), newV && JSON.stringify(newV), at);
}

export interface HistoryEntry {
  id: number;
  record: number;
  old: Verdict | null;
  new: Verdict | null;
}

/** The reviewer's latest change in this queue that has not been undone. */
export function lastUndoable(db: Db, queueId: number, reviewer: string): HistoryEntry | undefined {
  const row = db.prepare(`SELECT id, record_id, old_value, new_value FROM review_verdict_history
    WHERE queue_id = ? AND reviewer = ? AND undone = 0 ORDER BY id DESC LIMIT 1`).get(queueId, reviewer) as
    { id: number; record_id: number; old_value: string | null; new_value: string | null } | undefined;
  if (!row) return undefined;
  const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as Verdict));
  return { id: row.id, record: row.record_id, old: parse(row.old_value), new: parse(row.new_value) };
}

export function markUndone(db: Db, historyId: number): void {
  db.prepare('UPDATE review_verdict_history SET undone = 1 WHERE id = ?').run(historyId);
}

/** Per item: the analyzer flags of its record's latest analysis (null when never analyzed). */
export function itemFlags(db: Db, queueId: number): { record: number; flags: string[] | null }[] {
  const rows = db.prepare(`SELECT i.record_id AS record, s.record_id AS scored, s.flag_hallucination AS h, s.flag_toxic AS t,
    s.flag_injection AS j, s.flag_pii AS p FROM review_items i LEFT JOIN record_scores s ON s.record_id = i.record_id
    WHERE i.queue_id = ? ORDER BY i.position`).all(queueId) as { record: number; scored: number | null; h: number; t: number; j: number; p: number }[];
  return rows.map((r) => ({
    record: r.record,
    flags: r.scored === null ? null : [r.h && 'hallucination', r.t && 'toxic', r.j && 'injection', r.p && 'pii'].filter((f): f is string => typeof f === 'string'),
  }));
}
