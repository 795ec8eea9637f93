import type { ScoreLine } from '../../shared/engine/score-record';
import type { Db } from './db';

/** One finding as stored: its JSON columns already encoded (workers encode them, which is cheaper to pass on). */
export interface StoredFindingRow {
  analyzerId: string;
  analyzerVersion: string;
  paramsHash: string;
  scores: string;
  spans: string;
  explanation: string;
  details: string | null;
}

/** A scored record as stored: headline scores and flags, and its findings. */
export interface ScoredRow {
  scores: ScoreLine['scores'];
  flags: ScoreLine['flags'];
  findings: StoredFindingRow[];
}

export interface AnalyzerStamp {
  id: string;
  version: string;
  params: unknown;
  paramsHash: string;
}

export interface AnalysisRun {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  analyzers: AnalyzerStamp[];
  kbIndex: unknown;
  total: number;
  scored: number;
  message: string | null;
}

interface RunRow {
  id: number; started_at: string; finished_at: string | null; status: AnalysisRun['status'];
  analyzers: string; kb_index: string | null; total: number; scored: number; message: string | null;
}

const toRun = (r: RunRow): AnalysisRun => ({
  id: r.id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, analyzers: JSON.parse(r.analyzers) as AnalyzerStamp[],
  kbIndex: r.kb_index === null ? null : JSON.parse(r.kb_index), total: r.total, scored: r.scored, message: r.message,
});

// Runs left 'running' by a stopped process are closed in run-locks-repo (markRunsInterrupted).

export function createRun(db: Db, analyzers: AnalyzerStamp[], kbIndex: unknown, total: number): number {
  const info = db.prepare("INSERT INTO analysis_runs (started_at, status, analyzers, kb_index, total) VALUES (?, 'running', ?, ?, ?)")
    .run(new Date().toISOString(), JSON.stringify(analyzers), kbIndex === null ? null : JSON.stringify(kbIndex), total);
  return Number(info.lastInsertRowid);
}

export function finishRun(db: Db, runId: number, status: AnalysisRun['status'], message: string | null): void {
  db.prepare('UPDATE analysis_runs SET status = ?, finished_at = ?, message = ? WHERE id = ?').run(status, new Date().toISOString(), message, runId);
}

export function getRun(db: Db, runId: number): AnalysisRun | undefined {
  const row = db.prepare('SELECT * FROM analysis_runs WHERE id = ?').get(runId) as RunRow | undefined;
  return row && toRun(row);
}

export function listRuns(db: Db): AnalysisRun[] {
  return (db.prepare('SELECT * FROM analysis_runs ORDER BY id DESC').all() as RunRow[]).map(toRun);
}

/** Records that still lack a finding from at least one of these exact analyzer versions and params. */
export function unscoredRecordIds(db: Db, stamps: AnalyzerStamp[], assetId?: number): number[] {
  const match = stamps.map(() => '(f.analyzer_id = ? AND f.analyzer_version = ? AND f.params_hash = ?)').join(' OR ');
  const args = stamps.flatMap((s) => [s.id, s.version, s.paramsHash]);
  const assetSql = assetId === undefined ? '' : 'AND r.asset_id = ?';
  const sql = `SELECT r.id FROM records r WHERE (SELECT count(*) FROM findings f WHERE f.record_id = r.id AND (${match})) < ? ${assetSql} ORDER BY r.id`;
  return db.prepare(sql).pluck().all(...args, stamps.length, ...(assetId === undefined ? [] : [assetId])) as number[];
}

export interface RecordText { id: number; input: string; output: string; contexts: string }

export function recordTexts(db: Db, ids: number[]): RecordText[] {
  if (ids.length === 0) return [];
  return db.prepare(`SELECT id, input, output, contexts FROM records WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids) as RecordText[];
}

/** Stores one record's findings and its headline scores; call inside the batch's transaction. */
export function findingsWriter(db: Db, runId: number): (recordId: number, row: ScoredRow) => void {
  const finding = db.prepare(`INSERT OR REPLACE INTO findings (record_id, analyzer_id, analyzer_version, params_hash, run_id, scores, spans, explanation, details)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const headline = db.prepare(`INSERT OR REPLACE INTO record_scores (record_id, run_id, grounding, answer_relevance, context_relevance, toxicity,
    input_toxicity, injection, context_injection, pii, flag_hallucination, flag_toxic, flag_injection, flag_pii)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (recordId, row) => {
    for (const f of row.findings) finding.run(recordId, f.analyzerId, f.analyzerVersion, f.paramsHash, runId, f.scores, f.spans, f.explanation, f.details);
    const s = row.scores;
    const flags = row.flags;
    const n = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    headline.run(recordId, runId, n(s.grounding), n(s.answer_relevance), n(s.context_relevance), n(s.toxicity), n(s.input_toxicity),
      n(s.injection), n(s.context_injection), n(s.pii), +flags.hallucination, +flags.toxic, +flags.injection, +flags.pii);
  };
}

export function addScored(db: Db, runId: number, n: number): void {
  db.prepare('UPDATE analysis_runs SET scored = scored + ? WHERE id = ?').run(n, runId);
}

export interface StoredFinding {
  analyzerId: string; analyzerVersion: string; paramsHash: string; runId: number;
  scores: Record<string, number | null>; spans: unknown[]; explanation: string; details: Record<string, unknown> | null;
}

export function findingsForRecord(db: Db, recordId: number): StoredFinding[] {
  const rows = db.prepare('SELECT * FROM findings WHERE record_id = ? ORDER BY analyzer_id, run_id DESC').all(recordId) as {
    analyzer_id: string; analyzer_version: string; params_hash: string; run_id: number; scores: string; spans: string; explanation: string; details: string | null;
  }[];
  return rows.map((r) => ({
    analyzerId: r.analyzer_id, analyzerVersion: r.analyzer_version, paramsHash: r.params_hash, runId: r.run_id,
    scores: JSON.parse(r.scores) as Record<string, number | null>, spans: JSON.parse(r.spans) as unknown[], explanation: r.explanation,
    details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
  }));
}
