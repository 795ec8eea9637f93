// Reads a report needs (records in a scope, their latest flags, flagged samples) and the table of reports written
// from this workspace. Scope filters are bound parameters; no caller text reaches the SQL.
import type { Db } from './db';

export interface RecordScopeFilter {
  assetIds: readonly number[];
  models: readonly string[] | null;
  promptVersions: readonly string[] | null;
  from: string | null;
  to: string | null;
}

export interface ScopeGroupRow {
  value: string | null;
  records: number;
  scored: number;
  hallucination: number;
  toxic: number;
  injection: number;
  pii: number;
  any_flag: number;
  grounding_mean: number | null;
  tokens_in: number | null;
  tokens_out: number | null;
  cost: number | null;
  latency_ms_mean: number | null;
}

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

function scopeWhere(f: RecordScopeFilter): { sql: string; args: (string | number)[] } {
  const parts = [`r.asset_id IN (${inList(f.assetIds.length)})`];
  const args: (string | number)[] = [...f.assetIds];
  if (f.models) {
    parts.push(`r.model IN (${inList(f.models.length)})`);
    args.push(...f.models);
  }
  if (f.promptVersions) {
    parts.push(`r.prompt_version IN (${inList(f.promptVersions.length)})`);
    args.push(...f.promptVersions);
  }
  if (f.from !== null) {
    parts.push('r.timestamp >= ?');
    args.push(f.from);
  }
  if (f.to !== null) {
    parts.push('r.timestamp <= ?');
    args.push(f.to);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, args };
}

const AGGREGATES = `count(*) AS records, count(s.record_id) AS scored,
  coalesce(sum(s.flag_hallucination), 0) AS hallucination, coalesce(sum(s.flag_toxic), 0) AS toxic,
  coalesce(sum(s.flag_injection), 0) AS injection, coalesce(sum(s.flag_pii), 0) AS pii,
  coalesce(sum((s.flag_hallucination + s.flag_toxic + s.flag_injection + s.flag_pii) > 0), 0) AS any_flag,
  avg(s.grounding) AS grounding_mean, sum(r.tokens_in) AS tokens_in, sum(r.tokens_out) AS tokens_out,
  sum(r.cost) AS cost, avg(r.latency_ms) AS latency_ms_mean`;

/** Totals (groupBy null) or one row per model / prompt version, ordered by value so reruns give the same order. */
export function scopeGroupStats(db: Db, f: RecordScopeFilter, groupBy: 'model' | 'prompt_version' | null): ScopeGroupRow[] {
  const { sql, args } = scopeWhere(f);
  const from = `FROM records r LEFT JOIN record_scores s ON s.record_id = r.id ${sql}`;
  if (groupBy === null) return [db.prepare(`SELECT NULL AS value, ${AGGREGATES} ${from}`).get(...args) as ScopeGroupRow];
  return db.prepare(`SELECT r.${groupBy} AS value, ${AGGREGATES} ${from} GROUP BY r.${groupBy} ORDER BY r.${groupBy} IS NULL, r.${groupBy}`)
    .all(...args) as ScopeGroupRow[];
}

export type FlagColumn = 'hallucination' | 'toxic' | 'injection' | 'pii';

export interface FlaggedRecordRow {
  id: number;
  external_id: string | null;
  model: string | null;
  prompt_version: string | null;
  input: string;
  output: string;
  grounding: number | null;
  toxicity: number | null;
  injection: number | null;
  pii: number | null;
  flag_hallucination: number;
  flag_toxic: number;
  flag_injection: number;
  flag_pii: number;
}

/** The first `limit` records (by id) carrying this flag: a reproducible sample of evidence. */
export function flaggedRecords(db: Db, f: RecordScopeFilter, flag: FlagColumn, limit: number): FlaggedRecordRow[] {
  const { sql, args } = scopeWhere(f);
  return db.prepare(`SELECT r.id, r.external_id, r.model, r.prompt_version, r.input, r.output, s.grounding, s.toxicity, s.injection, s.pii,
      s.flag_hallucination, s.flag_toxic, s.flag_injection, s.flag_pii
    FROM records r JOIN record_scores s ON s.record_id = r.id ${sql} AND s.flag_${flag} = 1 ORDER BY r.id LIMIT ?`)
    .all(...args, limit) as FlaggedRecordRow[];
}

/** Entry hashes of the first `length` audit entries (all when omitted), in seq order: the Merkle tree's leaves. */
export function auditEntryHashes(db: Db, length?: number): string[] {
  const sql = 'SELECT hash FROM audit_log ORDER BY seq';
  return (length === undefined ? db.prepare(sql).pluck().all() : db.prepare(`${sql} LIMIT ?`).pluck().all(length)) as string[];
}

export interface ReportRow {
  id: string;
  createdAt: string;
  outDir: string;
  jsonSha256: string;
  pdfSha256: string | null;
  keyId: string | null;
  auditLength: number;
  auditHead: string;
  merkleRoot: string;
  records: number;
  findings: number;
  scope: string;
}

interface StoredReportRow {
  id: string; created_at: string; out_dir: string; json_sha256: string; pdf_sha256: string | null; key_id: string | null;
  audit_length: number; audit_head: string; merkle_root: string; records: number; findings: number; scope: string;
}

const toReport = (r: StoredReportRow): ReportRow => ({
  id: r.id, createdAt: r.created_at, outDir: r.out_dir, jsonSha256: r.json_sha256, pdfSha256: r.pdf_sha256, keyId: r.key_id,
  auditLength: r.audit_length, auditHead: r.audit_head, merkleRoot: r.merkle_root, records: r.records, findings: r.findings, scope: r.scope,
});

export function insertReport(db: Db, r: ReportRow): void {
  db.prepare(`INSERT INTO reports (id, created_at, out_dir, json_sha256, pdf_sha256, key_id, audit_length, audit_head, merkle_root, records, findings, scope)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.id, r.createdAt, r.outDir, r.jsonSha256, r.pdfSha256, r.keyId, r.auditLength, r.auditHead, r.merkleRoot, r.records, r.findings, r.scope);
}

export function listReports(db: Db): ReportRow[] {
  return (db.prepare('SELECT * FROM reports ORDER BY created_at DESC, id').all() as StoredReportRow[]).map(toReport);
}

/** The report that anchored the longest log: the base of the next report's consistency proof. */
export function latestReportAnchor(db: Db): ReportRow | undefined {
  const row = db.prepare('SELECT * FROM reports ORDER BY audit_length DESC, created_at DESC LIMIT 1').get() as StoredReportRow | undefined;
  return row && toReport(row);
}

/** Analysis runs whose headline scores the records in scope carry. */
export function scoringRunIds(db: Db, f: RecordScopeFilter): number[] {
  const { sql, args } = scopeWhere(f);
  return db.prepare(`SELECT DISTINCT s.run_id FROM records r JOIN record_scores s ON s.record_id = r.id ${sql} ORDER BY s.run_id`).pluck().all(...args) as number[];
}
